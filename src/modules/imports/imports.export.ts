/**
 * Any filtered members list as xlsx: the columns the list screen shows, in its order, read
 * through the members module with the same query as GET /api/members, capped.
 */
import {
  genderLabels,
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
} from '../../contracts/enums.ts';
import type { MemberListItem, MemberListQuery } from '../../contracts/members.ts';
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { excelDate, sheet, writeXlsx } from '../../core/office/xlsx.ts';
import { formatDate, formatNumber } from '../../core/vietnamese/index.ts';
import { listMembersForExport } from '../members/members.service.ts';
import { findUnit } from '../units/units.repo.ts';

/** Rows in one export at most; the heading says so when a list is longer. */
export const EXPORT_CAP = 50_000;

type Row = MemberListItem & { n: number };

/** The members list columns (MembersPage), in the same order. */
const columns = [
  { header: 'STT', width: 8, value: (r: Row) => r.n },
  {
    header: 'Họ và tên',
    width: 28,
    value: (r: Row) => (r.archived ? `${r.fullName} (đã lưu trữ)` : r.fullName),
  },
  { header: 'Giới tính', width: 10, value: (r: Row) => genderLabels[r.gender] },
  { header: 'Ngày sinh', width: 12, value: (r: Row) => excelDate(r.birthDate) },
  { header: 'Tổ chức đảng', width: 40, value: (r: Row) => r.unitName },
  { header: 'Tình trạng', width: 14, value: (r: Row) => memberStatusLabels[r.status] },
  { header: 'Ngày vào Đảng', width: 14, value: (r: Row) => excelDate(r.joinDate) },
  {
    header: 'Trình độ chuyên môn',
    width: 20,
    value: (r: Row) => professionalLevelLabels[r.professionalLevel],
  },
  { header: 'LLCT', width: 16, value: (r: Row) => politicalTheoryLabels[r.politicalTheory] },
];

export async function exportMembers({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: MemberListQuery;
}): Promise<{ content: Buffer; fileName: string; rows: number; capped: boolean }> {
  // One more than the cap tells whether the list was cut.
  const source = await listMembersForExport({ db, actor, query, cap: EXPORT_CAP + 1 });
  const rows: Row[] = [];
  for await (const item of source) rows.push({ ...item, n: rows.length + 1 });
  const capped = rows.length > EXPORT_CAP;
  if (capped) rows.length = EXPORT_CAP;
  const unit = query.unitId !== undefined ? await findUnit(db, actor, query.unitId) : undefined;
  const day = today();
  const heading = [
    'DANH SÁCH ĐẢNG VIÊN',
    `${unit ? `Tổ chức đảng: ${unit.name}${query.subtree ? ' (gồm cả tổ chức trực thuộc)' : ''}. ` : ''}Xuất ngày ${formatDate(day)} từ CanBo.`,
    capped
      ? `Danh sách có hơn ${formatNumber(EXPORT_CAP)} đảng viên: tệp chỉ gồm ${formatNumber(EXPORT_CAP)} người đầu tiên theo thứ tự tên; hãy lọc hẹp hơn để xuất phần còn lại.`
      : `Tổng số: ${formatNumber(rows.length)} đảng viên.`,
  ];
  const content = await writeXlsx([sheet<Row>({ name: 'Đảng viên', heading, columns, rows })]);
  return {
    content,
    fileName: `Danh-sach-dang-vien-${day.split('-').reverse().join('-')}.xlsx`,
    rows: rows.length,
    capped,
  };
}
