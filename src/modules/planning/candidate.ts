/**
 * Every rule on putting one person into one pool, from the facts the repo reads: shared by
 * adding an entry, the preview check and the additions of an annual review.
 */
import { hasPermission, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { fieldError } from '../../core/errors.ts';
import { dataCheck } from '../../core/rules/verdict.ts';
import { loadRules } from '../rules/registry.ts';
import { retirementOf } from '../rules/retirement.rules.ts';
import * as repo from './planning.repo.ts';
import {
  checkHigherPost,
  checkNominationTally,
  checkNotBeingAppointed,
  checkPoliticalStandard,
  checkPoolCapacity,
  checkPostsPerPerson,
  checkServiceLeft,
  disciplineBlock,
  planningRulesFor,
  type PlanningCheck,
  type PlanningRules,
  type PostRef,
} from './planning.rules.ts';

export const ACTIVE_STATUSES = ['full', 'probationary'];

/** The rule values for a pool's unit on a date; a date before QĐ 377 is a clear 400. */
export async function rulesFor(db: Db, unitPath: string, date: string): Promise<PlanningRules> {
  try {
    return planningRulesFor(await loadRules(db), unitPath, date);
  } catch (e) {
    throw fieldError('decisionDate', 'Ngày quyết định', e instanceof Error ? e.message : String(e));
  }
}

export function retirementDateOf(
  person: { birthDate: string; gender: string },
  rules: Awaited<ReturnType<typeof loadRules>>,
  unitPath: string,
): string | null {
  if (person.gender !== 'male' && person.gender !== 'female') return null;
  try {
    return retirementOf({ birthDate: person.birthDate, gender: person.gender }, rules, unitPath)
      .retirementDate;
  } catch {
    return null;
  }
}

export const targetOf = (pool: repo.PoolView): PostRef => ({
  postTitleId: pool.postTitleId,
  unitId: pool.unitId,
  unitDepth: pool.unitDepth,
  level: pool.level,
  name: `${pool.postTitleName} — ${pool.unitName}`,
});

export interface Candidate {
  memberId: number;
  decisionDate: string;
  votesCast: number | null;
  votesFor: number | null;
  politicalStandard: string;
}

/** All checks for one candidate; the caller refuses on any 'block'. */
export async function checkCandidate(
  db: Db,
  actor: Actor,
  pool: repo.PoolView,
  c: Candidate,
): Promise<PlanningCheck[]> {
  const r = await rulesFor(db, pool.unitPath, c.decisionDate);
  const set = await loadRules(db);
  const person = (await repo.peopleFacts(db, [c.memberId])).get(c.memberId);
  if (!person) throw fieldError('memberId', 'Người được quy hoạch', 'không tồn tại');
  const checks: PlanningCheck[] = [];
  const add = (x: PlanningCheck | null) => {
    if (x) checks.push(x);
  };
  if (person.archived || !ACTIVE_STATUSES.includes(person.status)) {
    add({
      code: 'left',
      severity: 'block',
      message: `${person.fullName} không còn trong danh sách đảng viên đang sinh hoạt`,
      citations: [dataCheck('Chỉ quy hoạch đảng viên đang sinh hoạt')],
    });
  }
  const existing = await repo.entriesOfPools(db, [pool.id], true);
  if (existing.some((e) => e.memberId === c.memberId)) {
    add({
      code: 'duplicate',
      severity: 'block',
      message: `${person.fullName} đã có trong quy hoạch chức danh này`,
      citations: [dataCheck('Một người có một dòng đang hiệu lực trong mỗi quỹ quy hoạch')],
    });
  }
  const target = targetOf(pool);
  const appointments = await repo.appointmentsOf(db, [c.memberId]);
  const held = appointments.filter(
    (a) => a.startDate <= c.decisionDate && (a.endDate === null || a.endDate >= c.decisionDate),
  );
  add(checkNotBeingAppointed(target, appointments, c.decisionDate));
  add(checkHigherPost(target, held));
  add(checkPoolCapacity(existing.length, r));
  add(
    checkPostsPerPerson(target, await repo.plannedPostsOf(db, c.memberId, pool.term, pool.id), r),
  );
  add(checkServiceLeft(retirementDateOf(person, set, pool.unitPath), pool.term, c.decisionDate, r));
  const discipline = (await repo.disciplineOf(db, [c.memberId])).get(c.memberId) ?? [];
  add(disciplineBlock(discipline, c.decisionDate, r, hasPermission(actor, 'sensitive')));
  add(checkPoliticalStandard(c.politicalStandard));
  add(checkNominationTally(c.votesCast, c.votesFor, r));
  return checks;
}
