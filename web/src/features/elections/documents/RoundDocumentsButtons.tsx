import { useState } from 'react';
import { App, Button, Checkbox, Form, InputNumber, Modal, Radio, Space, Tooltip } from 'antd';
import { downloadFile } from '../../resume/download.ts';
import { problemText } from '../api.ts';

interface Props {
  roundId: number;
  /** Minutes and announcement exist only for a closed round. */
  closed: boolean;
}

/** Files of a round: printed ballots, the minutes (.docx, PDF) and the results announcement. */
export function RoundDocumentsButtons({ roundId, closed }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const get = async (key: string, url: string, fallbackName: string) => {
    setBusy(key);
    try {
      await downloadFile(url, { fallbackName });
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(null);
    }
  };
  const base = `/api/election-rounds/${roundId}`;
  const needsClosed = closed ? undefined : 'Chỉ lập sau khi Ban kiểm phiếu kết thúc vòng bầu';
  return (
    <Space wrap data-testid="round-documents">
      <Button onClick={() => setPrinting(true)}>In phiếu bầu</Button>
      <Tooltip title={needsClosed}>
        <Button
          disabled={!closed}
          loading={busy === 'docx'}
          onClick={() => get('docx', `${base}/minutes.docx`, 'bien-ban-kiem-phieu.docx')}
        >
          Biên bản kiểm phiếu (.docx)
        </Button>
      </Tooltip>
      <Tooltip title={needsClosed}>
        <Button
          disabled={!closed}
          loading={busy === 'pdf'}
          onClick={() => get('pdf', `${base}/minutes.pdf`, 'bien-ban-kiem-phieu.pdf')}
        >
          Biên bản kiểm phiếu (PDF)
        </Button>
      </Tooltip>
      <Tooltip title={needsClosed}>
        <Button
          disabled={!closed}
          loading={busy === 'ann'}
          onClick={() => get('ann', `${base}/announcement.pdf`, 'thong-bao-ket-qua.pdf')}
        >
          Thông báo kết quả (PDF)
        </Button>
      </Tooltip>
      <PrintBallotsModal
        open={printing}
        loading={busy === 'ballots'}
        onCancel={() => setPrinting(false)}
        onPrint={async (q) => {
          await get('ballots', `${base}/ballots.pdf?${q}`, 'phieu-bau.pdf');
          setPrinting(false);
        }}
      />
    </Space>
  );
}

interface PrintValues {
  count: number;
  numbered: boolean;
  firstSerial: number;
  perPage: 1 | 2 | 3;
}

function PrintBallotsModal(props: {
  open: boolean;
  loading: boolean;
  onCancel: () => void;
  onPrint: (query: string) => Promise<void>;
}) {
  const [form] = Form.useForm<PrintValues>();
  const numbered = Form.useWatch('numbered', form);
  return (
    <Modal
      title="In phiếu bầu"
      open={props.open}
      okText="Tải tệp PDF"
      cancelText="Đóng"
      confirmLoading={props.loading}
      onCancel={props.onCancel}
      onOk={async () => {
        const v = await form.validateFields();
        const q = new URLSearchParams({
          count: String(v.count),
          numbered: String(v.numbered),
          firstSerial: String(v.firstSerial ?? 1),
          perPage: String(v.perPage),
        });
        await props.onPrint(q.toString());
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ count: 1, numbered: false, firstSerial: 1, perPage: 1 }}
      >
        <Form.Item
          name="count"
          label="Số phiếu cần in"
          rules={[{ required: true, message: 'Nhập số phiếu' }]}
        >
          <InputNumber min={1} max={5000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="numbered" valuePropName="checked">
          <Checkbox>In số thứ tự trên từng phiếu</Checkbox>
        </Form.Item>
        {numbered && (
          <Form.Item name="firstSerial" label="Số phiếu bắt đầu">
            <InputNumber min={1} max={999999} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="perPage"
          label="Số phiếu trên một trang A4"
          extra="Danh sách dài sẽ tự giảm số phiếu mỗi trang cho vừa."
        >
          <Radio.Group
            options={[
              { value: 1, label: '1 phiếu' },
              { value: 2, label: '2 phiếu' },
              { value: 3, label: '3 phiếu' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
