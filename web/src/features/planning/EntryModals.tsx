import { useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Spin } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { useApiErrorHandler } from '../../components/errors.tsx';
import { MemberPicker } from '../../components/MemberPicker.tsx';
import {
  planningSourceLabels,
  planningSources,
  politicalStandardLabels,
  politicalStandards,
  type CheckEntryResult,
  type EntryDto,
  type PlanningCheckDto,
  type PoolDto,
} from '../../../../src/contracts/planning.ts';
import { CheckLine } from './shared.tsx';

/** The QĐ 377 verdicts for a person picked for a pool, asked of the server as they are picked. */
export function CandidateChecks({
  poolId,
  memberId,
  decisionDate,
}: {
  poolId: number;
  memberId: number | null;
  decisionDate?: string | null;
}) {
  const q = useQuery({
    queryKey: ['planning', 'check', poolId, memberId, decisionDate],
    queryFn: () =>
      api.post<CheckEntryResult>(`/api/planning/pools/${poolId}/check`, {
        memberId,
        decisionDate: decisionDate ?? undefined,
      }),
    enabled: !!memberId,
  });
  if (!memberId) return null;
  if (q.isFetching) return <Spin size="small" />;
  if (!q.data) return null;
  if (!q.data.checks.length) {
    return (
      <Alert type="success" showIcon title="Đủ điều kiện quy hoạch theo các quy định đã kiểm tra" />
    );
  }
  return <CheckList checks={q.data.checks} />;
}

export function CheckList({ checks }: { checks: PlanningCheckDto[] }) {
  return (
    <Space orientation="vertical" size={4}>
      {checks.map((c) => (
        <CheckLine key={c.code} check={c} />
      ))}
    </Space>
  );
}

interface AddValues {
  memberId: number;
  source: string;
  nominationRound: string;
  votesCast: number | null;
  votesFor: number | null;
  decisionNumber: string;
  decisionDate: string;
  politicalStandard: string;
  note: string;
}

export function AddEntryModal(props: { pool: PoolDto; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<AddValues>();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const memberId = Form.useWatch('memberId', form) ?? null;
  const decisionDate = Form.useWatch('decisionDate', form) ?? null;
  const m = useMutation({
    mutationFn: (v: AddValues) =>
      api.post<{ entry: EntryDto; warnings: PlanningCheckDto[] }>(
        `/api/planning/pools/${props.pool.id}/entries`,
        {
          ...v,
          nominationRound: v.nominationRound ?? '',
          votesCast: v.votesCast ?? null,
          votesFor: v.votesFor ?? null,
          note: v.note ?? '',
        },
      ),
    onSuccess: (r) => {
      void message.success(`Đã đưa ${r.entry.fullName} vào quy hoạch`);
      if (r.warnings.length) {
        modal.warning({ title: 'Lưu ý khi quy hoạch', content: <CheckList checks={r.warnings} /> });
      }
      props.onDone();
    },
    onError: (e) => handleError(e, { form }),
  });
  return (
    <Modal
      open
      width={760}
      title={`Đưa người vào quy hoạch ${props.pool.postTitleName} — ${props.pool.unitName} (${props.pool.term})`}
      okText="Đưa vào quy hoạch"
      cancelText="Hủy"
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={m.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'inside', politicalStandard: 'met', decisionDate: todayIso() }}
        onFinish={(v) => m.mutate(v)}
      >
        <Form.Item
          name="memberId"
          label="Người được quy hoạch"
          rules={[{ required: true, message: 'Chọn một người' }]}
        >
          <MemberPicker />
        </Form.Item>
        <div style={{ marginBottom: 16 }}>
          <CandidateChecks poolId={props.pool.id} memberId={memberId} decisionDate={decisionDate} />
        </div>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="source" label="Nguồn">
              <Select
                options={planningSources.map((s) => ({ value: s, label: planningSourceLabels[s] }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="politicalStandard" label="Tiêu chuẩn chính trị">
              <Select
                options={politicalStandards.map((s) => ({
                  value: s,
                  label: politicalStandardLabels[s],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="nominationRound" label="Bước giới thiệu (hội nghị lấy phiếu)">
          <Input placeholder="Ví dụ: Hội nghị Ban Chấp hành mở rộng ngày 15/01/2026" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="votesCast" label="Số phiếu phát ra (phiếu kín)">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="votesFor" label="Số phiếu giới thiệu">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="decisionNumber"
              label="Số quyết định phê duyệt"
              rules={[{ required: true, message: 'Nhập số quyết định' }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="decisionDate"
              label="Ngày quyết định"
              rules={[{ required: true, message: 'Chọn ngày' }]}
            >
              <IsoDatePicker />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RemoveValues {
  removedDate: string;
  removalDecisionNumber: string;
  removalReason: string;
}

export function RemoveEntryModal(props: {
  entry: EntryDto;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<RemoveValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const submit = async (v: RemoveValues) => {
    setSaving(true);
    try {
      await api.post(`/api/planning/entries/${props.entry.id}/remove`, {
        ...v,
        version: props.entry.version,
      });
      void message.success(`Đã đưa ${props.entry.fullName} ra khỏi quy hoạch`);
      props.onDone();
    } catch (e) {
      handleError(e, { form });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={`Đưa ${props.entry.fullName} ra khỏi quy hoạch`}
      okText="Ghi nhận"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ removedDate: todayIso() }}
        onFinish={submit}
      >
        <Form.Item
          name="removalDecisionNumber"
          label="Số quyết định"
          rules={[{ required: true, message: 'Nhập số quyết định' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="removedDate"
          label="Ngày quyết định"
          rules={[{ required: true, message: 'Chọn ngày' }]}
        >
          <IsoDatePicker />
        </Form.Item>
        <Form.Item
          name="removalReason"
          label="Lý do"
          rules={[{ required: true, message: 'Nhập lý do' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
