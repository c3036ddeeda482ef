import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { UnitStatsDto } from '../../lib/contracts.ts';
import { formatNumber, formatPercent } from '../../lib/vn.ts';

const fmt = (v: number | string | undefined) => formatNumber(Number(v ?? 0));

/** Subtree statistics of a unit (everything under it, itself included). */
export function UnitStats({ stats }: { stats: UnitStatsDto }) {
  const femaleShare = formatPercent(stats.femaleMembers, stats.activeMembers);
  const items: { title: string; value: number; suffix?: string }[] = [
    { title: 'Tổ chức trực thuộc', value: stats.units },
    { title: 'Tổ chức cơ sở đảng', value: stats.grassroots },
    { title: 'Đảng viên', value: stats.activeMembers },
    { title: 'Chính thức', value: stats.fullMembers },
    { title: 'Dự bị', value: stats.probationaryMembers },
    { title: 'Nữ', value: stats.femaleMembers, suffix: femaleShare ? `(${femaleShare})` : '' },
  ];
  return (
    <Card size="small" title="Số liệu toàn đảng bộ" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {items.map((s) => (
          <Col key={s.title} xs={12} md={8} xl={4}>
            <Statistic
              title={s.title}
              value={s.value}
              formatter={(v) => fmt(v)}
              suffix={s.suffix ? <span style={{ fontSize: 14 }}>{s.suffix}</span> : undefined}
            />
          </Col>
        ))}
      </Row>
      {stats.archivedMembers > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          Hồ sơ đã lưu trữ: {formatNumber(stats.archivedMembers)}
        </Typography.Text>
      )}
    </Card>
  );
}
