import type { PostLevel } from '../../contracts/enums.ts';
import type { TenureDto } from '../../contracts/posts.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { monthsBetween, today } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { assertMemberVisible } from '../members/members.service.ts';
import { loadRules } from '../rules/registry.ts';
import { namesAsOf } from '../units/units.repo.ts';
import * as repo from './posts.repo.ts';
import {
  inForce,
  localityCheck,
  retirementCheck,
  runOf,
  samePostCheck,
  serviceLeftCheck,
  termLimitCheck,
  type TenureAppointment,
} from './tenure.rules.ts';

/**
 * Everything computed about one person on a reference date: retirement and service left,
 * eligibility for first-time committee membership and re-election, and for each post held
 * on that date the months in post, the continuous run, term-limit and same-post status and
 * whether the holder is local — each with the rules it used.
 */
export async function getTenure({
  db,
  actor,
  memberId,
  date = today(),
}: {
  db: Db;
  actor: Actor;
  memberId: number;
  date?: string;
}): Promise<TenureDto> {
  const own = actor.memberId === memberId;
  if (!own) requireReader(actor);
  await assertMemberVisible(db, actor, memberId);
  const person = await repo.memberFacts(db, memberId);
  if (!person) throw notFound('Hồ sơ đảng viên');
  const rules = await loadRules(db);
  const rows = await repo.appointmentsOfMember(db, memberId, own ? null : actor);
  const units = new Map(
    (await repo.unitsByIds(db, [...new Set(rows.map((r) => r.a.unitId))])).map((u) => [u.id, u]),
  );
  const provinces = await repo.provinceOfPaths(
    db,
    [...units.values()].map((u) => u.path),
  );
  const nameOf = await namesAsOf(
    db,
    rows.map((r) => ({ unitId: r.a.unitId, date })),
  );
  const all: TenureAppointment[] = rows.map(({ a, postTitleName, postLevel, isKey }) => ({
    id: a.id,
    postTitleId: a.postTitleId,
    postTitleName,
    unitId: a.unitId,
    unitPath: a.unitPath,
    unitName: nameOf(a.unitId, date) ?? units.get(a.unitId)?.name ?? '',
    startDate: a.startDate,
    endDate: a.endDate,
    term: a.term,
    level: postLevel as PostLevel,
    isKey,
  }));

  const retirement = retirementCheck(person, rules, person.unitPath, date);
  const posts = all
    .filter((a) => inForce(a, date))
    .map((a) => {
      const run = runOf(a, all, rules, date);
      const unit = units.get(a.unitId);
      return {
        appointmentId: a.id,
        postTitleName: a.postTitleName,
        unitName: a.unitName,
        startDate: a.startDate,
        monthsInPost: Math.max(0, monthsBetween(a.startDate, date)),
        continuousSince: run.since,
        continuousMonths: run.months,
        terms: run.terms,
        termLimit: termLimitCheck(a, run, rules, date),
        samePost: samePostCheck(a, run, rules, date),
        locality: localityCheck(
          person,
          { locality: unit?.locality ?? '', province: provinces.get(unit?.path ?? '') ?? null },
          rules,
          a.unitPath,
          date,
        ),
      };
    });
  return {
    memberId,
    date,
    retirementDate: retirement.retirement?.retirementDate ?? null,
    serviceMonthsLeft: retirement.monthsLeft,
    retirement: retirement.check,
    firstTimeCommittee: serviceLeftCheck(
      'congress.first_time_min_service_months',
      'tham gia cấp ủy lần đầu',
      retirement,
      rules,
      person.unitPath,
      date,
    ),
    reelection: serviceLeftCheck(
      'congress.reelection_min_service_months',
      'tái cử cấp ủy',
      retirement,
      rules,
      person.unitPath,
      date,
    ),
    posts,
  };
}
