/**
 * The succession view's SQL. A key post is a key title in a unit that has a holder on the date
 * or a pool for the term. One statement ranks and pages the posts of a subtree with their
 * successor counts; two small reads fill in the page's holders and successors.
 */
import { sql, type SQL } from 'drizzle-orm';
import { inScope, type Actor } from '../../core/access/actor.ts';
import { type Db, rowsOf } from '../../core/db/client.ts';
import { intArray } from './planning.repo.ts';

export interface SuccessionFilter {
  path: string;
  term: string;
  date: string;
  gapsOnly: boolean;
  page: number;
  pageSize: number;
}

/**
 * Posts of the subtree with the active count of their pool (0 when there is no pool): key posts
 * held on the date, full-joined with the term's pools of key titles; each pool's size comes
 * from one grouped read of its active entries (no per-row subquery).
 */
function postsCte(actor: Actor, f: SuccessionFilter): SQL {
  const inTree = sql`u.path like ${f.path + '%'} and ${inScope(sql`u.path`, actor)}`;
  return sql`
    with scoped as (
      select u.id from units u where ${inTree}
    ),
    held as (
      select distinct a.post_title_id, a.unit_id
      from appointments a
      join scoped s on s.id = a.unit_id
      join post_titles t on t.id = a.post_title_id and t.is_key
      where a.start_date <= ${f.date} and (a.end_date is null or a.end_date >= ${f.date})
    ),
    pools as (
      select p.id, p.post_title_id, p.unit_id
      from planning_pools p
      join scoped s on s.id = p.unit_id
      join post_titles t on t.id = p.post_title_id and t.is_key
      where p.term = ${f.term}
    ),
    sizes as (
      select e.pool_id, count(*)::int as n
      from planning_entries e join pools p on p.id = e.pool_id
      where e.status = 'active'
      group by e.pool_id
    ),
    counted as materialized (
      select coalesce(h.post_title_id, p.post_title_id) as post_title_id,
             coalesce(h.unit_id, p.unit_id) as unit_id, p.id as pool_id, coalesce(z.n, 0) as n
      from held h
      full join pools p on p.post_title_id = h.post_title_id and p.unit_id = h.unit_id
      left join sizes z on z.pool_id = p.id
    )`;
}

export interface SuccessionPostRow {
  postTitleId: number;
  postTitleName: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  poolId: number | null;
  n: number;
}

export interface SuccessionCounts {
  posts: number;
  none: number;
  one: number;
}

/**
 * One page of posts and, in the same statement, the subtree's counts (window aggregates over
 * every post, computed before the gaps filter and the page): one pass over the posts.
 */
export async function successionPage(db: Db, actor: Actor, f: SuccessionFilter) {
  const result = await db.execute(sql`${postsCte(actor, f)}
    select * from (
      select c.post_title_id as "postTitleId", t.name as "postTitleName", c.unit_id as "unitId",
             u.name as "unitName", u.path as "unitPath", c.pool_id as "poolId", c.n,
             t.sort_order,
             count(*) over ()::int as posts,
             (count(*) filter (where c.n = 0) over ())::int as none,
             (count(*) filter (where c.n = 1) over ())::int as one
      from counted c
      join units u on u.id = c.unit_id
      join post_titles t on t.id = c.post_title_id
    ) z
    ${f.gapsOnly ? sql`where z.n <= 1` : sql``}
    order by z."unitPath", z.sort_order, z."postTitleId"
    limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`);
  const rows = rowsOf<SuccessionPostRow & SuccessionCounts>(result);
  const counts = rows[0]
    ? { posts: rows[0].posts, none: rows[0].none, one: rows[0].one }
    : await successionCounts(db, actor, f);
  return {
    rows: rows.map((r): SuccessionPostRow => ({
      postTitleId: r.postTitleId,
      postTitleName: r.postTitleName,
      unitId: r.unitId,
      unitName: r.unitName,
      unitPath: r.unitPath,
      poolId: r.poolId,
      n: r.n,
    })),
    counts,
  };
}

/** The counts alone, for a page past the end. */
export async function successionCounts(
  db: Db,
  actor: Actor,
  f: SuccessionFilter,
): Promise<SuccessionCounts> {
  const result = await db.execute(sql`${postsCte(actor, f)}
    select count(*)::int as posts,
           count(*) filter (where n = 0)::int as none,
           count(*) filter (where n = 1)::int as one
    from counted`);
  return rowsOf<SuccessionCounts>(result)[0]!;
}

export interface HolderRow {
  postTitleId: number;
  unitId: number;
  memberId: number;
  fullName: string;
  birthDate: string;
  gender: string;
  startDate: string;
  endDate: string | null;
  level: string;
}

/** Holders in force on the date of the page's posts. */
export async function holdersOf(
  db: Db,
  posts: readonly { postTitleId: number; unitId: number }[],
  date: string,
) {
  if (!posts.length) return [];
  const result = await db.execute(sql`
    select a.post_title_id as "postTitleId", a.unit_id as "unitId", a.member_id as "memberId",
           m.full_name as "fullName", m.birth_date::text as "birthDate", m.gender,
           a.start_date::text as "startDate", a.end_date::text as "endDate", t.level
    from unnest(${intArray(posts.map((p) => p.postTitleId))}::int[],
                ${intArray(posts.map((p) => p.unitId))}::int[]) as s(post_title_id, unit_id)
    join appointments a on a.post_title_id = s.post_title_id and a.unit_id = s.unit_id
    join members m on m.id = a.member_id
    join post_titles t on t.id = a.post_title_id
    where a.start_date <= ${date} and (a.end_date is null or a.end_date >= ${date})
    order by a.start_date`);
  return rowsOf<HolderRow>(result);
}

export async function successorsOf(db: Db, poolIds: readonly number[]) {
  if (!poolIds.length) return [];
  const result = await db.execute(sql`
    select e.pool_id as "poolId", e.member_id as "memberId", m.full_name as "fullName",
           m.birth_date::text as "birthDate"
    from planning_entries e join members m on m.id = e.member_id
    where e.pool_id = any(${intArray(poolIds)}::int[]) and e.status = 'active'
    order by e.pool_id, e.decision_date, e.id`);
  return rowsOf<{ poolId: number; memberId: number; fullName: string; birthDate: string }>(result);
}

/** The distinct people planned in a subtree for a term (for the structure charts). */
export async function plannedPeople(db: Db, actor: Actor, path: string, term: string) {
  const result = await db.execute(sql`
    select distinct m.id, m.birth_date::text as "birthDate", m.gender, m.ethnicity
    from planning_entries e
    join planning_pools p on p.id = e.pool_id
    join units u on u.id = p.unit_id
    join members m on m.id = e.member_id
    where e.status = 'active' and p.term = ${term}
      and u.path like ${path + '%'} and ${inScope(sql`u.path`, actor)}`);
  return rowsOf<{ id: number; birthDate: string; gender: string; ethnicity: string }>(result);
}
