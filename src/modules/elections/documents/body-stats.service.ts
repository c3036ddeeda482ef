/**
 * Statistics of an election list and of those elected so far: surplus, re-elected and
 * first-time, women, young, ethnic minority, average age at the congress's age reference month
 * (A's body-stats rules). "Re-elected" means holding, on the congress's opening day, a post of
 * that body in the congress's unit (the posts module), as the personnel plan counts it.
 */
import type { BodyStatsDto } from '../../../contracts/election-documents.ts';
import type { Actor } from '../../../core/access/actor.ts';
import type { Db } from '../../../core/db/client.ts';
import { today } from '../../../core/dates.ts';
import { getCongress } from '../../congress/congress.service.ts';
import { postsOfBody } from '../../congress/plan.rules.ts';
import { getMember } from '../../members/members.service.ts';
import { listMemberAppointments, listPostTitles } from '../../posts/posts.service.ts';
import type { BodyKind } from '../../../contracts/congress.ts';
import { bodyStats, type PersonFacts } from '../body-stats.rules.ts';
import { loadElectionRules } from '../election-rule-values.ts';
import { loadElection } from '../elections.access.ts';
import * as repo from '../elections.repo.ts';
import { frozenResult, summaryOf } from '../round-state.ts';
import { percentOf } from '../tally.rules.ts';

const isMinority = (ethnicity: string) => ethnicity.trim() !== '' && ethnicity !== 'Kinh';

export async function getBodyStats({
  db,
  actor,
  electionId,
}: {
  db: Db;
  actor: Actor;
  electionId: number;
}): Promise<BodyStatsDto> {
  const election = await loadElection(db, actor, electionId, 'read');
  const congress = await getCongress({ db, actor, id: election.congressId });
  const body = congress.bodies.find((b) => b.id === election.bodyId);
  const seats = body?.seats ?? 0;
  const codes = new Set(postsOfBody[(body?.kind ?? '') as BodyKind] ?? []);
  const titleIds = new Set(
    (await listPostTitles({ db, actor, includeInactive: true }))
      .filter((t) => codes.has(t.code))
      .map((t) => t.id),
  );
  const candidates = (await repo.candidatesOf(db, electionId)).filter((c) => !c.withdrawnAt);
  const list: PersonFacts[] = [];
  const withoutRecord: string[] = [];
  const on = congress.startsOn;
  for (const c of candidates) {
    if (c.memberId === null) {
      withoutRecord.push(c.fullName);
      continue;
    }
    const member = await getMember({ db, actor, id: c.memberId });
    const posts = await listMemberAppointments({ db, actor, memberId: c.memberId });
    list.push({
      id: String(c.id),
      gender: member.gender,
      birthDate: member.birthDate,
      ethnicMinority: isMinority(member.ethnicity),
      incumbent: posts.some(
        (a) =>
          titleIds.has(a.postTitleId) &&
          a.unitId === congress.unitId &&
          a.startDate <= on &&
          (a.endDate === null || a.endDate >= on),
      ),
    });
  }
  const elected: string[] = [];
  for (const row of await repo.roundsOf(db, electionId)) {
    const result = frozenResult(row.round);
    if (summaryOf(row).status === 'closed' && result) elected.push(...result.elected);
  }
  const rules = await loadElectionRules(db, election.unitPath, today());
  const stats = bodyStats({
    seats,
    list,
    electedIds: elected.length ? elected : undefined,
    referenceMonth: congress.ageReferenceMonth,
    rules,
  });
  return {
    electionId,
    bodyName: body?.name ?? election.bodyName,
    seats,
    candidates: candidates.length,
    // Everyone on the list counts for the surplus, with a member record or not.
    surplus: {
      count: Math.max(0, candidates.length - seats),
      percent: percentOf(Math.max(0, candidates.length - seats), seats),
    },
    list: stats.list,
    elected: stats.elected,
    referenceMonth: stats.referenceMonth,
    withoutRecord,
    citations: stats.citations,
  };
}
