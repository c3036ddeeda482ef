import { Space, Tag, Typography } from 'antd';
import type { CheckDto, RoundStatus } from '../../../../src/contracts/elections.ts';
import type { CitationDto } from '../../../../src/contracts/rules.ts';
import { formatNumber } from '../../lib/vn.ts';

export function Citations({ citations }: { citations: CitationDto[] }) {
  if (!citations.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      Căn cứ: {citations.map((c) => `${c.rule} (${c.document})`).join('; ')}
    </Typography.Text>
  );
}

export function CheckLine({ check }: { check: CheckDto }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <Tag color={check.ok ? 'green' : 'red'}>{check.ok ? 'Đạt' : 'Vi phạm — chặn'}</Tag>
        {check.message}
      </span>
      <Citations citations={check.citations} />
    </Space>
  );
}

const statusColors: Record<RoundStatus, string> = {
  open: 'blue',
  closed: 'green',
  annulled: 'red',
};
export const RoundStatusTag = ({ status, label }: { status: RoundStatus; label: string }) => (
  <Tag color={statusColors[status]}>{label}</Tag>
);

/** 54.55 → "54,55%". */
export const pct = (p: number) => `${formatNumber(p, 2)}%`;

/** "1 3, 5" → [1, 3, 5]: positions typed on the keyboard. */
export function parsePositions(s: string): number[] {
  return [
    ...new Set(
      s
        .split(/[\s,;.+]+/)
        .filter(Boolean)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0),
    ),
  ];
}
