import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { countCap } from '../../contracts/common.ts';
import type { MemberListQuery } from '../../contracts/members.ts';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { containsFolded } from '../../core/db/text-search.ts';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { searchKey } from '../../core/vietnamese/index.ts';
import { namesAsOf, namesOf } from '../units/units.repo.ts';
import { memberUnitHistory, members } from './members.schema.ts';

export type MemberRow = typeof members.$inferSelect;
export type MemberValues = Omit<
  typeof members.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

/**
 * Which rows a call may touch: the actor's subtree, or only the actor's own member record
 * (a member reads and edits their own record wherever it sits).
 */
export type Access = 'scope' | 'own';

function visible(actor: Actor, access: Access): SQL {
  return access === 'own' ? eq(members.id, actor.memberId ?? 0) : inScope(members.unitPath, actor);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * Diacritic-insensitive name search. Each word of the query must occur in the unaccented
 * names (so "hang nguyen" finds "Nguyễn Thị Thu Hằng" too). Words of 3+ letters match
 * anywhere (the trigram index serves them); shorter ones only at the start of a name word,
 * so "an" finds "An", "Anh" but not every "Hoàng".
 */
export function nameSearch(q: string): SQL | undefined {
  const words = searchKey(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  return and(
    ...words.map((w) => {
      const e = escapeLike(w);
      return w.length >= 3
        ? sql`${members.searchText} like ${'%' + e + '%'}`
        : sql`(${members.searchText} like ${e + '%'} or ${members.searchText} like ${'% ' + e + '%'})`;
    }),
  );
}

export interface ListFilter extends MemberListQuery {
  /** The unit the list is narrowed to (already checked to be in scope). */
  unit?: { id: number; path: string };
  /** Today's date, for "currently attending temporarily elsewhere". */
  today: string;
}

function listConditions(actor: Actor, f: ListFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [inScope(members.unitPath, actor)];
  if (f.unit) {
    c.push(
      f.subtree
        ? sql`${members.unitPath} like ${f.unit.path + '%'}`
        : eq(members.unitId, f.unit.id),
    );
  }
  if (f.q) c.push(nameSearch(f.q));
  if (f.gender) c.push(eq(members.gender, f.gender));
  if (f.status?.length) c.push(inArray(members.status, f.status));
  if (f.ethnicity) c.push(eq(members.ethnicity, f.ethnicity));
  if (f.religion) c.push(eq(members.religion, f.religion));
  if (f.hometownProvince) c.push(eq(members.hometownProvince, f.hometownProvince));
  if (f.birthFrom) c.push(gte(members.birthDate, f.birthFrom));
  if (f.birthTo) c.push(lte(members.birthDate, f.birthTo));
  if (f.joinFrom) c.push(gte(members.joinDate, f.joinFrom));
  if (f.joinTo) c.push(lte(members.joinDate, f.joinTo));
  if (f.officialFrom) c.push(gte(members.officialDate, f.officialFrom));
  if (f.officialTo) c.push(lte(members.officialDate, f.officialTo));
  if (f.generalEducation?.length) c.push(inArray(members.generalEducation, f.generalEducation));
  if (f.professionalLevel?.length) c.push(inArray(members.professionalLevel, f.professionalLevel));
  if (f.politicalTheory?.length) c.push(inArray(members.politicalTheory, f.politicalTheory));
  if (f.stateManagement?.length) c.push(inArray(members.stateManagement, f.stateManagement));
  if (f.exempted) c.push(eq(members.exempted, f.exempted === 'true'));
  if (f.tempAttendance) {
    // Attending temporarily elsewhere today: a place, started, and not yet ended.
    const current = and(
      isNotNull(members.tempAttendancePlace),
      or(isNull(members.tempAttendanceFrom), lte(members.tempAttendanceFrom, f.today)),
      or(isNull(members.tempAttendanceTo), gte(members.tempAttendanceTo, f.today)),
    )!;
    c.push(f.tempAttendance === 'true' ? current : sql`not (${current})`);
  }
  if (f.idNumber) {
    c.push(
      f.idNumber.length === 12
        ? eq(members.idNumber, f.idNumber)
        : sql`${members.idNumber} like ${escapeLike(f.idNumber) + '%'}`,
    );
  }
  if (f.cardNumber) c.push(eq(members.cardNumber, f.cardNumber));
  if (f.birthplace) c.push(containsFolded(members.birthplace, f.birthplace));
  if (f.hometownCommune) c.push(containsFolded(members.hometownCommune, f.hometownCommune));
  if (f.residence) c.push(containsFolded(members.residence, f.residence));
  if (f.professionalField) c.push(containsFolded(members.professionalField, f.professionalField));
  if (f.archived === 'active') c.push(isNull(members.archivedAt));
  if (f.archived === 'archived') c.push(isNotNull(members.archivedAt));
  return and(...c);
}

const listColumns = {
  id: members.id,
  fullName: members.fullName,
  gender: members.gender,
  birthDate: members.birthDate,
  unitId: members.unitId,
  status: members.status,
  joinDate: members.joinDate,
  officialDate: members.officialDate,
  ethnicity: members.ethnicity,
  professionalLevel: members.professionalLevel,
  politicalTheory: members.politicalTheory,
  archivedAt: members.archivedAt,
};
interface ListRow {
  id: number;
  fullName: string;
  gender: string;
  birthDate: string;
  unitId: number;
  status: string;
  joinDate: string | null;
  officialDate: string | null;
  ethnicity: string;
  professionalLevel: string;
  politicalTheory: string;
  archivedAt: Date | null;
}

/** One page in Vietnamese name order, with each row's current unit name. */
export async function listPage(db: Db, actor: Actor, f: ListFilter) {
  const rows = await db
    .select(listColumns)
    .from(members)
    .where(listConditions(actor, f))
    .orderBy(asc(members.sortKey), asc(members.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return withUnitNames(db, rows);
}

async function withUnitNames(db: Db, rows: ListRow[]) {
  const names = await namesOf(db, [...new Set(rows.map((r) => r.unitId))]);
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' }));
}

/**
 * Page and capped total in one statement, from a materialised set of matches.
 * `scopeFirst` reads the (small) subtree once and filters it in memory; otherwise the
 * matches come from the indexes (the trigram index for names). Returns null when the
 * matches pass the cap: then they are dense and the name-order index walk is the fast way.
 *
 * Why: with a name query PostgreSQL tends to walk the name-order index and filter, which
 * reads most of a million rows when the matches are rare (bench: 1–2 s); and inside a
 * commune it intersects huge trigram bitmaps of common syllables such as "ngu".
 */
export async function pageFromMatches(
  db: Db,
  actor: Actor,
  f: ListFilter,
  scopeFirst: string | null,
): Promise<{ rows: Awaited<ReturnType<typeof withUnitNames>>; total: number } | null> {
  // The scope is read once into its own materialised CTE (a plain subquery would be flattened
  // back into an index intersection); it is named "members" so the shared conditions apply.
  const scoped = scopeFirst
    ? sql`scoped as materialized (select * from members where unit_path like ${scopeFirst + '%'}),`
    : sql``;
  const source = scopeFirst ? sql`scoped as members` : sql`members`;
  const result = await db.execute(sql`
    with ${scoped} hits as materialized (
      select * from ${source} where ${listConditions(actor, f)} limit ${countCap + 1}
    )
    select id, full_name, gender, birth_date::text as birth_date, unit_id, status,
           join_date::text as join_date, official_date::text as official_date, ethnicity,
           professional_level, political_theory, archived_at,
           (select count(*) from hits)::int as total
    from hits order by sort_key, id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const raw = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const total = raw.length
    ? Number(raw[0]!['total'])
    : await countCapped(db, actor, f).then((c) => (c.totalIsCapped ? countCap + 1 : c.total));
  if (total > countCap) return null;
  const rows: ListRow[] = raw.map((r) => ({
    id: Number(r['id']),
    fullName: String(r['full_name']),
    gender: String(r['gender']),
    birthDate: String(r['birth_date']),
    unitId: Number(r['unit_id']),
    status: String(r['status']),
    joinDate: (r['join_date'] as string | null) ?? null,
    officialDate: (r['official_date'] as string | null) ?? null,
    ethnicity: String(r['ethnicity']),
    professionalLevel: String(r['professional_level']),
    politicalTheory: String(r['political_theory']),
    archivedAt: r['archived_at'] ? new Date(r['archived_at'] as string) : null,
  }));
  return { rows: await withUnitNames(db, rows), total };
}

/** Filters the name-order index answers alone: it carries search_text, unit_path, archived_at. */
export function coveredByNameIndex(f: ListFilter): boolean {
  const own = new Set(['page', 'pageSize', 'q', 'subtree', 'archived', 'today', 'unit', 'unitId']);
  const other = Object.entries(f).some(
    ([k, v]) => !own.has(k) && v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  return !other && (!f.unit || f.subtree);
}

/**
 * Ids of one page, walking the name-order index (index-only when `coveredByNameIndex`).
 * With `bound`, only the first `bound` members of the scope in name order are looked at:
 * a short answer then means the matches are sparse there, and another path is faster.
 */
export async function walkNameOrder(
  db: Db,
  actor: Actor,
  f: ListFilter,
  bound: number | null,
): Promise<number[]> {
  const scopeOnly = and(
    inScope(members.unitPath, actor),
    f.unit ? sql`${members.unitPath} like ${f.unit.path + '%'}` : undefined,
  );
  const source =
    bound === null
      ? sql`members`
      : sql`(select id, sort_key, search_text, unit_path, archived_at from members
             where ${scopeOnly} order by sort_key, id limit ${bound}) as members`;
  const result = await db.execute(sql`
    select id from ${source} where ${listConditions(actor, f)}
    order by sort_key, id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  return (result as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
}

/** The list rows for ids found by a walk, in the walk's order. */
export async function pageByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db.select(listColumns).from(members).where(inArray(members.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return withUnitNames(db, ids.map((id) => byId.get(id)!).filter(Boolean));
}

/** The planner's estimate of how many rows match: instant, and close enough to say "khoảng". */
export async function estimateCount(db: Db, actor: Actor, f: ListFilter): Promise<number> {
  const result = await db.execute(
    sql`explain (format json) select 1 from members where ${listConditions(actor, f)}`,
  );
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  const plan = row['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as {
    Plan: { 'Plan Rows': number };
  }[];
  return Math.round(parsed[0]?.Plan['Plan Rows'] ?? 0);
}

/** Members (current and archived) under a path, from the per-unit counters. */
export async function subtreeMemberCount(db: Db, path: string): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(sum(s.active + s.archived), 0)::int as n
    from units u join unit_member_stats s on s.unit_id = u.id
    where u.path like ${path + '%'}`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/** Counts at most countCap + 1 matching rows: exact for normal lists, cheap for huge ones. */
export async function countCapped(db: Db, actor: Actor, f: ListFilter) {
  const limited = db
    .select({ one: sql`1`.as('one') })
    .from(members)
    .where(listConditions(actor, f))
    .limit(countCap + 1)
    .as('limited');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(limited);
  const n = Number(row?.n ?? 0);
  return { total: Math.min(n, countCap), totalIsCapped: n > countCap };
}

export async function findMember(
  db: Db,
  actor: Actor,
  id: number,
  opts: { access?: Access; forUpdate?: boolean } = {},
): Promise<MemberRow | undefined> {
  const query = db
    .select()
    .from(members)
    .where(and(eq(members.id, id), visible(actor, opts.access ?? 'scope')))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * Serialises writers of the same ID number until the transaction ends, so two concurrent
 * saves cannot both pass the uniqueness check.
 */
export async function lockIdNumber(tx: Db, idNumber: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301, hashtext(${idNumber}))`);
}

/** Deliberately not scoped: an ID number is unique among all members, wherever they sit. */
export async function idNumberTaken(tx: Db, idNumber: string, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: members.id })
    .from(members)
    .where(eq(members.idNumber, idNumber))
    .limit(2);
  return rows.some((r) => r.id !== exceptId);
}

export async function insertMember(tx: Db, values: MemberValues): Promise<MemberRow> {
  const [row] = await tx.insert(members).values(values).returning();
  return row!;
}

/** Optimistic update: undefined when the version moved on or the row is not visible. */
export async function updateMember(
  tx: Db,
  actor: Actor,
  id: number,
  expectedVersion: number,
  values: Partial<MemberValues>,
  access: Access = 'scope',
): Promise<MemberRow | undefined> {
  const [row] = await tx
    .update(members)
    .set({ ...values, version: sql`${members.version} + 1`, updatedAt: new Date() })
    .where(and(eq(members.id, id), eq(members.version, expectedVersion), visible(actor, access)))
    .returning();
  return row;
}

export async function insertMembership(
  tx: Db,
  row: { memberId: number; unitId: number; fromDate: string; reason: string; note?: string | null },
): Promise<void> {
  await tx.insert(memberUnitHistory).values(row);
}

export async function openMembership(db: Db, memberId: number) {
  const [row] = await db
    .select()
    .from(memberUnitHistory)
    .where(and(eq(memberUnitHistory.memberId, memberId), isNull(memberUnitHistory.toDate)))
    .orderBy(asc(memberUnitHistory.fromDate))
    .limit(1);
  return row;
}

/** Quá trình sinh hoạt: each period with the unit's name then and now. */
export async function unitHistory(db: Db, memberId: number) {
  const rows = await db
    .select()
    .from(memberUnitHistory)
    .where(eq(memberUnitHistory.memberId, memberId))
    .orderBy(asc(memberUnitHistory.fromDate), asc(memberUnitHistory.id));
  const then = await namesAsOf(
    db,
    rows.map((r) => ({ unitId: r.unitId, date: r.fromDate })),
  );
  const now = await namesOf(db, [...new Set(rows.map((r) => r.unitId))]);
  return rows.map((r) => ({
    unitId: r.unitId,
    unitNameNow: now.get(r.unitId) ?? '',
    unitNameThen: then(r.unitId, r.fromDate) ?? now.get(r.unitId) ?? '',
    fromDate: r.fromDate,
    toDate: r.toDate,
    reason: r.reason,
    note: r.note,
  }));
}

export async function unitNameOf(db: Db, unitId: number): Promise<string> {
  return (await namesOf(db, [unitId])).get(unitId) ?? '';
}

export async function isVisible(db: Db, actor: Actor, id: number): Promise<boolean> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, id), inScope(members.unitPath, actor)))
    .limit(1);
  return rows.length > 0;
}

export interface RelocateOptions {
  fromUnitIds?: number[];
  memberIds?: number[];
  /** Only move listed members that currently sit in this unit (splits take members of the source only). */
  requireUnitId?: number;
  to: { id: number; path: string; name: string };
  effectiveDate: string;
  dayBefore: string;
  reason: 'merge' | 'split' | 'transfer';
  note?: string | null;
  summaryPrefix: string;
  summarySuffix: string;
}

const intArray = (ids: number[]) => {
  if (!ids.every(Number.isInteger)) throw new Error('ids must be integers');
  return `{${ids.join(',')}}`;
};

/**
 * Moves members to another unit in one statement: updates them, closes their open membership
 * period, opens the new one and writes one audit row each. Scale: one pass over the chosen rows,
 * whatever their number. Returns how many moved.
 */
export async function relocate(tx: Db, actor: Actor, o: RelocateOptions): Promise<number> {
  const fromUnits = o.fromUnitIds?.length
    ? sql`m.unit_id = any(${intArray(o.fromUnitIds)}::int[])`
    : sql`false`;
  const listed = o.memberIds?.length
    ? sql`(m.id = any(${intArray(o.memberIds)}::int[])${
        o.requireUnitId !== undefined ? sql` and m.unit_id = ${o.requireUnitId}::int` : sql``
      })`
    : sql`false`;
  const actorName = `${actor.displayName} (${actor.username})`;
  const result = await tx.execute(sql`
    with moved as (
      select m.id, m.unit_id as old_unit_id
      from members m
      where (${fromUnits} or ${listed})
        and m.unit_id <> ${o.to.id}::int
        and ${inScope(sql`m.unit_path`, actor)}
      for update
    ),
    updated as (
      update members
      set unit_id = ${o.to.id}::int, unit_path = ${o.to.path}::text,
          version = members.version + 1, updated_at = now()
      from moved where members.id = moved.id
      returning 1
    ),
    closed as (
      -- A period that started on or after the effective date closes on its own first day
      -- rather than before it begins.
      update member_unit_history h
      set to_date = greatest(h.from_date, ${o.dayBefore}::date)
      from moved where h.member_id = moved.id and h.to_date is null
      returning 1
    ),
    opened as (
      insert into member_unit_history (member_id, unit_id, from_date, reason, note)
      select moved.id, ${o.to.id}::int, ${o.effectiveDate}::date, ${o.reason}::text, ${o.note ?? null}::text
      from moved
      returning 1
    ),
    audited as (
      insert into audit_log
        (actor_id, actor_name, action, entity_type, entity_id, scope_path, summary, before, after)
      select ${actor.userId}::int, ${actorName}::text, ${o.reason}::text, 'member', moved.id,
             ${o.to.path}::text, ${o.summaryPrefix}::text || u.name || ${o.summarySuffix}::text,
             jsonb_build_object('unitId', moved.old_unit_id, 'unitName', u.name),
             jsonb_build_object('unitId', ${o.to.id}::int, 'unitName', ${o.to.name}::text,
                                'effectiveDate', ${o.effectiveDate}::text, 'note', ${o.note ?? null}::text)
      from moved join units u on u.id = moved.old_unit_id
      returning 1
    )
    select (select count(*) from moved)::int as moved`);
  return Number(rowsOf<{ moved: number }>(result)[0]?.moved ?? 0);
}

/** Re-roots the copied unit path of members whose unit moved in the tree. */
export async function rewritePaths(tx: Db, oldPrefix: string, newPrefix: string): Promise<void> {
  await tx.execute(sql`
    update members
    set unit_path = ${newPrefix}::text || substr(unit_path, ${oldPrefix.length + 1}::int)
    where unit_path like ${oldPrefix + '%'}`);
}

export async function countInUnit(db: Db, unitId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(eq(members.unitId, unitId));
  return Number(row?.n ?? 0);
}

/**
 * The next `limit` rows of a filtered list in name order after `after` (keyset paging), for
 * exports that read a whole list without OFFSET. Same filter and order as the list pages.
 */
export async function listAfter(
  db: Db,
  actor: Actor,
  f: ListFilter,
  after: { sortKey: string; id: number } | null,
  limit: number,
) {
  const rows = await db
    .select({ ...listColumns, sortKey: members.sortKey })
    .from(members)
    .where(
      and(
        listConditions(actor, f),
        after
          ? sql`(${members.sortKey}, ${members.id}) > (${after.sortKey}, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(members.sortKey), asc(members.id))
    .limit(limit);
  const names = await namesOf(db, [...new Set(rows.map((r) => r.unitId))]);
  return rows.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' }));
}
