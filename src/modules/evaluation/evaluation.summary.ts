import type { Db } from '../../core/db/client.ts';
import * as bulkRepo from './evaluation.bulk.repo.ts';

/**
 * The latest decided rating of each member (in `year` when given), for planning. `rating` is the
 * code (excellent | good | complete | incomplete; labels in contracts/evaluation.ts
 * `ratingCodeLabels`). Unscoped: the caller has checked that the actor may read these members.
 */
export async function latestRatings(
  db: Db,
  opts: { memberIds: number[]; year?: number },
): Promise<Map<number, { rating: string; periodLabel: string }>> {
  const result = new Map<number, { rating: string; periodLabel: string }>();
  const chunk = 20_000;
  for (let i = 0; i < opts.memberIds.length; i += chunk) {
    const rows = await bulkRepo.latestDecided(db, opts.memberIds.slice(i, i + chunk), opts.year);
    for (const r of rows) result.set(r.member_id, { rating: r.rating, periodLabel: r.label });
  }
  return result;
}
