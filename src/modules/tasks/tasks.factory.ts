/** Task rows for tests that need tasks in place without driving the registration workflow. */
import type { UnitRow } from '../../testing/factories.ts';
import { tasks } from './tasks.schema.ts';

type TaskInsert = typeof tasks.$inferInsert;

/** A one-year 2025 task of `memberId` in `unit`, approved unless `over` says otherwise. */
export const taskRow = (
  unit: Pick<UnitRow, 'id' | 'path'>,
  memberId: number,
  over: Partial<TaskInsert> & Pick<TaskInsert, 'deadline'>,
): TaskInsert => ({
  memberId,
  unitId: unit.id,
  unitPath: unit.path,
  periodKind: 'year',
  startYear: 2025,
  endYear: 2025,
  title: 'Việc khó',
  targets: [],
  milestones: [],
  status: 'approved',
  ...over,
});
