import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import type { AcceptBody } from '../../../../../src/contracts/election-documents.ts';
import { formatDateTime, IsoDatePicker, todayIso } from '../../../components/DateField.tsx';
import { formatDate, formatNumber } from '../../../lib/vn.ts';
import { problemText } from '../api.ts';
import { useAccept, useAcceptance } from './api.ts';

/**
 * Chuẩn y: once the level above approves the results, the decision is recorded here and the
 * elected take up their posts from its date (shown in each member's "Chức vụ, nhiệm kỳ" tab).
 */
export function AcceptResultsCard({ electionId }: { electionId: number }) {
  const { message } = App.useApp();
  const q = useAcceptance(electionId);
  const accept = useAccept(electionId);
  const [form] = Form.useForm<AcceptBody>();
  if (q.error) return <Alert type="error" title={problemText(q.error)} />;
  const a = q.data;
  return (
    <Card title="Chuẩn y kết quả bầu cử" loading={q.isLoading} data-testid="accept-results">
      {a?.accepted && (
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="Quyết định chuẩn y">
            Số {a.accepted.decisionNumber} ngày {formatDate(a.accepted.decisionDate)}
            {a.accepted.approvingBody && ` — ${a.accepted.approvingBody}`}
          </Descriptions.Item>
          <Descriptions.Item label="Chức vụ đã ghi">
            {formatNumber(a.accepted.appointmentsCreated)} đồng chí giữ chức {a.postTitle} từ{' '}
            {formatDate(a.accepted.decisionDate)}; kết thúc{' '}
            {formatNumber(a.accepted.appointmentsClosed)} chức vụ nhiệm kỳ trước
          </Descriptions.Item>
          <Descriptions.Item label="Người ghi">
            {a.accepted.by}, {formatDateTime(a.accepted.at)}
          </Descriptions.Item>
        </Descriptions>
      )}
      {a && !a.accepted && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {a.blockers.length > 0 && (
            <Alert
              type="warning"
              title="Chưa thể chuẩn y"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {a.blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              }
            />
          )}
          {a.elected.length > 0 && (
            <Typography.Paragraph>
              Người trúng cử ({formatNumber(a.elected.length)}):{' '}
              {a.elected.map((e) => e.fullName).join(', ')}.
              {a.postTitle && ` Sau khi chuẩn y, mỗi đồng chí giữ chức ${a.postTitle}.`}
            </Typography.Paragraph>
          )}
          {a.canAccept && (
            <Form
              form={form}
              layout="inline"
              initialValues={{ decisionDate: todayIso(), approvingBody: '' }}
              onFinish={(v) =>
                accept.mutate(v, {
                  onSuccess: () => message.success('Đã ghi quyết định chuẩn y và chức vụ mới'),
                  onError: (e) => message.error(problemText(e)),
                })
              }
            >
              <Form.Item
                name="decisionNumber"
                label="Số quyết định"
                rules={[{ required: true, message: 'Nhập số quyết định chuẩn y' }]}
              >
                <Input placeholder="VD: 123-QĐ/TU" />
              </Form.Item>
              <Form.Item
                name="decisionDate"
                label="Ngày chuẩn y"
                rules={[{ required: true, message: 'Chọn ngày chuẩn y' }]}
              >
                <IsoDatePicker />
              </Form.Item>
              <Form.Item name="approvingBody" label="Cơ quan chuẩn y">
                <Input placeholder="VD: Ban Thường vụ Thành ủy" />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={accept.isPending}>
                  Ghi chuẩn y
                </Button>
              </Form.Item>
            </Form>
          )}
        </Space>
      )}
    </Card>
  );
}
