/**
 * Statistics of new and difficult tasks per subtree and year: registration rates of members and
 * cadres, approved items per cadre, outcomes, examples to publicise; and their Excel export.
 * The SQL is built by `statsQueries` so the benchmark runs exactly these statements raw.
 */
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TaskStatsDto, TaskStatsQuery } from '../../contracts/tasks.ts';
import { taskOutcomeLabels, taskStatusLabels } from '../../contracts/tasks.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import { rowsOf, type Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { sheet, writeXlsx } from '../../core/office/xlsx.ts';
import { formatDate, formatNumber } from '../../core/vietnamese/index.ts';
import { members } from '../members/members.schema.ts';
import { findUnit, namesOf } from '../units/units.repo.ts';
import { units } from '../units/units.schema.ts';
import { toRowDto } from './tasks.service.ts';
import { tasks } from './tasks.schema.ts';
import { itemsPerCadre, ratePercent } from './tasks.rules.ts';

/** The direct child of `path` a row lies under ('' for rows of the unit itself). */
const childOf = (column: SQL, path: string) =>
  sql`split_part(substr(${column}, ${path.length + 1}), '/', 1)`;

/**
 * The statements of one statistics request. Cadres are members holding a post in force at some
 * time in the year; members are those active and joined by the year's end.
 */
export function statsQueries(path: string, year: number, day: string) {
  const like = `${path}%`;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const cadreIds = sql`(select a.member_id from appointments a where a.start_date <= ${to} and (a.end_date is null or a.end_date >= ${from}))`;
  // Registered and cadre sets are built once and hash-joined (an IN per row re-ran them).
  const rates = sql`
    with registered as materialized (
      select distinct t.member_id from tasks t
      where t.unit_path like ${like} and t.status <> 'rejected'
        and t.start_year <= ${year} and t.end_year >= ${year}),
    cadre as materialized (
      select distinct a.member_id from appointments a
      where a.start_date <= ${to} and (a.end_date is null or a.end_date >= ${from}))
    select ${childOf(sql`m.unit_path`, path)} as child,
      count(*)::int as total,
      count(r.member_id)::int as registered,
      count(c.member_id)::int as cadres,
      (count(*) filter (where r.member_id is not null and c.member_id is not null))::int as cadres_registered
    from members m
    left join registered r on r.member_id = m.id
    left join cadre c on c.member_id = m.id
    where m.unit_path like ${like} and m.archived_at is null
      and m.status in ('probationary', 'full') and (m.join_date is null or m.join_date <= ${to})
    group by 1`;
  const items = sql`
    select ${childOf(sql`t.unit_path`, path)} as child,
      count(*)::int as approved,
      (count(*) filter (where t.member_id in ${cadreIds}))::int as cadre_items,
      (count(distinct t.member_id) filter (where t.member_id in ${cadreIds}))::int as cadres_with
    from tasks t
    where t.unit_path like ${like} and t.status = 'approved'
      and t.start_year <= ${year} and t.end_year >= ${year}
    group by 1`;
  const statuses = sql`
    select t.status, count(*)::int as n from tasks t
    where t.unit_path like ${like} and t.start_year <= ${year} and t.end_year >= ${year}
    group by 1`;
  // Outcomes of approved tasks due in the year.
  const outcomes = sql`
    select coalesce(t.outcome, case when t.deadline < ${day} then 'overdue' else 'open' end) as k,
      count(*)::int as n
    from tasks t
    where t.unit_path like ${like} and t.status = 'approved'
      and t.deadline >= ${from} and t.deadline <= ${to}
    group by 1`;
  return { rates, items, statuses, outcomes };
}

type RateRow = {
  child: string;
  total: number;
  registered: number;
  cadres: number;
  cadres_registered: number;
};
type ItemRow = { child: string; approved: number; cadre_items: number; cadres_with: number };

function statsRow(unitId: number, unitName: string, r: RateRow[], i: ItemRow[]) {
  const sum = <T>(rows: T[], f: (x: T) => number) => rows.reduce((s, x) => s + Number(f(x)), 0);
  const members = { registered: sum(r, (x) => x.registered), total: sum(r, (x) => x.total) };
  const cadres = { registered: sum(r, (x) => x.cadres_registered), total: sum(r, (x) => x.cadres) };
  const approvedCadreItems = sum(i, (x) => x.cadre_items);
  const cadresWithApproved = sum(i, (x) => x.cadres_with);
  return {
    unitId,
    unitName,
    members: { ...members, percent: ratePercent(members.registered, members.total) },
    cadres: { ...cadres, percent: ratePercent(cadres.registered, cadres.total) },
    approvedItems: sum(i, (x) => x.approved),
    approvedCadreItems,
    cadresWithApproved,
    itemsPerCadre: itemsPerCadre(approvedCadreItems, cadresWithApproved),
  };
}

const MODELS_SHOWN = 50;

export async function taskStats({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TaskStatsQuery;
}): Promise<TaskStatsDto> {
  requireReader(actor);
  const unit = await findUnit(db, actor, query.unitId ?? actor.unitId);
  if (!unit) throw notFound('Tổ chức');
  const day = today();
  const q = statsQueries(unit.path, query.year, day);
  const [rates, items, statuses, outcomes, models] = await Promise.all([
    db.execute(q.rates).then((r) => rowsOf<RateRow>(r)),
    db.execute(q.items).then((r) => rowsOf<ItemRow>(r)),
    db.execute(q.statuses).then((r) => rowsOf<{ status: string; n: number }>(r)),
    db.execute(q.outcomes).then((r) => rowsOf<{ k: string; n: number }>(r)),
    db
      .select({ task: tasks, memberName: members.fullName, unitName: units.name })
      .from(tasks)
      .innerJoin(members, eq(members.id, tasks.memberId))
      .innerJoin(units, eq(units.id, tasks.unitId))
      .where(
        and(
          eq(tasks.isModel, true),
          sql`${tasks.unitPath} LIKE ${unit.path + '%'}`,
          lte(tasks.startYear, query.year),
          gte(tasks.endYear, query.year),
        ),
      )
      .orderBy(desc(tasks.id))
      .limit(MODELS_SHOWN),
  ]);
  const childIds = [...new Set([...rates, ...items].map((r) => r.child).filter(Boolean))].map(
    Number,
  );
  const names = await namesOf(db, childIds);
  const children = childIds
    .map((id) =>
      statsRow(
        id,
        names.get(id) ?? `#${id}`,
        rates.filter((r) => r.child === String(id)),
        items.filter((r) => r.child === String(id)),
      ),
    )
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
  const count = (k: string) => Number(outcomes.find((o) => o.k === k)?.n ?? 0);
  return {
    year: query.year,
    unitName: unit.name,
    total: statsRow(unit.id, unit.name, rates, items),
    children,
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
    outcomes: {
      exceeded: count('exceeded'),
      on_time: count('on_time'),
      late: count('late'),
      not_done: count('not_done'),
      open: count('open'),
      overdue: count('overdue'),
    },
    models: models.map((m) => toRowDto(m, day)),
  };
}

type StatsRow = TaskStatsDto['total'];

export async function exportTaskStats(ctx: { db: Db; actor: Actor; query: TaskStatsQuery }) {
  const s = await taskStats(ctx);
  const pct = (n: number) => `${formatNumber(n, 1)}%`;
  const summary = sheet<StatsRow>({
    name: 'Tỷ lệ đăng ký',
    heading: [
      `Việc mới, việc khó năm ${s.year} — ${s.unitName}`,
      `Xuất ngày ${formatDate(today())}`,
    ],
    columns: [
      { header: 'Tổ chức', width: 40, value: (r) => r.unitName },
      { header: 'Đảng viên', value: (r) => r.members.total },
      { header: 'Đảng viên đã đăng ký', value: (r) => r.members.registered },
      { header: 'Tỷ lệ đảng viên', value: (r) => pct(r.members.percent) },
      { header: 'Cán bộ', value: (r) => r.cadres.total },
      { header: 'Cán bộ đã đăng ký', value: (r) => r.cadres.registered },
      { header: 'Tỷ lệ cán bộ', value: (r) => pct(r.cadres.percent) },
      { header: 'Việc được duyệt', value: (r) => r.approvedItems },
      { header: 'Việc của cán bộ', value: (r) => r.approvedCadreItems },
      { header: 'Số cán bộ có việc', value: (r) => r.cadresWithApproved },
      { header: 'Việc / cán bộ', value: (r) => formatNumber(r.itemsPerCadre, 2) },
    ],
    rows: [s.total, ...s.children],
  });
  const outcomeRows = [
    ...Object.entries(s.outcomes).map(([k, n]) => ({
      label:
        k === 'open'
          ? 'Đang thực hiện'
          : k === 'overdue'
            ? 'Quá hạn chưa đánh giá'
            : taskOutcomeLabels[k as keyof typeof taskOutcomeLabels],
      n,
    })),
    ...Object.entries(s.byStatus).map(([k, n]) => ({
      label: `Trạng thái: ${taskStatusLabels[k as keyof typeof taskStatusLabels] ?? k}`,
      n,
    })),
  ];
  const outcomeSheet = sheet<{ label: string; n: number }>({
    name: 'Kết quả',
    columns: [
      { header: 'Chỉ tiêu', width: 40, value: (r) => r.label },
      { header: 'Số việc', value: (r) => r.n },
    ],
    rows: outcomeRows,
  });
  const modelSheet = sheet<TaskStatsDto['models'][number]>({
    name: 'Điển hình',
    columns: [
      { header: 'Đảng viên', width: 30, value: (r) => r.memberName },
      { header: 'Tổ chức', width: 30, value: (r) => r.unitName },
      { header: 'Việc', width: 60, value: (r) => r.title },
      {
        header: 'Kết quả',
        width: 24,
        value: (r) => (r.outcome ? taskOutcomeLabels[r.outcome] : ''),
      },
    ],
    rows: s.models,
  });
  return {
    fileName: `viec-moi-viec-kho-${s.year}.xlsx`,
    content: await writeXlsx([summary, outcomeSheet, modelSheet]),
  };
}
