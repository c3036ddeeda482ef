import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../core/db/client.ts';
import { searchKey, vietnameseNameSortKey } from '../core/vietnamese/index.ts';
import { createTestDatabase } from '../testing/harness.ts';
import { generateMembers, generateUnitTree } from './demo/index.ts';
import { loadDemo } from './demo-load.ts';

const N = 3000;
const SEED = 11;

let database: Database;
let result: { units: number; members: number };
const progress: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // Without the posts demo, which gives some leaders a chosen quê quán (seed 004's figures).
  result = await loadDemo(database, {
    members: N,
    seed: SEED,
    posts: false,
    onProgress: (done, total, phase) => {
      if (phase === 'members') {
        expect(total).toBe(N);
        progress.push(done);
      }
    },
  });
}, 120_000);
afterAll(() => database?.close());

const count = async (sql: string, params?: unknown[]) =>
  (await database.query<{ n: number }>(sql, params))[0]!.n;

describe('loadDemo', () => {
  it('inserts every generated member and reports progress up to the total', async () => {
    expect(result.members).toBe(N);
    expect(await count('select count(*)::int as n from members')).toBe(N);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(N);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await count('select count(*)::int as n from units')).toBe(result.units);
  });

  it('stores each generated member column for column, in generation order', async () => {
    const rows = await database.query<Record<string, unknown>>(
      `select m.full_name, m.other_names, m.gender, m.birth_date::text as birth_date, m.birthplace,
              m.hometown_commune, m.hometown_province, m.residence, m.ethnicity, m.religion,
              m.id_number, m.join_date::text as join_date, m.official_date::text as official_date,
              m.card_number, m.status, m.general_education, m.professional_level,
              m.professional_field, m.political_theory, m.state_management,
              u.code as unit_code, m.exempted, m.temp_attendance_place, m.archived_at, m.version
         from members m join units u on u.id = m.unit_id order by m.id`,
    );
    const tree = generateUnitTree({ seed: SEED });
    const codeByKey = new Map(tree.map((u) => [u.key, u.code]));
    const expected = [...generateMembers(tree, N, SEED)].map((m) => ({
      full_name: m.fullName,
      other_names: m.otherNames,
      gender: m.gender,
      birth_date: m.birthDate,
      birthplace: m.birthplace,
      hometown_commune: m.hometownCommune,
      hometown_province: m.hometownProvince,
      residence: m.residence,
      ethnicity: m.ethnicity,
      religion: m.religion,
      id_number: m.idNumber,
      join_date: m.joinDate,
      official_date: m.officialDate,
      card_number: m.cardNumber,
      status: m.status,
      general_education: m.generalEducation,
      professional_level: m.professionalLevel,
      professional_field: m.professionalField,
      political_theory: m.politicalTheory,
      state_management: m.stateManagement,
      unit_code: codeByKey.get(m.unitKey),
      exempted: false,
      temp_attendance_place: null,
      archived_at: null,
      version: 1,
    }));
    expect(rows).toEqual(expected);
    // The data exercises the nullable columns both ways.
    expect(expected.some((m) => m.other_names !== null)).toBe(true);
    expect(expected.some((m) => m.official_date === null)).toBe(true);
  });

  it('derives search_text, sort_key and unit_path', async () => {
    expect(
      await count(
        `select count(*)::int as n from members where search_text = '' or sort_key = '' or unit_path = ''`,
      ),
    ).toBe(0);
    expect(
      await count(
        `select count(*)::int as n from members m join units u on u.id = m.unit_id
          where m.unit_path <> u.path`,
      ),
    ).toBe(0);
    const sample = await database.query<{
      full_name: string;
      other_names: string | null;
      search_text: string;
      sort_key: string;
    }>(
      `(select full_name, other_names, search_text, sort_key from members
         where other_names is not null order by id limit 5)
       union all
       (select full_name, other_names, search_text, sort_key from members order by id limit 20)`,
    );
    expect(sample.length).toBeGreaterThan(20);
    for (const m of sample) {
      expect(m.search_text).toBe(searchKey(`${m.full_name} ${m.other_names ?? ''}`));
      expect(m.sort_key).toBe(vietnameseNameSortKey(m.full_name));
    }
  });

  it('keeps unit_member_stats equal to a direct count per unit', async () => {
    const mismatches = await database.query(
      `with direct as (
         select unit_id,
                count(*) filter (where archived_at is null and status in ('full', 'probationary'))::int as active,
                count(*) filter (where archived_at is null and status = 'full')::int as "full",
                count(*) filter (where archived_at is null and status = 'probationary')::int as probationary,
                count(*) filter (where archived_at is null and status in ('full', 'probationary')
                                   and gender = 'female')::int as female,
                count(*) filter (where archived_at is not null)::int as archived
           from members group by unit_id)
       select coalesce(d.unit_id, s.unit_id) as unit_id
         from direct d full join unit_member_stats s on s.unit_id = d.unit_id
        where coalesce(d.active, 0) <> coalesce(s.active, 0)
           or coalesce(d."full", 0) <> coalesce(s."full", 0)
           or coalesce(d.probationary, 0) <> coalesce(s.probationary, 0)
           or coalesce(d.female, 0) <> coalesce(s.female, 0)
           or coalesce(d.archived, 0) <> coalesce(s.archived, 0)`,
    );
    expect(mismatches).toEqual([]);
    const totals = (
      await database.query<{ stats: number; direct: number }>(
        `select (select sum(active)::int from unit_member_stats) as stats,
                (select count(*)::int from members
                  where status in ('full', 'probationary') and archived_at is null) as direct`,
      )
    )[0]!;
    expect(totals.stats).toBe(totals.direct);
    expect(totals.direct).toBeGreaterThan(N * 0.9);
  });

  it('gives every member a history that starts when they joined and ends in their unit', async () => {
    expect(
      await count(
        `select count(*)::int as n from members m
          where (select count(*) from member_unit_history h
                  where h.member_id = m.id and h.to_date is null and h.unit_id = m.unit_id) <> 1
             or not exists (select 1 from member_unit_history h
                             where h.member_id = m.id and h.reason = 'joined'
                               and h.from_date = coalesce(m.join_date, m.birth_date))`,
      ),
    ).toBe(0);
  });

  it('takes long-standing members through the 2025 merger of their former ward', async () => {
    const through = await database.query<{ n: number; bad: number }>(
      `select count(*)::int as n,
              count(*) filter (where u.status <> 'merged' or h.to_date <> '2025-06-30'
                               or n.from_date <> '2025-07-01' or n.reason <> 'merge')::int as bad
         from member_unit_history h
         join units u on u.id = h.unit_id
         join member_unit_history n on n.member_id = h.member_id and n.id <> h.id
        where h.reason = 'joined' and h.to_date is not null`,
    );
    expect(through[0]!.n).toBeGreaterThan(N / 2);
    expect(through[0]!.bad).toBe(0);
    expect(
      await count(
        `select count(*)::int as n from members
          where join_date >= '2025-07-01'
            and id in (select member_id from member_unit_history where reason = 'merge')`,
      ),
    ).toBe(0);
  });

  it('refuses a database that already holds units', async () => {
    await expect(loadDemo(database, { members: 1 })).rejects.toThrow(/đã có dữ liệu/);
  });
});
