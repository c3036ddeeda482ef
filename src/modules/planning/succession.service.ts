/** Succession view and the structure of the pool: read-only, for readers of the subtree. */
import type {
  StructureDto,
  SuccessionPageDto,
  SuccessionRowDto,
} from '../../contracts/planning.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { addMonths, monthsBetween, today } from '../../core/dates.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { notFound } from '../../core/errors.ts';
import { loadRules } from '../rules/registry.ts';
import { findUnit } from '../units/units.repo.ts';
import { retirementDateOf } from './candidate.ts';
import { monthsLeft } from './planning.rules.ts';
import * as repo from './succession.repo.ts';

type Ctx = { db: Db; actor: Actor };

async function subtree(ctx: Ctx, unitId: number | undefined) {
  if (!unitId) {
    const root = await findUnit(ctx.db, ctx.actor, ctx.actor.unitId);
    return { path: ctx.actor.scopePath, name: root?.name ?? '' };
  }
  const unit = await findUnit(ctx.db, ctx.actor, unitId);
  if (!unit) throw notFound('Tổ chức');
  return { path: unit.path, name: unit.name };
}

const coverageOf = (n: number): SuccessionRowDto['coverage'] =>
  n === 0 ? 'none' : n === 1 ? 'one' : 'ok';

export async function succession({
  db,
  actor,
  query,
}: Ctx & {
  query: {
    unitId?: number;
    term: string;
    date?: string;
    gapsOnly?: 'true' | 'false';
    page: number;
    pageSize: number;
  };
}): Promise<SuccessionPageDto> {
  requireReader(actor);
  const scope = await subtree({ db, actor }, query.unitId);
  const date = query.date ?? today();
  const f = { ...query, path: scope.path, date, gapsOnly: query.gapsOnly === 'true' };
  const [{ rows, counts }, rules] = await Promise.all([
    repo.successionPage(db, actor, f),
    loadRules(db),
  ]);
  const [holders, successors] = await Promise.all([
    repo.holdersOf(db, rows, date),
    repo.successorsOf(
      db,
      rows.flatMap((r) => (r.poolId ? [r.poolId] : [])),
    ),
  ]);
  const citations = new Map<string, Citation>();
  const items = rows.map((r): SuccessionRowDto => {
    const h = holders.find((x) => x.postTitleId === r.postTitleId && x.unitId === r.unitId);
    let holder: SuccessionRowDto['holder'] = null;
    if (h) {
      const retires = retirementDateOf(h, rules, r.unitPath);
      // Months left in post: to the recorded end, else to the tenure limit of the level.
      const limitKey = h.level === 'head' ? 'tenure.max_months_head' : 'tenure.max_months_deputy';
      const limit = rules.find<number>(limitKey, r.unitPath, date);
      if (limit) citations.set(limit.citation.rule, limit.citation);
      const ends = [h.endDate, limit ? addMonths(h.startDate, limit.value) : null, retires].filter(
        (d): d is string => d !== null,
      );
      const until = ends.length ? ends.sort()[0]! : null;
      holder = {
        memberId: h.memberId,
        fullName: h.fullName,
        startDate: h.startDate,
        monthsLeftInPost: monthsLeft(date, until),
        monthsToRetirement: retires ? Math.max(0, monthsBetween(date, retires)) : null,
      };
    }
    return {
      postTitleId: r.postTitleId,
      postTitleName: r.postTitleName,
      unitId: r.unitId,
      unitName: r.unitName,
      poolId: r.poolId,
      holder,
      successors: successors
        .filter((s) => s.poolId === r.poolId)
        .map((s) => ({ memberId: s.memberId, fullName: s.fullName, birthDate: s.birthDate })),
      coverage: coverageOf(r.n),
    };
  });
  const total = f.gapsOnly ? counts.none + counts.one : counts.posts;
  return {
    items,
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
    unitName: scope.name,
    date,
    counts,
    citations: [...citations.values()],
  };
}

const ageOn = (birthDate: string, date: string) => Math.floor(monthsBetween(birthDate, date) / 12);
const pct = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : 0);

export async function structure({
  db,
  actor,
  query,
}: Ctx & { query: { unitId?: number; term: string; date?: string } }): Promise<StructureDto> {
  requireReader(actor);
  const scope = await subtree({ db, actor }, query.unitId);
  const date = query.date ?? today();
  const rules = await loadRules(db);
  const get = (k: Parameters<typeof rules.get>[0]) => rules.get<number>(k, scope.path, date);
  const young = get('planning.young_max_age_years');
  const middle = get('planning.middle_max_age_years');
  const youngTarget = get('planning.young_target_percent');
  const womenTarget = get('planning.women_target_percent');
  const people = await repo.plannedPeople(db, actor, scope.path, query.term);
  const bands = [0, 0, 0];
  let women = 0;
  let minority = 0;
  for (const p of people) {
    const age = ageOn(p.birthDate, date);
    bands[age < young.value ? 0 : age < middle.value ? 1 : 2]! += 1;
    if (p.gender === 'female') women += 1;
    if (p.ethnicity && p.ethnicity !== 'Kinh') minority += 1;
  }
  const n = people.length;
  return {
    unitName: scope.name,
    term: query.term,
    date,
    people: n,
    ageBands: [
      { label: `Dưới ${young.value} tuổi`, count: bands[0]! },
      { label: `Từ ${young.value} đến dưới ${middle.value} tuổi`, count: bands[1]! },
      { label: `Từ ${middle.value} tuổi trở lên`, count: bands[2]! },
    ],
    shares: [
      {
        key: 'women',
        label: 'Cán bộ nữ',
        count: women,
        percent: pct(women, n),
        targetPercent: womenTarget.value,
      },
      {
        key: 'young',
        label: `Cán bộ trẻ (dưới ${young.value} tuổi)`,
        count: bands[0]!,
        percent: pct(bands[0]!, n),
        targetPercent: youngTarget.value,
      },
      {
        key: 'ethnic_minority',
        label: 'Cán bộ người dân tộc thiểu số',
        count: minority,
        percent: pct(minority, n),
        targetPercent: null,
      },
    ],
    citations: [young.citation, middle.citation, youngTarget.citation, womenTarget.citation],
  };
}
