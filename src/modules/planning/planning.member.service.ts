/** A person's planning (quy hoạch), for the member page: every pool they are or were in. */
import type {
  EntryStatus,
  MemberPlanningDto,
  PlanningSource,
  PoliticalStandard,
} from '../../contracts/planning.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { notFound } from '../../core/errors.ts';
import { isVisible } from '../members/members.repo.ts';
import * as repo from './planning.repo.ts';

export async function memberPlanning({
  db,
  actor,
  memberId,
}: {
  db: Db;
  actor: Actor;
  memberId: number;
}): Promise<MemberPlanningDto[]> {
  requireReader(actor);
  if (!(await isVisible(db, actor, memberId))) throw notFound('Hồ sơ đảng viên');
  const rows = await repo.entriesOfMember(db, actor, memberId);
  return rows.map((r) => ({
    ...r,
    source: r.source as PlanningSource,
    politicalStandard: r.politicalStandard as PoliticalStandard,
    status: r.status as EntryStatus,
  }));
}
