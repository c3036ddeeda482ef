/**
 * Statistic: the share of key posts held by people who are not local, among appointments in
 * force on a date in a subtree, overall and per post title, against the target in force.
 */
import type { NonLocalDto } from '../../contracts/posts.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { notFound } from '../../core/errors.ts';
import { sheet, writeXlsx } from '../../core/office/xlsx.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { formatDate, formatNumber, formatPercent } from '../../core/vietnamese/index.ts';
import { loadRules } from '../rules/registry.ts';
import { findUnit } from '../units/units.repo.ts';
import * as repo from './posts.repo.ts';
import { localityCheck } from './tenure.rules.ts';

type Ctx = { db: Db; actor: Actor };

/** "53,1%": one decimal, as the congress reports write it. */
const percentText = (part: number, whole: number) => formatPercent(part, whole, 1) || '—';

export async function nonLocalShare({
  db,
  actor,
  unitId,
  date = today(),
}: Ctx & { unitId?: number; date?: string }): Promise<NonLocalDto> {
  requireReader(actor);
  const unit = await findUnit(db, actor, unitId ?? actor.unitId);
  if (!unit) throw notFound('Tổ chức');
  const rules = await loadRules(db);
  // Holders who have since left the Party or died still held the post on that date.
  const holders = await repo.holdersInForce(db, actor, unit.path, date, {
    onlyKey: true,
    activeOnly: false,
  });
  const provinces = await repo.provinceOfPaths(db, [...new Set(holders.map((h) => h.unitPath))]);
  const citations = new Map<string, Citation>();
  const byPost = new Map<
    number,
    { postTitleId: number; postTitleName: string; total: number; nonLocal: number; unknown: number }
  >();
  let nonLocal = 0;
  let unknown = 0;
  for (const h of holders) {
    const c = localityCheck(
      h,
      { locality: h.locality, province: provinces.get(h.unitPath) ?? null },
      rules,
      h.unitPath,
      date,
    );
    for (const cite of c.citations) citations.set(`${cite.rule}|${cite.document}`, cite);
    const row = byPost.get(h.postTitleId) ?? {
      postTitleId: h.postTitleId,
      postTitleName: h.postTitleName,
      total: 0,
      nonLocal: 0,
      unknown: 0,
    };
    row.total++;
    if (c.status === 'nonlocal') {
      row.nonLocal++;
      nonLocal++;
    } else if (c.status === 'unknown') {
      row.unknown++;
      unknown++;
    }
    byPost.set(h.postTitleId, row);
  }
  const total = holders.length;
  const target = rules.find<number>('nonlocal.key_posts_target_percent', unit.path, date);
  const percent = total ? (nonLocal / total) * 100 : null;
  let verdict: string;
  let reached: boolean | null = null;
  if (!target) verdict = 'chưa có chỉ tiêu';
  else {
    citations.set('target', target.citation);
    const goal = `chỉ tiêu ${formatNumber(target.value)}% theo ${target.citation.document}`;
    if (percent === null) verdict = `Chưa có chức danh chủ chốt nào để so với ${goal}`;
    else {
      reached = percent >= target.value;
      verdict = `${percentText(nonLocal, total)} (${nonLocal}/${total}) ${reached ? '≥' : '<'} ${goal}: ${reached ? 'đạt' : 'chưa đạt'}`;
    }
  }
  return {
    date,
    unitId: unit.id,
    unitName: unit.name,
    total,
    nonLocal,
    unknown,
    percent,
    percentText: percentText(nonLocal, total),
    targetPercent: target?.value ?? null,
    reached,
    verdict,
    citations: [...citations.values()],
    byPost: [...byPost.values()]
      .sort((a, b) => b.total - a.total || a.postTitleName.localeCompare(b.postTitleName, 'vi'))
      .map((r) => ({ ...r, percentText: percentText(r.nonLocal, r.total) })),
  };
}

export async function exportNonLocalShare(ctx: Ctx & { unitId?: number; date?: string }) {
  const s = await nonLocalShare(ctx);
  type Line = {
    name: string;
    total: number;
    nonLocal: number;
    unknown: number;
    percentText: string;
  };
  const lines: Line[] = [
    ...s.byPost.map((r) => ({ ...r, name: r.postTitleName })),
    {
      name: 'Tổng cộng',
      total: s.total,
      nonLocal: s.nonLocal,
      unknown: s.unknown,
      percentText: s.percentText,
    },
  ];
  const buffer = await writeXlsx([
    sheet<Line>({
      name: 'Không là người địa phương',
      heading: [
        'Tỷ lệ chức danh chủ chốt không là người địa phương',
        `${s.unitName} — ngày ${formatDate(s.date)}`,
        `Chỉ tiêu: ${s.verdict}`,
      ],
      columns: [
        { header: 'Chức danh', width: 40, value: (r) => r.name },
        { header: 'Số người giữ', width: 14, value: (r) => r.total },
        { header: 'Không là người địa phương', width: 18, value: (r) => r.nonLocal },
        { header: 'Chưa xác định', width: 14, value: (r) => r.unknown },
        { header: 'Tỷ lệ', width: 10, value: (r) => r.percentText },
      ],
      rows: lines,
    }),
  ]);
  return { buffer, fileName: `Cán bộ không là người địa phương - ${s.unitName}.xlsx` };
}
