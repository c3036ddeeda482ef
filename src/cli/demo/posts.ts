/**
 * Demo posts and appointments, so the warnings dashboard and the non-local statistic have
 * content: the leaders of the former wards and communes of Tây Hồ and Thanh Trì until the
 * 2025 merger (seed 004: on 30/06/2023 Thanh Trì's 16 commune party secretaries, 12 of them
 * non-local, and 16 commune chairmen, 5 non-local: 17/32 = 53,1% against a 50% target), the
 * leaders of today's commune-level units, and a few long-serving city posts. Also the local
 * rules the seeds describe: Hà Nội's 50% target and Tây Hồ's 8-year / 5-year limits.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { appointments, postTitles } from '../../modules/posts/posts.schema.ts';
import { shipPostTitles } from '../../modules/posts/posts.ship.ts';
import { addMonths } from '../../core/dates.ts';
import { placeKey } from '../../modules/posts/tenure.rules.ts';
import { members } from '../../modules/members/members.schema.ts';
import { ruleEntries } from '../../modules/rules/rules.schema.ts';
import { ruleDefinitions, type RuleKey } from '../../modules/rules/rules.catalog.ts';
import { forgetCachedRules } from '../../modules/rules/registry.ts';
import { Rng, hashSeed } from './rng.ts';
import { DEFAULT_SEED, LAST_DAY_BEFORE_REORGANISATION, REORGANISATION_DATE } from './units.ts';

export const HANOI_TARGET_DOCUMENT = 'Nghị quyết 04-NQ/TU của Thành ủy Hà Nội';
export const TAY_HO_RULE_DOCUMENT =
  'Quy định của Quận ủy Tây Hồ về luân chuyển, sắp xếp cán bộ (cấp trưởng không quá 8 năm, cấp phó không quá 5 năm)';
const MERGER = 'Sắp xếp đơn vị hành chính 2025';

interface UnitInfo {
  id: number;
  code: string;
  path: string;
  type: string;
  locality: string;
  validTo: string | null;
}
interface Candidate {
  id: number;
  commune: number;
  gender: string;
  birthDate: string;
  hometownCommune: string | null;
  hometownProvince: string | null;
}
type NewAppointment = typeof appointments.$inferInsert;

export async function loadDemoPosts(database: Database, seed = DEFAULT_SEED): Promise<number> {
  const { db } = database;
  await shipPostTitles(db);
  const rng = new Rng(hashSeed(seed, 'posts'));
  const titleId = new Map(
    (await db.select({ id: postTitles.id, code: postTitles.code }).from(postTitles)).map((t) => [
      t.code,
      t.id,
    ]),
  );
  const unitRows = await database.query<UnitInfo & { validTo: string | null }>(
    `select id, code, path, type, locality, valid_to::text as "validTo" from units order by id`,
  );
  const byCode = new Map(unitRows.map((u) => [u.code, u]));
  const province = byCode.get('HN');
  if (!province) return 0;
  const communes = unitRows.filter((u) => u.type === 'commune' && u.validTo === null);
  const successorOf = new Map(
    (
      await database.query<{ source: number; target: number }>(
        `select unnest(source_ids) as source, target_ids[1] as target from unit_events where kind = 'merge'`,
      )
    ).map((r) => [r.source, r.target]),
  );

  // Candidates: full members of working age, grouped by their commune-level unit.
  const pool = new Map<number, Candidate[]>();
  for (const c of await database.query<Candidate>(
    `select id, split_part(unit_path, '/', 3)::int as commune, gender, birth_date::text as "birthDate",
            hometown_commune as "hometownCommune", hometown_province as "hometownProvince"
       from (select m.*, row_number() over (partition by split_part(m.unit_path, '/', 3) order by m.id) as rn
               from members m
              where m.status = 'full' and m.archived_at is null
                and m.birth_date between '1966-06-01' and '1986-12-31') ranked
      where rn <= 120 order by id`,
  )) {
    pool.set(c.commune, [...(pool.get(c.commune) ?? []), c]);
  }
  const everyone = [...pool.values()].flat();
  if (!everyone.length) return 0;
  const used = new Set<number>();
  const homeUpdates = new Map<number, { commune: string; province: string }>();
  const take = (communeId: number | undefined, accept: (c: Candidate) => boolean = () => true) => {
    const from = (list: Candidate[]) => {
      const free = list.filter((c) => !used.has(c.id) && accept(c));
      return free.length ? free[rng.int(0, free.length - 1)] : undefined;
    };
    const found = from(pool.get(communeId ?? -1) ?? []) ?? from(everyone);
    if (found) used.add(found.id);
    return found;
  };
  const notFrom = (locality: string) => (c: Candidate) =>
    !!c.hometownCommune && placeKey(c.hometownCommune) !== placeKey(locality);
  /** A holder of the place: their quê quán is made the place itself. */
  const local = (communeId: number | undefined, unit: UnitInfo) => {
    const c = take(communeId);
    if (c) homeUpdates.set(c.id, { commune: unit.locality, province: 'Hà Nội' });
    return c;
  };

  const rows: NewAppointment[] = [];
  const add = (
    c: Candidate | undefined,
    code: string,
    unit: UnitInfo,
    startDate: string,
    extra: Partial<NewAppointment> = {},
  ) => {
    const postTitleId = titleId.get(code);
    if (!c || !postTitleId) return;
    rows.push({
      memberId: c.id,
      postTitleId,
      unitId: unit.id,
      unitPath: unit.path,
      startDate,
      method: 'elected',
      decisionNumber: `${rng.int(10, 990)}-QĐ/${unit.type === 'province' ? 'TU' : 'HU'}`,
      ...extra,
    });
  };
  const closed = { endDate: LAST_DAY_BEFORE_REORGANISATION, endReason: MERGER };

  // Thanh Trì (seed 004): 16 former communes; 12 non-local secretaries, 5 non-local chairmen.
  const thanhTri = unitRows.filter((u) => u.code.startsWith('HN.HTT.'));
  const nonLocalSecretaries = new Set(
    shuffle(
      rng,
      thanhTri.map((u) => u.id),
    ).slice(0, 12),
  );
  const nonLocalChairmen = new Set(
    shuffle(
      rng,
      thanhTri.map((u) => u.id),
    ).slice(0, 5),
  );
  for (const u of thanhTri) {
    const home = successorOf.get(u.id);
    const secretary = nonLocalSecretaries.has(u.id)
      ? take(home, notFrom(u.locality))
      : local(home, u);
    add(secretary, 'BT', u, '2020-06-15', { term: '2020-2025', ...closed });
    const chairman = nonLocalChairmen.has(u.id) ? take(home, notFrom(u.locality)) : local(home, u);
    add(chairman, 'CT-UBND', u, '2021-06-25', { term: '2021-2026', ...closed });
    add(take(home), 'PBT', u, '2020-06-15', { term: '2020-2025', ...closed });
  }

  // Tây Hồ: long-serving ward leaders under the district's 8-year / 5-year rule.
  for (const u of unitRows.filter((x) => x.code.startsWith('HN.QTH.'))) {
    const home = successorOf.get(u.id);
    const secretary = take(home);
    add(secretary, 'BT', u, '2015-06-10', {
      term: '2015-2020',
      endDate: '2020-06-14',
      endReason: 'Tái cử',
    });
    add(secretary, 'BT', u, '2020-06-15', { term: '2020-2025', ...closed });
    add(take(home), 'CT-UBND', u, '2016-06-20', {
      method: 'elected',
      endDate: LAST_DAY_BEFORE_REORGANISATION,
      endReason: MERGER,
    });
    add(take(home), 'PBT', u, `${rng.int(2016, 2021)}-0${rng.int(1, 9)}-01`, {
      method: 'appointed',
      ...closed,
    });
  }

  // Today's commune-level units, designated at the merger.
  for (const u of communes) {
    const designated = {
      method: 'designated' as const,
      decisionNumber: `${rng.int(100, 999)}-QĐ/TU`,
    };
    add(take(u.id), 'BT', u, REORGANISATION_DATE, { term: '2025-2030', ...designated });
    add(take(u.id), 'PBT-TT', u, REORGANISATION_DATE, { term: '2025-2030', ...designated });
    add(take(u.id), 'CT-UBND', u, REORGANISATION_DATE, { term: '2021-2026', ...designated });
    add(take(u.id), 'PCT-UBND', u, REORGANISATION_DATE, { term: '2021-2026', ...designated });
    // The oldest candidate chairs the council: some of them retire within the year.
    const elders = (pool.get(u.id) ?? []).filter((c) => !used.has(c.id));
    const eldest = elders.sort((a, b) => a.birthDate.localeCompare(b.birthDate))[0];
    if (eldest) used.add(eldest.id);
    add(eldest, 'CT-HDND', u, REORGANISATION_DATE, { term: '2021-2026', ...designated });
    add(take(u.id), 'CT-MTTQ', u, REORGANISATION_DATE, { term: '2024-2029', ...designated });
  }

  // City posts held long enough to show on today's dashboard.
  const now = today();
  add(take(undefined), 'CT-UBND', province, '2015-12-01', { note: 'Dữ liệu mẫu' });
  add(take(undefined), 'CTT', province, addMonths(now, -114), { method: 'appointed' });
  add(take(undefined), 'TB-TC', province, '2021-03-01', { method: 'appointed' });
  for (let i = 0; i < 3; i++) {
    add(take(undefined), 'PTP', province, `${2017 + i}-0${3 + i}-01`, { method: 'appointed' });
  }

  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(appointments).values(rows.slice(i, i + 500));
  }
  for (const [id, home] of homeUpdates) {
    await db
      .update(members)
      .set({ hometownCommune: home.commune, hometownProvince: home.province })
      .where(eq(members.id, id));
  }
  await localRules(database, byCode, successorOf, unitRows);
  return rows.length;
}

/** Hà Nội's non-local target and Tây Hồ's local limits, added once. */
async function localRules(
  database: Database,
  byCode: Map<string, UnitInfo>,
  successorOf: Map<number, number>,
  units: UnitInfo[],
) {
  const { db } = database;
  const province = byCode.get('HN')!;
  const entries: (typeof ruleEntries.$inferInsert)[] = [];
  const entry = (
    key: RuleKey,
    value: number,
    unit: UnitInfo,
    validFrom: string,
    document: string,
    validTo: string | null = null,
  ) =>
    entries.push({
      key,
      value,
      valueUnit: ruleDefinitions[key].valueUnit,
      document,
      unitId: unit.id,
      unitPath: unit.path,
      validFrom,
      validTo,
    });
  entry('nonlocal.key_posts_target_percent', 50, province, '2020-10-01', HANOI_TARGET_DOCUMENT);
  const tayHo = byCode.get('HN.QTH');
  if (tayHo) {
    const end = LAST_DAY_BEFORE_REORGANISATION;
    entry('tenure.max_months_head', 96, tayHo, '2019-01-01', TAY_HO_RULE_DOCUMENT, end);
    entry('tenure.max_months_deputy', 60, tayHo, '2019-01-01', TAY_HO_RULE_DOCUMENT, end);
    const wards = new Set(units.filter((u) => u.path.startsWith(tayHo.path)).map((u) => u.id));
    const formed = new Set([...successorOf].filter(([s]) => wards.has(s)).map(([, t]) => t));
    for (const u of units.filter((x) => formed.has(x.id))) {
      entry('tenure.max_months_head', 96, u, REORGANISATION_DATE, TAY_HO_RULE_DOCUMENT);
      entry('tenure.max_months_deputy', 60, u, REORGANISATION_DATE, TAY_HO_RULE_DOCUMENT);
    }
  }
  const existing = await database.query<{ k: string }>(
    `select key || '|' || unit_path || '|' || valid_from::text as k from rule_entries where unit_id is not null`,
  );
  const have = new Set(existing.map((r) => r.k));
  const missing = entries.filter((e) => !have.has(`${e.key}|${e.unitPath}|${e.validFrom}`));
  if (missing.length) await db.insert(ruleEntries).values(missing);
  forgetCachedRules();
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
