import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../core/db/client.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { makeMember, makeUnit } from '../../testing/factories.ts';
import { tasks } from './tasks.schema.ts';
import { taskOutcomeSummary } from './tasks.summary.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('taskOutcomeSummary', () => {
  it('counts approved tasks by outcome within the deadline window, one entry per member', async () => {
    const db = database.db;
    const unit = await makeUnit(db);
    const a = await makeMember(db, unit);
    const b = await makeMember(db, unit);
    const idle = await makeMember(db, unit);
    const base = {
      unitId: unit.id,
      unitPath: unit.path,
      periodKind: 'year',
      startYear: 2025,
      endYear: 2025,
      title: 'Việc khó',
      targets: [],
      milestones: [],
    };
    await db.insert(tasks).values([
      { ...base, memberId: a.id, deadline: '2025-06-30', status: 'approved', outcome: 'exceeded' },
      { ...base, memberId: a.id, deadline: '2025-12-31', status: 'approved', outcome: 'late' },
      { ...base, memberId: a.id, deadline: '2025-09-01', status: 'approved' },
      // Outside the window, not approved, or rejected: not counted.
      { ...base, memberId: a.id, deadline: '2026-01-01', status: 'approved', outcome: 'on_time' },
      { ...base, memberId: a.id, deadline: '2025-05-01', status: 'submitted' },
      { ...base, memberId: b.id, deadline: '2025-03-01', status: 'rejected' },
      { ...base, memberId: b.id, deadline: '2025-01-01', status: 'approved', outcome: 'on_time' },
      { ...base, memberId: b.id, deadline: '2025-02-01', status: 'approved', outcome: 'not_done' },
    ]);
    const m = await taskOutcomeSummary(db, {
      memberIds: [a.id, b.id, idle.id],
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(m.get(a.id)).toEqual({ total: 3, exceeded: 1, onTime: 0, late: 1, notDone: 0, open: 1 });
    expect(m.get(b.id)).toEqual({ total: 2, exceeded: 0, onTime: 1, late: 0, notDone: 1, open: 0 });
    expect(m.get(idle.id)).toEqual({
      total: 0,
      exceeded: 0,
      onTime: 0,
      late: 0,
      notDone: 0,
      open: 0,
    });
    expect(
      (await taskOutcomeSummary(db, { memberIds: [], from: '2025-01-01', to: '2025-12-31' })).size,
    ).toBe(0);
  });
});
