import type { Db } from '../../core/db/client.ts';
import { latestRatings } from '../evaluation/evaluation.summary.ts';

/**
 * Latest decided evaluation rating per member, from the evaluation module (QĐ 366): a removal
 * trigger at the annual review when it is "không hoàn thành nhiệm vụ".
 */
export async function ratingsOf(
  db: Db,
  memberIds: readonly number[],
): Promise<Map<number, { rating: string; periodLabel: string }>> {
  if (!memberIds.length) return new Map();
  return latestRatings(db, { memberIds: [...memberIds] });
}
