import { Space, Tag, Tooltip, Typography } from 'antd';
import { statusLabels, type CheckDto, type CheckStatus } from '../../lib/contracts.ts';

const colors: Record<CheckStatus, string> = {
  ok: 'green',
  near: 'orange',
  over: 'red',
  none: 'default',
  unknown: 'default',
  local: 'blue',
  nonlocal: 'purple',
  retired: 'red',
  ineligible: 'red',
};

export function StatusTag({ status }: { status: CheckStatus }) {
  return <Tag color={colors[status]}>{statusLabels[status]}</Tag>;
}

/** "Căn cứ: …" — the rules a verdict used, each with its document. */
export function Citations({ citations }: { citations: CheckDto['citations'] }) {
  if (!citations.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      Căn cứ: {citations.map((c) => `${c.rule} (${c.document})`).join('; ')}
    </Typography.Text>
  );
}

/** A verdict: its status, the Vietnamese explanation, and the rules behind it. */
export function CheckView({ check, compact }: { check: CheckDto; compact?: boolean }) {
  if (compact) {
    return (
      <Tooltip
        title={
          <>
            <div>{check.message}</div>
            {check.citations.map((c) => (
              <div key={`${c.rule}|${c.document}`} style={{ fontSize: 12, opacity: 0.8 }}>
                {c.rule} — {c.document}
              </div>
            ))}
          </>
        }
      >
        <span>
          <StatusTag status={check.status} />
        </span>
      </Tooltip>
    );
  }
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <StatusTag status={check.status} /> {check.message}
      </span>
      <Citations citations={check.citations} />
    </Space>
  );
}
