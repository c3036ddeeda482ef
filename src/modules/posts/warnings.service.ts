/**
 * The "Cảnh báo" dashboard: for a subtree, cadres over or near a term limit, members retiring
 * within N months, cadres missing required documents, and non-key posts held past the
 * periodic change of position. Each row carries its reason and the rules used.
 */
import { warningKindLabels, type PostLevel, type WarningKind } from '../../contracts/enums.ts';
import {
  statusLabels,
  type WarningRowDto,
  type WarningsDto,
  type WarningsQuery,
} from '../../contracts/posts.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { excelDate, sheet, writeXlsx, type XlsxColumn } from '../../core/office/xlsx.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { membersMissingRequiredDocuments } from '../dossiers/dossiers.service.ts';
import { loadRules, type RuleSet } from '../rules/registry.ts';
import { findUnit } from '../units/units.repo.ts';
import { overdueTaskWarnings } from '../tasks/tasks.warnings.ts';
import { addMonths } from '../../core/dates.ts';
import * as repo from './posts.repo.ts';
import { retirementBirthWindow } from './retirement-window.ts';
import {
  retirementCheck,
  runOf,
  samePostCheck,
  termLimitCheck,
  type TenureAppointment,
} from './tenure.rules.ts';

type Ctx = { db: Db; actor: Actor };
type Row = WarningRowDto;
type Scope = { id: number; path: string; name: string };

const DOCUMENTS: Citation = {
  rule: 'Hồ sơ cán bộ có đủ các loại giấy tờ bắt buộc',
  document: 'Danh mục loại giấy tờ hồ sơ cán bộ do đơn vị cấu hình trong CanBo',
};

async function scopeOf({ db, actor }: Ctx, unitId: number | undefined): Promise<Scope> {
  requireReader(actor);
  const unit = await findUnit(db, actor, unitId ?? actor.unitId);
  if (!unit) throw notFound('Tổ chức');
  return unit;
}

const byDueThenName = (a: Row, b: Row) =>
  Number(b.status === 'over') - Number(a.status === 'over') ||
  (a.dueDate ?? '').localeCompare(b.dueDate ?? '') ||
  a.fullName.localeCompare(b.fullName, 'vi');

/** (a) and (d): current holders of posts in the subtree, their runs and limits. */
async function postWarnings(ctx: Ctx, scope: Scope, date: string, rules: RuleSet) {
  const holders = await repo.holdersInForce(ctx.db, ctx.actor, scope.path, date, {
    membersInScope: true,
  });
  const history = await repo.sameSeatHistory(ctx.db, ctx.actor, holders);
  const seat = (r: { memberId: number; postTitleId: number; unitId: number }) =>
    `${r.memberId}:${r.postTitleId}:${r.unitId}`;
  const bySeat = new Map<string, repo.PastRow[]>();
  for (const h of history) bySeat.set(seat(h), [...(bySeat.get(seat(h)) ?? []), h]);
  const termLimit: Row[] = [];
  const samePost: Row[] = [];
  for (const h of holders) {
    const base = {
      postTitleId: h.postTitleId,
      postTitleName: h.postTitleName,
      unitId: h.unitId,
      unitPath: h.unitPath,
      unitName: h.unitName,
      level: h.level as PostLevel,
      isKey: h.isKey,
    };
    const appointment: TenureAppointment = {
      ...base,
      id: h.appointmentId,
      startDate: h.startDate,
      endDate: h.endDate,
      term: h.term,
    };
    const past = (bySeat.get(seat(h)) ?? []).map((p) => ({ ...base, ...p }));
    const run = runOf(appointment, past, rules, date);
    const row = (c: ReturnType<typeof termLimitCheck>): Row => ({
      memberId: h.memberId,
      fullName: h.fullName,
      birthDate: h.birthDate,
      unitName: h.unitName,
      postTitleName: h.postTitleName,
      since: run.since,
      dueDate: c.dueDate ?? null,
      status: c.status,
      reason: c.message,
      citations: c.citations,
    });
    const limit = termLimitCheck(appointment, run, rules, date);
    if (limit.status === 'near' || limit.status === 'over') termLimit.push(row(limit));
    const same = samePostCheck(appointment, run, rules, date);
    if (same.status === 'over') samePost.push(row(same));
  }
  return { termLimit: termLimit.sort(byDueThenName), samePost: samePost.sort(byDueThenName) };
}

/** (b): active members of the subtree whose retirement date falls within the next N months. */
async function retirementWarnings(
  ctx: Ctx,
  scope: Scope,
  date: string,
  withinMonths: number,
  rules: RuleSet,
) {
  const until = addMonths(date, withinMonths);
  // Retirement rules may be overridden deeper in the subtree: take the union of the windows,
  // then check each person found under the rules of their own unit.
  const overridePaths = [
    scope.path,
    ...new Set(
      rules.entries
        .filter((e) => e.key.startsWith('retirement.') && e.unitPath.startsWith(scope.path))
        .map((e) => e.unitPath),
    ),
  ];
  const windows: { gender: string; from: string; to: string }[] = [];
  for (const gender of ['male', 'female'] as const) {
    const found = overridePaths
      .map((p) => retirementBirthWindow(gender, rules, p, date, until))
      .filter((w) => w !== null);
    if (found.length) {
      windows.push({
        gender,
        from: found.map((w) => w.from).sort()[0]!,
        to: found
          .map((w) => w.to)
          .sort()
          .at(-1)!,
      });
    }
  }
  const people = await repo.membersBornIn(ctx.db, ctx.actor, scope.path, windows);
  // The verdict depends only on gender, birth month and which override applies: compute it
  // once per such group rather than per person.
  const deepest = [...overridePaths].sort((a, b) => b.length - a.length);
  const memo = new Map<string, ReturnType<typeof retirementCheck>>();
  const rows: Row[] = [];
  for (const p of people) {
    const applies = deepest.find((path) => p.unitPath.startsWith(path)) ?? scope.path;
    const key = `${p.gender}|${p.birthDate.slice(0, 7)}|${applies}`;
    let r = memo.get(key);
    if (!r) {
      r = retirementCheck(p, rules, p.unitPath, date);
      memo.set(key, r);
    }
    const due = r.retirement?.retirementDate;
    if (!due || due < date || due > until) continue;
    rows.push({
      memberId: p.id,
      fullName: p.fullName,
      birthDate: p.birthDate,
      unitName: p.unitName,
      postTitleName: '',
      since: null,
      dueDate: due,
      status: 'near',
      reason: r.check.message,
      citations: r.check.citations,
    });
  }
  return rows.sort(byDueThenName);
}

async function documentWarnings(
  ctx: Ctx,
  scope: Scope,
  page: number,
  pageSize: number,
): Promise<{ items: Row[]; total: number }> {
  const result = await membersMissingRequiredDocuments({
    ...ctx,
    unitId: scope.id,
    page,
    pageSize,
  });
  return {
    total: result.total,
    items: result.items.map((m) => ({
      memberId: m.memberId,
      fullName: m.fullName,
      birthDate: null,
      unitName: m.unitName,
      postTitleName: '',
      since: null,
      dueDate: null,
      status: 'over',
      reason: `Thiếu ${m.missing.length} loại giấy tờ bắt buộc: ${m.missing.join('; ')}`,
      citations: [DOCUMENTS],
    })),
  };
}

async function computeAll(ctx: Ctx, query: Omit<WarningsQuery, 'page' | 'pageSize'>) {
  const scope = await scopeOf(ctx, query.unitId);
  const date = query.date ?? today();
  const rules = await loadRules(ctx.db);
  const [posts, retiring] = await Promise.all([
    postWarnings(ctx, scope, date, rules),
    retirementWarnings(ctx, scope, date, query.withinMonths, rules),
  ]);
  return { scope, date, posts, retiring };
}

export async function listWarnings({
  db,
  actor,
  query,
}: Ctx & { query: WarningsQuery }): Promise<WarningsDto> {
  const ctx = { db, actor };
  const { scope, date, posts, retiring } = await computeAll(ctx, query);
  // Only the count is needed from the other kinds' documents list; a page of the usual size
  // keeps the dossiers query on its fast plan (a one-row page was ~25× slower on PostgreSQL).
  const documents =
    query.kind === 'documents'
      ? await documentWarnings(ctx, scope, query.page, query.pageSize)
      : await documentWarnings(ctx, scope, 1, 50);
  const overdue = await overdueTaskWarnings(
    db,
    scope.path,
    date,
    query.kind === 'overdue_tasks' ? query : { page: 1, pageSize: 1 },
  );
  const lists: Record<Exclude<WarningKind, 'documents' | 'overdue_tasks'>, Row[]> = {
    term_limit: posts.termLimit,
    retirement: retiring,
    same_post: posts.samePost,
  };
  const start = (query.page - 1) * query.pageSize;
  const { items, total } =
    query.kind === 'documents'
      ? documents
      : query.kind === 'overdue_tasks'
        ? overdue
        : {
            items: lists[query.kind].slice(start, start + query.pageSize),
            total: lists[query.kind].length,
          };
  return {
    kind: query.kind,
    date,
    unitName: scope.name,
    counts: {
      term_limit: posts.termLimit.length,
      retirement: retiring.length,
      documents: documents.total,
      same_post: posts.samePost.length,
      overdue_tasks: overdue.total,
    },
    items,
    total,
    totalIsCapped: false,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The whole list of one kind as xlsx, with the columns the screen shows. */
export async function exportWarnings({
  db,
  actor,
  query,
}: Ctx & { query: Omit<WarningsQuery, 'page' | 'pageSize'> }) {
  const ctx = { db, actor };
  const { scope, date, posts, retiring } = await computeAll(ctx, query);
  let rows: Row[];
  if (query.kind === 'documents') {
    rows = [];
    for (let page = 1; ; page++) {
      const part = await documentWarnings(ctx, scope, page, 200);
      rows.push(...part.items);
      if (!part.items.length || rows.length >= part.total) break;
    }
  } else if (query.kind === 'overdue_tasks') {
    rows = (await overdueTaskWarnings(db, scope.path, date, null)).items;
  } else {
    rows = { term_limit: posts.termLimit, retirement: retiring, same_post: posts.samePost }[
      query.kind
    ];
  }
  const title = warningKindLabels[query.kind];
  // The columns the screen shows for this kind (WarningsPage), plus STT.
  const ofPost = query.kind === 'term_limit' || query.kind === 'same_post';
  const ofTask = query.kind === 'overdue_tasks';
  type Line = Row & { n: number };
  const columns: XlsxColumn<Line>[] = [
    { header: 'STT', width: 6, value: (r) => r.n },
    { header: 'Họ và tên', width: 28, value: (r) => r.fullName },
    { header: 'Ngày sinh', width: 12, value: (r) => excelDate(r.birthDate) },
    ...(ofPost ? [{ header: 'Chức vụ', width: 28, value: (r: Line) => r.postTitleName }] : []),
    ...(ofTask ? [{ header: 'Việc đăng ký', width: 40, value: (r: Line) => r.postTitleName }] : []),
    { header: 'Tổ chức', width: 32, value: (r) => r.unitName },
    ...(ofPost
      ? [{ header: 'Giữ liên tục từ', width: 14, value: (r: Line) => excelDate(r.since) }]
      : []),
    ...(query.kind !== 'documents'
      ? [{ header: 'Đến hạn', width: 12, value: (r: Line) => excelDate(r.dueDate) }]
      : []),
    { header: 'Tình trạng', width: 16, value: (r) => statusLabels[r.status] },
    { header: 'Lý do', width: 70, value: (r) => r.reason },
    {
      header: 'Căn cứ',
      width: 60,
      value: (r) => r.citations.map((c) => `${c.rule} (${c.document})`).join('; '),
    },
  ];
  const buffer = await writeXlsx([
    sheet<Line>({
      name: 'Cảnh báo',
      heading: [
        `Cảnh báo: ${title}`,
        `${scope.name} — ngày ${formatDate(date)}${query.kind === 'retirement' ? `, trong ${query.withinMonths} tháng tới` : ''}`,
      ],
      columns,
      rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    }),
  ]);
  return { buffer, fileName: `Cảnh báo - ${title} - ${scope.name}.xlsx` };
}
