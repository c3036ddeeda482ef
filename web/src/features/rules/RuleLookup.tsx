import { useState } from 'react';
import { Alert, Card, Form, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { errorMessage } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import type { ResolvedRuleDto, RuleSummaryDto } from '../../lib/contracts.ts';
import { formatDate } from '../../lib/vn.ts';

/** "Which value applies to this unit on this day?" — the registry's rule(key, unit, date). */
export function RuleLookup({ rules }: { rules: RuleSummaryDto[] }) {
  const [key, setKey] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [date, setDate] = useState<string | null>(todayIso());
  const resolved = useQuery({
    queryKey: ['rule-resolve', key, unitId, date],
    queryFn: () =>
      api.get<ResolvedRuleDto>(`/api/rules/${key}/resolve`, { unitId, date: date ?? undefined }),
    enabled: !!key && !!unitId,
    retry: false,
  });
  return (
    <Card title="Tra cứu quy định áp dụng">
      <Form layout="vertical">
        <Space wrap align="start">
          <Form.Item label="Quy định" style={{ minWidth: 360 }}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder="Chọn quy định"
              value={key}
              onChange={setKey}
              options={rules.map((r) => ({ value: r.key, label: r.title }))}
            />
          </Form.Item>
          <Form.Item label="Tổ chức" style={{ minWidth: 320 }}>
            <UnitPicker value={unitId} onChange={setUnitId} />
          </Form.Item>
          <Form.Item label="Vào ngày">
            <IsoDatePicker value={date} onChange={setDate} style={{ width: 160 }} />
          </Form.Item>
        </Space>
      </Form>
      {resolved.error && <Alert type="warning" showIcon message={errorMessage(resolved.error)} />}
      {resolved.data && (
        <Alert
          type="info"
          showIcon
          message={<Typography.Text strong>{resolved.data.explanation}</Typography.Text>}
          description={
            <>
              {resolved.data.overriddenBy
                ? `Quy định riêng của ${resolved.data.overriddenBy}`
                : 'Quy định chung toàn quốc'}
              {`, hiệu lực từ ${formatDate(resolved.data.validFrom)}`}
              {resolved.data.validTo && ` đến ${formatDate(resolved.data.validTo)}`}.
            </>
          }
        />
      )}
    </Card>
  );
}
