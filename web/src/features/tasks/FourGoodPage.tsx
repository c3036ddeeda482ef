import { useState } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ErrorAlert, useApiErrorHandler } from '../../components/errors.tsx';
import { MemberPicker } from '../../components/MemberPicker.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { canBrowse, canWrite } from '../../lib/roles.ts';
import { formatNumber } from '../../lib/vn.ts';
import { useCurrentUser } from '../auth/auth.tsx';
import {
  fourGoodKindLabels,
  fourGoodStatusLabels,
  type AssessmentDto,
  type AssessmentPage,
  type CriteriaSetDto,
  type FourGoodKind,
} from './contracts.ts';
import { yearOptions } from './taskUi.tsx';

const statusColors = { submitted: 'blue', recognized: 'green', not_recognized: 'default' } as const;

/** /tasks/four-good: yearly self-assessment of cells and members, and recognition by the level above. */
export default function FourGoodPage() {
  const user = useCurrentUser();
  const writer = canWrite(user);
  const [kind, setKind] = useState<FourGoodKind>(writer ? 'cell' : 'member');
  const [year, setYear] = useState(new Date().getFullYear());
  const [unitId, setUnitId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['four-good', kind, year, unitId, page],
    queryFn: () =>
      api.get<AssessmentPage>('/api/four-good/assessments', {
        kind,
        year,
        unitId: unitId ?? undefined,
        page,
        pageSize: 50,
      }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<AssessmentDto> = [
    kind === 'cell'
      ? { title: 'Chi bộ', dataIndex: 'unitName' }
      : { title: 'Đảng viên', render: (_, r) => `${r.memberName ?? ''} — ${r.unitName}` },
    {
      title: 'Tiêu chí đạt',
      width: 120,
      render: (_, r) => `${r.metCount}/${r.criteria.length}`,
    },
    {
      title: 'Chưa đạt',
      render: (_, r) =>
        r.scores
          .filter((s) => !s.met)
          .map((s) => r.criteria.find((c) => c.code === s.code)?.name ?? s.code)
          .join('; '),
    },
    { title: 'Tự nhận xét', dataIndex: 'selfComment' },
    {
      title: 'Công nhận',
      width: 260,
      render: (_, r) =>
        r.canRecognize ? (
          <RecognizeButtons a={r} />
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color={statusColors[r.status]}>{fourGoodStatusLabels[r.status]}</Tag>
            {r.recognitionComment && (
              <Typography.Text type="secondary">{r.recognitionComment}</Typography.Text>
            )}
          </Space>
        ),
    },
  ];
  return (
    <Card title="Chi bộ 4 tốt, Đảng viên 4 tốt">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="Năm"
          value={year}
          options={yearOptions}
          onChange={setYear}
          style={{ width: 110 }}
        />
        {canBrowse(user) && (
          <UnitPicker
            value={unitId}
            onChange={setUnitId}
            allowClear
            placeholder="Toàn bộ phạm vi"
            style={{ width: 320 }}
          />
        )}
      </Space>
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as FourGoodKind);
          setPage(1);
        }}
        items={(['cell', 'member'] as const).map((k) => ({ key: k, label: fourGoodKindLabels[k] }))}
      />
      <SelfAssessForm kind={kind} year={year} />
      {list.error && <ErrorAlert error={list.error} />}
      {list.data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          Đã công nhận {formatNumber(list.data.counts.recognized)}, chờ công nhận{' '}
          {formatNumber(list.data.counts.submitted)}, không công nhận{' '}
          {formatNumber(list.data.counts.not_recognized)}
        </Typography.Paragraph>
      )}
      <Table<AssessmentDto>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: 'Chưa có bản tự đánh giá nào' }}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          onChange: setPage,
        }}
      />
    </Card>
  );
}

function RecognizeButtons({ a }: { a: AssessmentDto }) {
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (recognized: boolean) =>
      api.post<AssessmentDto>(`/api/four-good/assessments/${a.id}/recognition`, {
        version: a.version,
        recognized,
        comment,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['four-good'] }),
    onError: (e) => onError(e),
  });
  const allMet = a.metCount === a.criteria.length;
  return (
    <Space orientation="vertical" size={4}>
      <Input
        size="small"
        placeholder="Ý kiến"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Space>
        <Button
          size="small"
          type="primary"
          disabled={!allMet}
          loading={decide.isPending}
          onClick={() => decide.mutate(true)}
          data-testid={`four-good-recognize-${a.id}`}
        >
          Công nhận
        </Button>
        <Button size="small" onClick={() => decide.mutate(false)}>
          Không công nhận
        </Button>
      </Space>
    </Space>
  );
}

type SelfValues = {
  unitId?: number | null;
  memberId?: number | null;
  met: string[];
  selfComment: string;
};

function SelfAssessForm({ kind, year }: { kind: FourGoodKind; year: number }) {
  const user = useCurrentUser();
  const writer = canWrite(user);
  const [form] = Form.useForm<SelfValues>();
  const queryClient = useQueryClient();
  const onError = useApiErrorHandler();
  const cellId = Form.useWatch('unitId', form);
  const criteria = useQuery({
    queryKey: ['four-good-criteria', kind, year, kind === 'cell' ? cellId : null],
    queryFn: () =>
      api.get<CriteriaSetDto>('/api/four-good/criteria', {
        kind,
        year,
        unitId: kind === 'cell' ? (cellId ?? undefined) : undefined,
      }),
  });
  const save = useMutation({
    mutationFn: (v: SelfValues) =>
      api.post<AssessmentDto>('/api/four-good/assessments', {
        kind,
        year,
        unitId: v.unitId ?? undefined,
        memberId: v.memberId ?? undefined,
        selfComment: v.selfComment ?? '',
        scores: criteria.data!.criteria.map((c) => ({
          code: c.code,
          met: (v.met ?? []).includes(c.code),
          comment: '',
        })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['four-good'] });
      form.resetFields();
    },
    onError: (e) => onError(e, { form }),
  });
  if (kind === 'cell' && !writer) return null;
  if (kind === 'member' && !writer && !user.memberId) return null;
  return (
    <Card size="small" title={`Tự đánh giá năm ${year}`} style={{ marginBottom: 8 }}>
      <Form<SelfValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {kind === 'cell' ? (
          <Form.Item
            name="unitId"
            label="Chi bộ"
            rules={[{ required: true, message: 'Chọn chi bộ' }]}
          >
            <UnitPicker placeholder="Gõ tên chi bộ" style={{ maxWidth: 420 }} />
          </Form.Item>
        ) : (
          writer && (
            <Form.Item
              name="memberId"
              label="Đảng viên"
              extra={user.memberId ? 'Để trống: tự đánh giá của chính mình' : undefined}
            >
              <MemberPicker placeholder="Gõ tên đảng viên" />
            </Form.Item>
          )
        )}
        {criteria.data && (
          <Form.Item name="met" label={`Tiêu chí đạt (${criteria.data.name})`}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={criteria.data.criteria.map((c) => ({
                value: c.code,
                label: c.description ? `${c.name} — ${c.description}` : c.name,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="selfComment" label="Tự nhận xét">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          disabled={!criteria.data}
          data-testid="four-good-submit"
        >
          Gửi tự đánh giá
        </Button>
      </Form>
    </Card>
  );
}
