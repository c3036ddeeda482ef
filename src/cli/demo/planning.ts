/**
 * Demo succession planning for the next term (2030-2035): a pool for the secretary and the
 * chairman of every current commune-level unit and of the city, with 0, 1, 2 or 3 planned
 * successors in turn, so the succession view shows posts with no successor or only one. People
 * are members of the unit's subtree who hold no post, young enough for a full term; each is in
 * one pool only, so every QĐ 377 limit holds. One pool shows a removal in its history and one
 * person carries a recent reprimand, which the annual review proposes to remove.
 */
import type { Database } from '../../core/db/client.ts';
import { planningEntries, planningPools } from '../../modules/planning/planning.schema.ts';
import { postTitles } from '../../modules/posts/posts.schema.ts';
import { resumeEntries } from '../../modules/resume/resume.schema.ts';
import { Rng, hashSeed } from './rng.ts';
import { DEFAULT_SEED } from './units.ts';

export const DEMO_PLANNING_TERM = '2030-2035';
const DECISION_DATE = '2026-01-15';
const KEY_CODES = ['BT', 'CT-UBND'];

interface Person {
  id: number;
  commune: number;
  gender: string;
}

export async function loadDemoPlanning(database: Database, seed = DEFAULT_SEED): Promise<number> {
  const { db } = database;
  const rng = new Rng(hashSeed(seed, 'planning'));
  const titles = await db.select({ id: postTitles.id, code: postTitles.code }).from(postTitles);
  const titleId = new Map(titles.map((t) => [t.code, t.id]));
  const units = await database.query<{ id: number; type: string }>(
    `select id, type from units
      where valid_to is null and type in ('province', 'commune') order by depth, id`,
  );
  if (!units.length || !KEY_CODES.every((c) => titleId.has(c))) return 0;
  // Young enough to serve 2030-2035 whole (men retire at 62, women at 60 by then).
  const people = await database.query<Person>(
    `select m.id, split_part(m.unit_path, '/', 3)::int as commune, m.gender
       from members m
      where m.status = 'full' and m.archived_at is null
        and m.birth_date between '1976-01-01' and '1992-12-31'
        and not exists (select 1 from appointments a where a.member_id = m.id)
      order by m.id`,
  );
  const byCommune = new Map<number, Person[]>();
  for (const p of people) byCommune.set(p.commune, [...(byCommune.get(p.commune) ?? []), p]);
  const used = new Set<number>();
  const pick = (unit: { id: number; type: string }) => {
    const list = unit.type === 'province' ? people : (byCommune.get(unit.id) ?? []);
    for (let tries = 0; tries < 20 && list.length; tries++) {
      const c = list[rng.int(0, list.length - 1)]!;
      if (!used.has(c.id)) {
        used.add(c.id);
        return c;
      }
    }
    return undefined;
  };

  const pools = await db
    .insert(planningPools)
    .values(
      units.flatMap((u) =>
        KEY_CODES.map((code) => ({
          postTitleId: titleId.get(code)!,
          unitId: u.id,
          term: DEMO_PLANNING_TERM,
        })),
      ),
    )
    .returning({ id: planningPools.id, unitId: planningPools.unitId });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const entries: (typeof planningEntries.$inferInsert)[] = [];
  pools.forEach((pool, i) => {
    const wanted = unitById.get(pool.unitId)!.type === 'province' ? 3 : i % 4;
    for (let k = 0; k < wanted; k++) {
      const person = pick(unitById.get(pool.unitId)!);
      if (!person) break;
      const cast = rng.int(25, 45);
      entries.push({
        poolId: pool.id,
        memberId: person.id,
        source: rng.chance(0.2) ? 'outside' : 'inside',
        nominationRound: 'Hội nghị Ban Chấp hành mở rộng lấy phiếu giới thiệu',
        votesCast: cast,
        votesFor: rng.int(Math.floor(cast / 2) + 1, cast),
        decisionNumber: `${rng.int(100, 999)}-QĐ/TU`,
        decisionDate: DECISION_DATE,
      });
    }
  });
  // History: someone planned and later moved away (kept as a removed row of a full pool).
  const full = pools.find((p, i) => i % 4 === 3 && unitById.get(p.unitId)!.type === 'commune');
  const leaver = full && pick(unitById.get(full.unitId)!);
  if (full && leaver) {
    entries.push({
      poolId: full.id,
      memberId: leaver.id,
      source: 'inside',
      votesCast: 30,
      votesFor: 21,
      decisionNumber: '101-QĐ/TU',
      decisionDate: DECISION_DATE,
      status: 'removed',
      removedDate: '2026-06-30',
      removalDecisionNumber: '205-QĐ/TU',
      removalReason: 'Chuyển công tác ra ngoài tỉnh',
    });
  }
  if (!entries.length) return 0;
  const rows = await db
    .insert(planningEntries)
    .values(entries)
    .returning({ memberId: planningEntries.memberId, status: planningEntries.status });
  // A recent reprimand: the annual review proposes this person's removal.
  const disciplined = rows.find((r) => r.status === 'active');
  if (disciplined) {
    await db.insert(resumeEntries).values({
      memberId: disciplined.memberId,
      section: 'discipline',
      fromDate: '2026-09-01',
      fields: {
        disciplineForm: 'Khiển trách',
        disciplineReason: 'Thiếu trách nhiệm trong lãnh đạo, chỉ đạo',
        authority: 'Ủy ban kiểm tra Thành ủy',
        decisionNumber: '88-QĐ/UBKTTU',
      },
    });
  }
  return rows.length;
}
