import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Database } from '../core/db/client.ts';
import { searchKey, vietnameseNameSortKey } from '../core/vietnamese/index.ts';
import { members } from '../modules/members/members.schema.ts';
import { units } from '../modules/units/units.schema.ts';
import {
  LAST_DAY_BEFORE_REORGANISATION,
  REORGANISATION_DATE,
  generateMembers,
  generateUnitTree,
  type DemoMember,
  type DemoUnit,
} from './demo/index.ts';
import { loadDemoPosts } from './demo/posts.ts';
import { loadDemoRecords } from './demo/records.ts';
import { loadDemoPlanning } from './demo/planning.ts';
import { loadDemoCongress } from './demo/congress.ts';
import { loadDemoEvaluation } from './demo/evaluation.ts';
import { loadDemoTasks } from './demo/tasks.ts';

export interface DemoOptions {
  members: number;
  /** Target number of grassroots organisations (~70 for the demo city, ~20,000 units for benchmarks). */
  grassroots?: number;
  seed?: number;
  onProgress?: (done: number, total: number, phase: string) => void;
  /** Leaders' appointments, their résumés and the local rules of the seeds (default on). */
  posts?: boolean;
}

const BATCH = 1000;
/** Members per INSERT: one statement whose parameters are column arrays (24, whatever the size). */
const MEMBER_BATCH = 5000;
/** The next batch is built in slices of this size; the running insert's I/O proceeds between. */
const BUILD_SLICE = 1000;

/** Columns computed here rather than by the generator. */
const derivedFields = ['unitId', 'unitPath', 'searchText', 'sortKey'] as const;
type DerivedField = (typeof derivedFields)[number];
type MemberRow = Omit<DemoMember, 'unitKey'> & {
  unitId: number;
  unitPath: string;
  searchText: string;
  sortKey: string;
};
type GeneratedField = Exclude<keyof MemberRow, DerivedField>;

/**
 * Element type of each inserted column, keyed by field. A Record, so the compiler insists that
 * every generated field (and nothing else) is inserted; unset columns keep their defaults.
 */
const memberArrayTypes: Record<keyof MemberRow, 'int' | 'text' | 'date'> = {
  unitId: 'int',
  unitPath: 'text',
  fullName: 'text',
  otherNames: 'text',
  gender: 'text',
  birthDate: 'date',
  birthplace: 'text',
  hometownCommune: 'text',
  hometownProvince: 'text',
  residence: 'text',
  ethnicity: 'text',
  religion: 'text',
  idNumber: 'text',
  joinDate: 'date',
  officialDate: 'date',
  cardNumber: 'text',
  status: 'text',
  generalEducation: 'text',
  professionalLevel: 'text',
  professionalField: 'text',
  politicalTheory: 'text',
  stateManagement: 'text',
  searchText: 'text',
  sortKey: 'text',
};
const generatedFields = (Object.keys(memberArrayTypes) as (keyof MemberRow)[]).filter(
  (f): f is GeneratedField => !(derivedFields as readonly string[]).includes(f),
);
/** Parameter order: the generated fields, then the derived ones. */
const memberFields: (keyof MemberRow)[] = [...generatedFields, ...derivedFields];
const memberColumnList = memberFields.map((f) => `"${members[f].name}"`).join(', ');
const memberArrayParams = memberFields
  .map((f, i) => `$${i + 1}::${memberArrayTypes[f]}[]`)
  .join(', ');
const insertMembersSql = `insert into members (${memberColumnList}) select * from unnest(${memberArrayParams})`;

/**
 * Loads a generated organisation tree and its members in set-based batches (about 8,500
 * members a second on PostgreSQL here). Refuses a database that already holds units.
 */
export async function loadDemo(
  database: Database,
  opts: DemoOptions,
): Promise<{ units: number; members: number }> {
  const { db } = database;
  const existing = await database.query<{ n: number }>('select count(*)::int as n from units');
  if ((existing[0]?.n ?? 0) > 0)
    throw new Error(
      'Cơ sở dữ liệu đã có dữ liệu tổ chức; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.',
    );
  const tree = generateUnitTree({ grassrootsTarget: opts.grassroots, seed: opts.seed });
  const depthOf = depths(tree);
  const idByKey = new Map<string, number>();
  const maxDepth = Math.max(...depthOf.values());

  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = tree.filter((u) => depthOf.get(u.key) === depth);
    for (let i = 0; i < level.length; i += BATCH) {
      const rows = await db
        .insert(units)
        .values(
          level.slice(i, i + BATCH).map((u) => ({
            parentId: u.parentKey ? idByKey.get(u.parentKey)! : null,
            path: '',
            depth,
            type: u.type,
            code: u.code,
            name: u.name,
            locality: u.locality,
            searchText: searchKey(`${u.name} ${u.code}`),
            validFrom: u.validFrom,
            validTo: u.validTo,
            status: u.validTo ? (u.successorKey ? 'merged' : 'dissolved') : 'active',
          })),
        )
        .returning({ id: units.id, code: units.code });
      const keyByCode = new Map(level.map((u) => [u.code, u.key]));
      for (const r of rows) idByKey.set(keyByCode.get(r.code)!, r.id);
    }
    // Paths need the new ids: one statement per level derives them from the parents'.
    await db.execute(
      depth === 0
        ? sql`update units set path = '/' || id || '/' where depth = 0 and path = ''`
        : sql`update units c set path = p.path || c.id || '/' from units p where c.parent_id = p.id and c.depth = ${depth} and c.path = ''`,
    );
    opts.onProgress?.(idByKey.size, tree.length, 'units');
  }
  await db.execute(sql`
    insert into unit_versions (unit_id, valid_from, valid_to, parent_id, type, code, name, locality)
    select id, valid_from, valid_to, parent_id, type, code, name, locality from units`);
  await recordReorganisation(database, tree, idByKey);

  const pathById = new Map(
    (await database.query<{ id: number; path: string }>('select id, path from units')).map((r) => [
      r.id,
      r.path,
    ]),
  );
  const done = await insertMembers(
    database,
    generateMembers(tree, opts.members, opts.seed),
    (m) => {
      const unitId = idByKey.get(m.unitKey)!;
      return { unitId, unitPath: pathById.get(unitId)! };
    },
    (n) => opts.onProgress?.(n, opts.members, 'members'),
  );
  await db.execute(sql`
    insert into member_unit_history (member_id, unit_id, from_date, reason)
    select id, unit_id, coalesce(join_date, birth_date), 'joined' from members`);
  await throughTheMerger(database);
  if (opts.posts !== false) {
    await loadDemoPosts(database, opts.seed);
    await loadDemoRecords(database, opts.seed ?? 2025);
    await loadDemoPlanning(database, opts.seed);
    await loadDemoCongress(database, opts.seed);
    // Tasks first: the 2024 rating reads their outcomes.
    await loadDemoTasks(database);
    await loadDemoEvaluation(database, opts.seed);
  }
  // Vacuum too: it sets the visibility map that lets name-order walks stay inside the index.
  await db.execute(sql`vacuum analyze members`);
  await db.execute(sql`analyze`);
  return { units: tree.length, members: done };
}

/**
 * Inserts the members MEMBER_BATCH at a time, each batch as one `insert … select from unnest()`
 * of per-column arrays (PGlite and node-postgres both send JS arrays as array parameters).
 * The next batch is built while the current one is being inserted; inserts stay sequential.
 * Returns the number inserted.
 */
async function insertMembers(
  database: Database,
  source: Iterable<DemoMember>,
  place: (m: DemoMember) => { unitId: number; unitPath: string },
  onProgress: (done: number) => void,
): Promise<number> {
  const it = source[Symbol.iterator]();
  let exhausted = false;
  const build = async (): Promise<{ columns: unknown[][]; count: number }> => {
    const columns: unknown[][] = memberFields.map(() => []);
    let count = 0;
    while (!exhausted && count < MEMBER_BATCH) {
      // Let the pending insert's I/O proceed between slices.
      if (count > 0 && count % BUILD_SLICE === 0) await nextTurn();
      const next = it.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      // Straight into the column arrays: copying each member into a row object costs more than
      // the generator itself.
      const m = next.value;
      const g = generatedFields.length;
      for (let c = 0; c < g; c++) columns[c]!.push(m[generatedFields[c]!]);
      const { unitId, unitPath } = place(m);
      const derived: Pick<MemberRow, DerivedField> = {
        unitId,
        unitPath,
        searchText: searchKey(`${m.fullName} ${m.otherNames ?? ''}`),
        sortKey: vietnameseNameSortKey(m.fullName),
      };
      for (let d = 0; d < derivedFields.length; d++)
        columns[g + d]!.push(derived[derivedFields[d]!]);
      count++;
    }
    return { columns, count };
  };

  let done = 0;
  let inFlight: Promise<void> | undefined;
  for (;;) {
    let batch: Awaited<ReturnType<typeof build>>;
    try {
      batch = await build();
    } catch (err) {
      // Never leave an insert running behind the caller's back (it may close the database).
      await inFlight?.catch(() => {});
      throw err;
    }
    if (inFlight) await inFlight;
    if (batch.count === 0) break;
    inFlight = database.query(insertMembersSql, batch.columns).then(() => {
      done += batch.count;
      onProgress(done);
    });
    // Handled by the await above; this only keeps a failure during the next build from being
    // reported as an unhandled rejection.
    inFlight.catch(() => {});
  }
  return done;
}

/**
 * Members who joined before 1 July 2025 belonged to the đảng bộ of a former ward or commune
 * until 30 June 2025, then passed to their cell in the new commune-level unit by the merger:
 * their history then reads as it happened, with the old unit named as it was.
 */
async function throughTheMerger(database: Database) {
  const moved = `
    select m.id, m.unit_id,
           e.source_ids[1 + m.id % array_length(e.source_ids, 1)] as former_unit_id
    from members m
    join unit_events e on e.kind = 'merge'
      and e.target_ids[1] = split_part(m.unit_path, '/', 3)::int
    where m.join_date < e.effective_date`;
  await database.query(`
    update member_unit_history h
    set unit_id = moved.former_unit_id, to_date = '${LAST_DAY_BEFORE_REORGANISATION}'
    from (${moved}) moved where h.member_id = moved.id`);
  await database.query(`
    insert into member_unit_history (member_id, unit_id, from_date, reason, note)
    select moved.id, moved.unit_id, '${REORGANISATION_DATE}', 'merge', 'Sắp xếp đơn vị hành chính 2025'
    from (${moved}) moved`);
}

/** Former district-era units merged into the new communes on 1 July 2025: one event per successor. */
async function recordReorganisation(
  database: Database,
  tree: DemoUnit[],
  idByKey: Map<string, number>,
) {
  const bySuccessor = new Map<string, DemoUnit[]>();
  for (const u of tree) {
    if (u.validTo && u.successorKey)
      bySuccessor.set(u.successorKey, [...(bySuccessor.get(u.successorKey) ?? []), u]);
  }
  for (const [successorKey, sources] of bySuccessor) {
    const target = tree.find((u) => u.key === successorKey)!;
    await database.query(
      `insert into unit_events (kind, effective_date, decision, source_ids, target_ids) values ('merge', $1, $2, $3, $4)`,
      [
        target.validFrom,
        'Sắp xếp đơn vị hành chính 2025',
        sources.map((s) => idByKey.get(s.key)!),
        [idByKey.get(successorKey)!],
      ],
    );
  }
}

function depths(tree: DemoUnit[]): Map<string, number> {
  const byKey = new Map(tree.map((u) => [u.key, u]));
  const out = new Map<string, number>();
  const depthOf = (u: DemoUnit): number => {
    const known = out.get(u.key);
    if (known !== undefined) return known;
    const d = u.parentKey ? depthOf(byKey.get(u.parentKey)!) + 1 : 0;
    out.set(u.key, d);
    return d;
  };
  tree.forEach(depthOf);
  return out;
}
