/**
 * The succession view as an Excel workbook: every key post of the subtree (all pages, with the
 * screen's filter), and the structure of the pool against its targets. Organisation boards
 * hand these tables on in Excel, so the columns are the screen's.
 */
import type { SuccessionRowDto, StructureDto } from '../../contracts/planning.ts';
import { excelDate, sheet, writeXlsx } from '../../core/office/xlsx.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { structure, succession } from './succession.service.ts';

type Ctx = Parameters<typeof succession>[0];
type Query = Omit<Ctx['query'], 'page' | 'pageSize'>;

const coverageLabels: Record<SuccessionRowDto['coverage'], string> = {
  none: 'Chưa có người kế cận',
  one: 'Chỉ có 1 người',
  ok: 'Đủ nguồn',
};

/** The rules and documents the figures rest on, as the screen shows them. */
const citationsLine = (citations: Citation[]) =>
  `Căn cứ: ${citations.map((c) => `${c.rule} (${c.document})`).join('; ')}`;

type ShareRow = { label: string; count: number; percent: number | null; target: number | null };

/** Posts read per query: each page also counts the whole scope, so fewer, larger pages. */
export const EXPORT_PAGE_SIZE = 1000;

export async function exportSuccession({
  db,
  actor,
  query,
  pageSize = EXPORT_PAGE_SIZE,
}: Omit<Ctx, 'query'> & { query: Query; pageSize?: number }) {
  const first = await succession({ db, actor, query: { ...query, page: 1, pageSize } });
  // The first page's date is the one every page uses (today when none was given).
  const date = first.date;
  // All pages are read before writing, so the heading can cite every rule any row used.
  const posts = [...first.items];
  const citations = new Map(first.citations.map((c) => [c.rule, c]));
  for (let page = 2; (page - 1) * pageSize < first.total; page++) {
    const next = await succession({ db, actor, query: { ...query, date, page, pageSize } });
    posts.push(...next.items);
    for (const c of next.citations) citations.set(c.rule, c);
  }
  const s: StructureDto = await structure({
    db,
    actor,
    query: { unitId: query.unitId, term: query.term, date },
  });
  const heading = [
    `Quy hoạch nhiệm kỳ ${query.term} — kế thừa các chức danh chủ chốt`,
    first.unitName,
    citationsLine([...citations.values()]),
    `Tính đến ngày ${formatDate(date)}${query.gapsOnly === 'true' ? ' — chỉ chức danh chưa có hoặc chỉ có 1 người kế cận' : ''}`,
  ];
  const shares: ShareRow[] = [
    ...s.ageBands.map((b) => ({
      label: b.label,
      count: b.count,
      percent: s.people ? Math.round((b.count * 1000) / s.people) / 10 : 0,
      target: null,
    })),
    ...s.shares.map((x) => ({
      label: x.label,
      count: x.count,
      percent: x.percent,
      target: x.targetPercent,
    })),
  ];
  const buffer = await writeXlsx([
    sheet<SuccessionRowDto>({
      name: 'Kế thừa',
      heading,
      rows: posts,
      columns: [
        { header: 'Chức danh', width: 28, value: (r) => r.postTitleName },
        { header: 'Tổ chức', width: 36, value: (r) => r.unitName },
        { header: 'Người đang giữ', width: 26, value: (r) => r.holder?.fullName ?? 'Khuyết' },
        { header: 'Giữ từ ngày', value: (r) => excelDate(r.holder?.startDate) },
        { header: 'Số tháng còn giữ chức vụ', value: (r) => r.holder?.monthsLeftInPost },
        { header: 'Số tháng đến nghỉ hưu', value: (r) => r.holder?.monthsToRetirement },
        { header: 'Số người kế cận', value: (r) => r.successors.length },
        {
          header: 'Người kế cận (trong quy hoạch)',
          width: 50,
          value: (r) =>
            r.successors.map((p) => `${p.fullName} (${formatDate(p.birthDate)})`).join('; '),
        },
        { header: 'Tình trạng', width: 22, value: (r) => coverageLabels[r.coverage] },
      ],
    }),
    sheet<ShareRow>({
      name: 'Cơ cấu',
      heading: [
        `Cơ cấu nguồn quy hoạch nhiệm kỳ ${query.term} — ${s.unitName}`,
        `${s.people} người trong quy hoạch, tính đến ngày ${formatDate(date)}`,
        citationsLine(s.citations),
      ],
      rows: shares,
      columns: [
        { header: 'Nhóm', width: 40, value: (r) => r.label },
        { header: 'Số người', value: (r) => r.count },
        { header: 'Tỷ lệ (%)', value: (r) => r.percent },
        { header: 'Chỉ tiêu (%)', value: (r) => r.target },
      ],
    }),
  ]);
  return { buffer, fileName: `Quy hoạch kế thừa - ${query.term} - ${first.unitName}.xlsx` };
}
