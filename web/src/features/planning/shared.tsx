import { Input, Space, Tag, Typography } from 'antd';
import type { CitationDto } from '../../../../src/contracts/rules.ts';
import type { PlanningCheckDto } from '../../../../src/contracts/planning.ts';

/** The term planned for by default: the next congress term. */
export const DEFAULT_TERM = '2030-2035';

export function TermInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <Space size={4}>
      <Typography.Text>Nhiệm kỳ</Typography.Text>
      <Input
        aria-label="Nhiệm kỳ"
        value={value}
        onChange={(e) => onChange(e.target.value.trim())}
        placeholder="2030-2035"
        style={{ width: 120 }}
      />
    </Space>
  );
}

export const validTerm = (t: string) => /^\d{4}-\d{4}$/.test(t);

export function CitationsLine({ citations }: { citations: CitationDto[] }) {
  if (!citations.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      Căn cứ: {citations.map((c) => `${c.rule} (${c.document})`).join('; ')}
    </Typography.Text>
  );
}

/** One verdict of the QĐ 377 checks: red when it blocks, orange when it asks to confirm. */
export function CheckLine({ check }: { check: PlanningCheckDto }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Tag color={check.severity === 'block' ? 'red' : 'orange'}>
          {check.severity === 'block' ? 'Không đủ điều kiện' : 'Cần xem xét'}
        </Tag>
        {check.message}
      </span>
      <CitationsLine citations={check.citations} />
    </Space>
  );
}

export const monthsText = (n: number | null) =>
  n === null ? '—' : n >= 12 ? `${Math.floor(n / 12)} năm ${n % 12} tháng` : `${n} tháng`;
