import type { Db } from '../../core/db/client.ts';

/**
 * Latest evaluation rating per member (a removal trigger when it is "không hoàn thành nhiệm
 * vụ"). The evaluation module is being built alongside; until it exports its ratings, no
 * rating is known and the trigger never fires.
 */
export async function ratingsOf(
  db: Db,
  memberIds: readonly number[],
  year: number,
): Promise<Map<number, string>> {
  void db;
  void memberIds;
  void year;
  return new Map();
}
