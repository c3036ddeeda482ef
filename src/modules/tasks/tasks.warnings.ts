/** Overdue tasks (approved, deadline passed, no outcome) for the "Cảnh báo" dashboard. */
import type { WarningRowDto } from '../../contracts/posts.ts';
import type { Db } from '../../core/db/client.ts';
import { dataCheck } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import * as repo from './tasks.repo.ts';

const OVERDUE = dataCheck(
  'Việc mới, việc khó đã phê duyệt phải được đánh giá kết quả khi đến thời hạn hoàn thành',
);

/**
 * One page (or, with `page` null, all) of the overdue tasks under a unit the caller has already
 * been checked to see, as warning rows; the task title is in the post column.
 */
export async function overdueTaskWarnings(
  db: Db,
  scopePath: string,
  date: string,
  page: { page: number; pageSize: number } | null,
): Promise<{ items: WarningRowDto[]; total: number }> {
  const [rows, total] = await Promise.all([
    repo.overdueTasks(
      db,
      scopePath,
      date,
      page ? { limit: page.pageSize, offset: (page.page - 1) * page.pageSize } : null,
    ),
    repo.countOverdue(db, scopePath, date),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      memberId: r.task.memberId,
      fullName: r.memberName,
      birthDate: r.birthDate,
      unitName: r.unitName,
      postTitleName: r.task.title,
      since: null,
      dueDate: r.task.deadline,
      status: 'over' as const,
      reason: `Việc “${r.task.title}” hết hạn ngày ${formatDate(r.task.deadline)}, chưa đánh giá kết quả`,
      citations: [OVERDUE],
    })),
  };
}
