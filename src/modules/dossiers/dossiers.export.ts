import type { CompletenessQuery } from '../../contracts/dossiers.ts';
import { dossierProcessLabels } from '../../contracts/enums.ts';
import { requireReader, type Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { sheet, writeXlsx } from '../../core/office/xlsx.ts';
import { formatDate, formatNumber } from '../../core/vietnamese/index.ts';
import { findUnit } from '../units/units.repo.ts';
import * as repo from './dossiers.repo.ts';

const EXPORT_CAP = 20_000;
const CHUNK = 1000;

type Row = repo.CompletenessRow & { n: number; missing: string[] };

const columns = [
  { header: 'TT', width: 6, value: (r: Row) => r.n },
  { header: 'Họ và tên', width: 28, value: (r: Row) => r.fullName },
  { header: 'Tổ chức đảng', width: 32, value: (r: Row) => r.unitName },
  { header: 'Đã xác minh', width: 12, value: (r: Row) => `${r.verifiedRequired}/${r.required}` },
  { header: 'Chờ / trả lại', width: 12, value: (r: Row) => `${r.pending} / ${r.rejected}` },
  {
    header: 'Còn thiếu (chưa xác minh)',
    width: 70,
    value: (r: Row) => (r.missing.length ? r.missing.join('; ') : 'Đủ'),
  },
];

const completenessLabels = { all: '', incomplete: 'chưa đủ hồ sơ', complete: 'đã đủ hồ sơ' };

/** The completeness list as on screen (same filters and columns), all pages, as xlsx. */
export async function exportCompleteness({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<CompletenessQuery, 'page' | 'pageSize'>;
}): Promise<{ content: Buffer; fileName: string }> {
  requireReader(actor);
  const unit = query.unitId !== undefined ? await findUnit(db, actor, query.unitId) : undefined;
  const found =
    query.unitId !== undefined && !unit
      ? []
      : await repo.completenessPage(db, actor, {
          path: unit?.path ?? actor.scopePath,
          process: query.process,
          completeness: query.completeness,
          postHoldersOn: query.postHolders === 'true' ? today() : null,
          page: 1,
          pageSize: EXPORT_CAP,
        });
  const missing = new Map<number, string[]>();
  const lacking = found.filter((r) => r.verifiedRequired < r.required).map((r) => r.memberId);
  for (let i = 0; i < lacking.length; i += CHUNK) {
    const part = await repo.missingTypeNames(db, lacking.slice(i, i + CHUNK), query.process);
    for (const [id, names] of part) missing.set(id, names);
  }
  const rows: Row[] = found.map((r, i) => ({
    ...r,
    n: i + 1,
    missing: missing.get(r.memberId) ?? [],
  }));
  const total = found[0]?.total ?? 0;
  const day = today();
  const filter = [
    unit ? `Tổ chức đảng: ${unit.name} (gồm cả tổ chức trực thuộc)` : 'Cả phạm vi quản lý',
    completenessLabels[query.completeness],
    query.postHolders === 'true' ? 'chỉ người đang giữ chức vụ' : '',
  ].filter(Boolean);
  const heading = [
    `TÌNH TRẠNG HỒ SƠ: ${dossierProcessLabels[query.process].toUpperCase()}`,
    `${filter.join('; ')}. Xuất ngày ${formatDate(day)} từ CanBo.`,
    total > rows.length
      ? `Danh sách có ${formatNumber(total)} người: tệp chỉ gồm ${formatNumber(rows.length)} người đầu tiên theo thứ tự tên; hãy lọc hẹp hơn để xuất phần còn lại.`
      : `Tổng số: ${formatNumber(rows.length)} người.`,
  ];
  const content = await writeXlsx([
    sheet<Row>({ name: 'Tình trạng hồ sơ', heading, columns, rows }),
  ]);
  return {
    content,
    fileName: `Tinh-trang-ho-so-${day.split('-').reverse().join('-')}.xlsx`,
  };
}
