import { App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm() {
  const [form] = Form.useForm<PasswordValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const mutation = useMutation({
    mutationFn: (v: PasswordValues) =>
      api.post('/api/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      }),
    onSuccess: () => {
      form.resetFields();
      void message.success('Đã đổi mật khẩu');
    },
    onError: (e) => handleError(e, { form }),
  });

  return (
    <Card title="Đổi mật khẩu" style={{ maxWidth: 520 }}>
      <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          label="Mật khẩu hiện tại"
          name="currentPassword"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          rules={[
            { required: true, message: 'Vui lòng nhập mật khẩu mới' },
            { min: 10, message: 'Mật khẩu tối thiểu 10 ký tự' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Mật khẩu nhập lại không khớp')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          Đổi mật khẩu
        </Button>
      </Form>
    </Card>
  );
}
