import { App, Button, Col, Descriptions, Form, Row, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import {
  generalGroups,
  sensitiveFields,
  type FieldSpec,
  type ResumeDto,
} from '../../lib/contracts.ts';
import { cleanValues, formatValue, SpecField } from './SpecField.tsx';

interface ProfileProps {
  resume: ResumeDto;
  /** May change the general part (officers, admins). */
  canEdit: boolean;
  onSaved: (r: ResumeDto) => void;
  onReload: () => void;
}

function ReadOnly({
  fields,
  values,
}: {
  fields: FieldSpec[];
  values: ResumeDto['profile']['general'];
}) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={fields.map((f) => ({
        key: f.key,
        label: f.label,
        children: formatValue(f, values[f.key]) || (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
      }))}
    />
  );
}

/** The scalar fields of 2C (chức vụ, tuyển dụng, quân ngũ, ngạch lương, sức khỏe…). */
export function ProfileGeneral({ resume, canEdit, onSaved, onReload }: ProfileProps) {
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      api.put<ResumeDto>(`/api/members/${resume.memberId}/resume/profile`, {
        version: resume.profile.version,
        general: cleanValues(values),
      }),
    onSuccess: (r) => {
      void message.success('Đã lưu thông tin lý lịch');
      setEditing(false);
      onSaved(r);
    },
    onError: (e) => handleError(e, { form, onReload }),
  });

  if (!editing) {
    return (
      <>
        {generalGroups.map((g) => (
          <div key={g.title} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{g.title}</Typography.Text>
            <ReadOnly fields={g.fields} values={resume.profile.general} />
          </div>
        ))}
        {canEdit && <Button onClick={() => setEditing(true)}>Sửa thông tin chung</Button>}
      </>
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={resume.profile.general}
      onFinish={(v) => save.mutate(v)}
    >
      {generalGroups.map((g) => (
        <div key={g.title}>
          <Typography.Title level={5}>{g.title}</Typography.Title>
          <Row gutter={16}>
            {g.fields.map((f) => (
              <Col key={f.key} xs={24} md={f.kind === 'text' && f.multiline ? 24 : 12}>
                <SpecField spec={f} />
              </Col>
            ))}
          </Row>
        </div>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu
        </Button>
        <Button onClick={() => setEditing(false)}>Hủy</Button>
      </Space>
    </Form>
  );
}

/** Nhận xét, đánh giá chính trị and the asset summary: only with the permission. */
export function ProfileSensitive({ resume, canEdit, onSaved, onReload }: ProfileProps) {
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const values = resume.profile.sensitive ?? {};
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.put<ResumeDto>(`/api/members/${resume.memberId}/resume/profile`, {
        version: resume.profile.version,
        general: resume.profile.general,
        sensitive: cleanValues(v),
      }),
    onSuccess: (r) => {
      void message.success('Đã lưu phần mật của lý lịch');
      setEditing(false);
      onSaved(r);
    },
    onError: (e) => handleError(e, { form, onReload }),
  });
  if (!editing) {
    return (
      <>
        <Descriptions
          size="small"
          column={1}
          items={sensitiveFields.map((f) => ({
            key: f.key,
            label: f.label,
            children: (
              <span style={{ whiteSpace: 'pre-wrap' }}>{formatValue(f, values[f.key]) || '—'}</span>
            ),
          }))}
        />
        {canEdit && <Button onClick={() => setEditing(true)}>Sửa phần mật</Button>}
      </>
    );
  }
  return (
    <Form form={form} layout="vertical" initialValues={values} onFinish={(v) => save.mutate(v)}>
      {sensitiveFields.map((f) => (
        <SpecField key={f.key} spec={f} />
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu
        </Button>
        <Button onClick={() => setEditing(false)}>Hủy</Button>
      </Space>
    </Form>
  );
}
