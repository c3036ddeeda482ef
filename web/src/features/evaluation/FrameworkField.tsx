import { useState } from 'react';
import { App, Select, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useApiErrorHandler } from '../../components/errors.tsx';
import type { EvaluationDto, FrameworkDto } from './api.ts';

/**
 * The evaluation's criteria framework (QĐ 366-QĐ/TW: five). Before the first step the level can
 * pick another one of the same subject (e.g. "diện Trung ương quản lý"); afterwards it is fixed.
 */
export function FrameworkField({ e }: { e: EvaluationDto }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const frameworks = useQuery({
    queryKey: ['evaluation-frameworks'],
    queryFn: () => api.get<FrameworkDto[]>('/api/evaluation/frameworks'),
    enabled: e.can.framework,
  });
  if (!e.can.framework) return <>{e.frameworkName}</>;
  const options = (frameworks.data ?? [])
    .filter((f) => f.subject === e.subject && f.active)
    .map((f) => ({ value: f.id, label: f.name }));
  const change = async (frameworkId: number) => {
    setSaving(true);
    try {
      await api.put(`/api/evaluations/${e.id}/framework`, { version: e.version, frameworkId });
      void message.success('Đã đổi khung tiêu chí');
      void queryClient.invalidateQueries({ queryKey: ['evaluation', e.id] });
    } catch (err) {
      handleError(err, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['evaluation', e.id] }),
      });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Select
        aria-label="Khung tiêu chí"
        value={e.frameworkId}
        options={options.length ? options : [{ value: e.frameworkId, label: e.frameworkName }]}
        loading={frameworks.isLoading || saving}
        disabled={saving}
        onChange={(id) => void change(id)}
        style={{ minWidth: 320 }}
      />
      <Typography.Text type="secondary">Chỉ đổi được trước bước đánh giá đầu tiên.</Typography.Text>
    </Space>
  );
}
