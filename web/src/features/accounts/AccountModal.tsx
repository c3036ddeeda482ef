import { App, Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { MemberPicker } from '../../components/MemberPicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { permissionLabels, permissions, roleLabels, roles } from '../../lib/contracts.ts';
import type { AccountDto, Permission, Role } from '../../lib/contracts.ts';
import { enumOptions } from '../../lib/options.ts';

interface AccountValues {
  username: string;
  displayName: string;
  password?: string;
  unitId: number;
  roles: Role[];
  permissions: Permission[];
  memberId?: number | null;
  active: boolean;
}

interface AccountModalProps {
  /** null: a new account. */
  account: AccountDto | null;
  onClose: () => void;
  onDone: () => void;
  onReload: () => void;
}

const roleOptions = enumOptions(roles, roleLabels);
const permissionOptions = enumOptions(permissions, permissionLabels);

export function AccountModal({ account, onClose, onDone, onReload }: AccountModalProps) {
  const [form] = Form.useForm<AccountValues>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: AccountValues) => {
      if (!account) {
        return api.post<AccountDto>('/api/accounts', {
          username: v.username.trim().toLowerCase(),
          displayName: v.displayName,
          password: v.password,
          unitId: v.unitId,
          roles: v.roles,
          permissions: v.permissions ?? [],
          memberId: v.memberId ?? null,
        });
      }
      return api.patch<AccountDto>(`/api/accounts/${account.id}`, {
        version: account.version,
        displayName: v.displayName,
        unitId: v.unitId,
        roles: v.roles,
        permissions: v.permissions ?? [],
        memberId: v.memberId ?? null,
        active: v.active,
      });
    },
    onSuccess: (a) => {
      void message.success(account ? 'Đã lưu tài khoản' : `Đã tạo tài khoản ${a.username}`);
      onDone();
    },
    onError: (e) => handleError(e, { form, onReload }),
  });

  return (
    <Modal
      open
      width={640}
      title={account ? `Sửa tài khoản ${account.username}` : 'Tạo tài khoản'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form<AccountValues>
        form={form}
        layout="vertical"
        initialValues={
          account
            ? { ...account }
            : { roles: ['officer'], permissions: [], active: true, memberId: null }
        }
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[
            { required: true, message: 'Vui lòng nhập tên đăng nhập' },
            {
              pattern: /^[a-zA-Z0-9._-]{3,50}$/,
              message: '3–50 ký tự: chữ không dấu, số, dấu chấm, gạch',
            },
          ]}
        >
          <Input disabled={!!account} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Họ tên"
          name="displayName"
          rules={[
            { required: true, message: 'Vui lòng nhập họ tên' },
            { min: 2, message: 'Tối thiểu 2 ký tự' },
          ]}
        >
          <Input maxLength={120} />
        </Form.Item>
        {!account && (
          <Form.Item
            label="Mật khẩu"
            name="password"
            rules={[
              { required: true, message: 'Vui lòng nhập mật khẩu' },
              { min: 10, message: 'Mật khẩu tối thiểu 10 ký tự' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          label="Tổ chức"
          name="unitId"
          rules={[{ required: true, message: 'Chọn tổ chức đảng của tài khoản' }]}
          extra="Tài khoản chỉ xem và cập nhật được dữ liệu của tổ chức này và các tổ chức trực thuộc."
        >
          <UnitPicker />
        </Form.Item>
        <Form.Item
          label="Vai trò"
          name="roles"
          rules={[{ required: true, type: 'array', min: 1, message: 'Cần ít nhất một vai trò' }]}
        >
          <Checkbox.Group options={roleOptions} />
        </Form.Item>
        <Form.Item
          label="Quyền riêng"
          name="permissions"
          extra="Chỉ cấp cho người có trách nhiệm: phần mật gồm nhận xét đánh giá chính trị, kỷ luật, kê khai tài sản, quan hệ gia đình. Việc cấp và thu hồi được ghi vào lịch sử thay đổi."
        >
          <Checkbox.Group options={permissionOptions} />
        </Form.Item>
        <Form.Item
          label="Đảng viên gắn với tài khoản"
          name="memberId"
          extra="Bắt buộc với vai trò Đảng viên: tài khoản xem được hồ sơ của chính mình."
        >
          <MemberPicker />
        </Form.Item>
        {account && (
          <Form.Item label="Trạng thái hoạt động" name="active" valuePropName="checked">
            <Switch checkedChildren="Hoạt động" unCheckedChildren="Ngừng" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({
  account,
  onClose,
}: {
  account: AccountDto;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const m = useMutation({
    mutationFn: (v: { password: string }) =>
      api.post(`/api/accounts/${account.id}/password`, { password: v.password }),
    onSuccess: () => {
      void message.success(`Đã đặt lại mật khẩu cho ${account.username}`);
      onClose();
    },
    onError: (e) => handleError(e, { form }),
  });
  return (
    <Modal
      open
      title={`Đặt lại mật khẩu: ${account.username}`}
      okText="Đặt lại"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
        <Form.Item
          label="Mật khẩu mới"
          name="password"
          rules={[
            { required: true, message: 'Vui lòng nhập mật khẩu mới' },
            { min: 10, message: 'Mật khẩu tối thiểu 10 ký tự' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
