import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../core/db/client.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { makeMember, makeUnit } from '../../testing/factories.ts';
import { taskRow } from './tasks.factory.ts';
import { tasks } from './tasks.schema.ts';
import { taskOutcomeSummary, taskOutcomeSummaryBulk } from './tasks.summary.ts';

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
    await db.insert(tasks).values([
      taskRow(unit, a.id, { deadline: '2025-06-30', status: 'approved', outcome: 'exceeded' }),
      taskRow(unit, a.id, { deadline: '2025-12-31', status: 'approved', outcome: 'late' }),
      taskRow(unit, a.id, { deadline: '2025-09-01', status: 'approved' }),
      // Outside the window, not approved, or rejected: not counted.
      taskRow(unit, a.id, { deadline: '2026-01-01', status: 'approved', outcome: 'on_time' }),
      taskRow(unit, a.id, { deadline: '2025-05-01', status: 'submitted' }),
      taskRow(unit, b.id, { deadline: '2025-03-01', status: 'rejected' }),
      taskRow(unit, b.id, { deadline: '2025-01-01', status: 'approved', outcome: 'on_time' }),
      taskRow(unit, b.id, { deadline: '2025-02-01', status: 'approved', outcome: 'not_done' }),
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

describe('taskOutcomeSummaryBulk', () => {
  it('gives the same counts as taskOutcomeSummary in one statement, members without tasks left out', async () => {
    const db = database.db;
    const unit = await makeUnit(db);
    const a = await makeMember(db, unit);
    const b = await makeMember(db, unit);
    const idle = await makeMember(db, unit);
    const other = await makeMember(db, unit);
    const base = {
      unitId: unit.id,
      unitPath: unit.path,
      periodKind: 'year',
      startYear: 2024,
      endYear: 2024,
      title: 'Việc mới',
      targets: [],
      milestones: [],
    };
    await db.insert(tasks).values([
      taskRow(unit, a.id, { deadline: '2024-01-01', status: 'approved', outcome: 'exceeded' }),
      taskRow(unit, a.id, { deadline: '2024-12-31', status: 'approved', outcome: 'on_time' }),
      taskRow(unit, a.id, { deadline: '2024-07-01', status: 'approved' }),
      taskRow(unit, a.id, { deadline: '2023-12-31', status: 'approved', outcome: 'late' }),
      taskRow(unit, b.id, { deadline: '2024-04-01', status: 'approved', outcome: 'late' }),
      taskRow(unit, b.id, { deadline: '2024-05-01', status: 'approved', outcome: 'not_done' }),
      taskRow(unit, b.id, { deadline: '2024-06-01', status: 'submitted' }),
      // Not asked about: must not appear.
      { ...base, memberId: other.id, deadline: '2024-06-01', status: 'approved' },
    ]);
    const window = { from: '2024-01-01', to: '2024-12-31' };
    const ids = [a.id, b.id, idle.id, a.id]; // a repeated id is counted once
    const bulk = await taskOutcomeSummaryBulk(db, { memberIds: ids, ...window });
    const single = await taskOutcomeSummary(db, { memberIds: [a.id, b.id, idle.id], ...window });
    expect(bulk.get(a.id)).toEqual({
      total: 3,
      exceeded: 1,
      onTime: 1,
      late: 0,
      notDone: 0,
      open: 1,
    });
    expect(bulk.get(a.id)).toEqual(single.get(a.id));
    expect(bulk.get(b.id)).toEqual(single.get(b.id));
    expect(bulk.get(b.id)).toEqual({
      total: 2,
      exceeded: 0,
      onTime: 0,
      late: 1,
      notDone: 1,
      open: 0,
    });
    expect(bulk.has(idle.id)).toBe(false);
    expect(bulk.has(other.id)).toBe(false);
    expect((await taskOutcomeSummaryBulk(db, { memberIds: [], ...window })).size).toBe(0);
  });
});
