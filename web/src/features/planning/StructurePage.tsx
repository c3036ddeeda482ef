import { useState } from 'react';
import { Card, Col, Empty, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { IsoDatePicker, todayIso } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/errors.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { formatNumber } from '../../lib/vn.ts';
import type { StructureDto } from '../../../../src/contracts/planning.ts';
import { CitationsLine, DEFAULT_TERM, TermInput, validTerm } from './shared.tsx';

const pctText = (n: number) => `${n.toLocaleString('vi-VN')}%`;

/** /planning/structure: the pool's structure against its targets, as simple bars. */
export default function StructurePage() {
  const [unitId, setUnitId] = useState<number | null>(null);
  const [term, setTerm] = useState(DEFAULT_TERM);
  const [date, setDate] = useState(todayIso());
  const q = { unitId: unitId ?? undefined, term, date };
  const s = useQuery({
    queryKey: ['planning', 'structure', q],
    queryFn: () => api.get<StructureDto>('/api/planning/structure', q),
    enabled: validTerm(term),
  });
  const d = s.data;
  const max = d ? Math.max(1, ...d.ageBands.map((b) => b.count)) : 1;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitPicker
          value={unitId}
          onChange={setUnitId}
          allowClear
          placeholder="Toàn bộ phạm vi quản lý"
          style={{ width: 340 }}
        />
        <TermInput value={term} onChange={setTerm} />
        <Typography.Text>Tính tuổi đến ngày</Typography.Text>
        <IsoDatePicker
          value={date}
          allowClear={false}
          onChange={(v) => v && setDate(v)}
          style={{ width: 140 }}
        />
      </Space>
      {s.error && <ErrorAlert error={s.error} />}
      {d && d.people === 0 && <Empty description="Chưa có người trong quy hoạch nhiệm kỳ này" />}
      {d && d.people > 0 && (
        <>
          <Statistic
            title={`Số người trong quy hoạch — ${d.unitName}`}
            value={formatNumber(d.people)}
          />
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Ba độ tuổi">
                {d.ageBands.map((b) => (
                  <div key={b.label} style={{ marginBottom: 8 }}>
                    <Typography.Text>
                      {b.label}: <b>{formatNumber(b.count)}</b> người (
                      {pctText(Math.round((b.count * 1000) / d.people) / 10)})
                    </Typography.Text>
                    <Progress percent={(b.count * 100) / max} showInfo={false} />
                  </div>
                ))}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="Tỷ lệ so với chỉ tiêu">
                {d.shares.map((x) => {
                  const reached = x.targetPercent === null || x.percent >= x.targetPercent;
                  return (
                    <div key={x.key} style={{ marginBottom: 8 }}>
                      <Typography.Text>
                        {x.label}: <b>{formatNumber(x.count)}</b> người ({pctText(x.percent)})
                        {x.targetPercent !== null &&
                          ` — chỉ tiêu ${pctText(x.targetPercent)}${reached ? ', đạt' : ', chưa đạt'}`}
                      </Typography.Text>
                      <Progress
                        percent={x.percent}
                        success={x.targetPercent !== null ? { percent: 0 } : undefined}
                        status={reached ? 'success' : 'exception'}
                        format={() => pctText(x.percent)}
                      />
                    </div>
                  );
                })}
              </Card>
            </Col>
          </Row>
          <div style={{ marginTop: 8 }}>
            <CitationsLine citations={d.citations} />
          </div>
        </>
      )}
    </>
  );
}
