/**
 * The xlsx templates users fill in: the data sheet (headings, an example row, dropdowns with
 * the Vietnamese labels of the code lists), a "Hướng dẫn" sheet, and the lists themselves.
 */
import ExcelJS from 'exceljs';
import { importKindLabels, type ImportKind } from '../../contracts/enums.ts';
import { importMaxFileMb } from '../../contracts/imports.ts';
import {
  columnsOf,
  dataSheetName,
  EXAMPLE_MARK,
  SEQUENCE_HEADER,
  type ColumnSpec,
} from './imports.columns.ts';
import type { MemberRuleValues } from '../members/members.rules.ts';

/** Rows of the data sheet that carry the dropdowns and formats. */
const PREPARED_ROWS = 5000;
const LISTS_SHEET = 'Danh mục';

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/** The guide's lines; the numbers are the rule registry's, with their source. */
const kindGuide = ({
  probationMonths: probation,
  minJoinAge: joinAge,
}: MemberRuleValues): Record<ImportKind, string[]> => ({
  members: [
    'Mỗi dòng là một đảng viên. Khi tải tệp lên, chọn tổ chức đảng nhận các đảng viên này (hoặc ghi mã chi bộ ở cột "Mã tổ chức đảng").',
    `Đảng viên chính thức phải có ngày vào Đảng và ngày chính thức (sau ngày vào Đảng ít nhất ${probation.value} tháng dự bị, theo ${probation.citation.document}); đảng viên dự bị để trống ngày chính thức.`,
    `Khi vào Đảng phải đủ ${joinAge.value} tuổi (${joinAge.citation.document}). Số CCCD không được trùng trong tệp hay với hồ sơ đã có.`,
  ],
  units: [
    'Mỗi dòng là một tổ chức đảng mới. Tổ chức cấp trên ghi bằng mã: một tổ chức đã có, hoặc một tổ chức ở dòng phía trên trong cùng tệp.',
    'Chi bộ không có tổ chức đảng trực thuộc (Điều lệ Đảng, Chương V). Mã tổ chức không được trùng với mã đã có.',
  ],
  appointments: [
    'Mỗi dòng là một lần giữ chức vụ của một người: người (theo số CCCD hoặc số thẻ đảng viên), chức danh, nơi giữ chức vụ (mã tổ chức), thời gian và quyết định.',
    'Người và tổ chức phải thuộc phạm vi quản lý của bạn. Chức danh ghi theo mã hoặc tên trong danh mục chức danh của hệ thống.',
  ],
});

function guideSheet(
  wb: ExcelJS.Workbook,
  kind: ImportKind,
  specs: ColumnSpec[],
  params: MemberRuleValues,
) {
  const ws = wb.addWorksheet('Hướng dẫn');
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 90;
  ws.addRow([`Hướng dẫn nhập dữ liệu: ${importKindLabels[kind]}`]).font = { bold: true, size: 14 };
  ws.addRow([]);
  const lines = [
    `Điền dữ liệu vào sheet "${dataSheetName[kind]}", mỗi dòng một bản ghi, bắt đầu từ dòng 3. Không đổi tên, không xóa dòng tiêu đề (dòng 1).`,
    `Dòng 2 là dòng ví dụ (cột ${SEQUENCE_HEADER} ghi "${EXAMPLE_MARK}"): hệ thống bỏ qua dòng này; có thể xóa đi.`,
    'Ngày ghi theo dạng dd/mm/yyyy (ví dụ 14/03/1985) hoặc nhập ngày của Excel. Các cột có danh sách thả xuống: chọn đúng một giá trị trong danh sách (sheet "Danh mục").',
    ...kindGuide(params)[kind],
    'Có thể lưu thành tệp CSV (UTF-8) với cùng dòng tiêu đề. Tệp tối đa ' +
      `${importMaxFileMb} MB. Khi tải lên, hệ thống kiểm tra từng dòng và liệt kê mọi dòng lỗi (số dòng, cột, lý do); chưa có gì được ghi cho đến khi bạn xác nhận.`,
  ];
  for (const l of lines) ws.addRow([l]).alignment = { wrapText: true, vertical: 'top' };
  for (const r of ws.getRows(3, lines.length) ?? []) ws.mergeCells(r.number, 1, r.number, 3);
  ws.addRow([]);
  const head = ws.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  head.font = { bold: true };
  for (const s of specs) {
    const how =
      s.note ??
      (s.type === 'date'
        ? 'Ngày, dạng dd/mm/yyyy'
        : s.type === 'enum'
          ? `Chọn trong danh sách: ${(s.options ?? []).length <= 10 ? (s.options ?? []).map((o) => o.label).join('; ') : 'xem sheet "Danh mục"'}`
          : s.type === 'bool'
            ? 'Có / Không'
            : 'Văn bản');
    ws.addRow([s.header, s.required ? 'Có' : '', how]).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
}

/** One column per code list, referenced by the dropdowns of the data sheet. */
function listsSheet(wb: ExcelJS.Workbook, specs: ColumnSpec[]): Map<string, string> {
  const ws = wb.addWorksheet(LISTS_SHEET);
  const ranges = new Map<string, string>();
  specs
    .filter((s) => s.type === 'enum' || s.type === 'bool')
    .forEach((s, i) => {
      const col = i + 1;
      const labels = s.type === 'bool' ? ['Có', 'Không'] : (s.options ?? []).map((o) => o.label);
      ws.getColumn(col).width = Math.max(14, Math.min(40, s.header.length + 2));
      ws.getCell(1, col).value = s.header;
      ws.getCell(1, col).font = { bold: true };
      labels.forEach((l, j) => (ws.getCell(j + 2, col).value = l));
      const letter = columnLetter(col);
      ranges.set(s.key, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${labels.length + 1}`);
    });
  return ranges;
}

export async function buildTemplate(kind: ImportKind, params: MemberRuleValues): Promise<Buffer> {
  const specs = columnsOf[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CanBo';
  wb.created = new Date();
  const ws = wb.addWorksheet(dataSheetName[kind]);
  guideSheet(wb, kind, specs, params);
  const ranges = listsSheet(wb, specs);

  const header = ws.addRow([SEQUENCE_HEADER, ...specs.map((s) => s.header)]);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 42;
  specs.forEach((s, i) => {
    if (s.required) header.getCell(i + 2).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  ws.getColumn(1).width = 7;
  const example = ws.addRow([EXAMPLE_MARK, ...specs.map((s) => s.example)]);
  example.font = { italic: true, color: { argb: 'FF808080' } };

  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  specs.forEach((s, i) => {
    const col = ws.getColumn(i + 2);
    col.width = s.width ?? Math.max(12, Math.min(30, s.header.length + 2));
    const letter = columnLetter(i + 2);
    const range = `${letter}2:${letter}${PREPARED_ROWS + 2}`;
    if (s.type === 'date') {
      col.numFmt = 'dd/mm/yyyy';
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: s.header,
        error: 'Ghi ngày theo dạng dd/mm/yyyy, ví dụ 14/03/1985.',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      });
    } else if (s.type === 'enum' || s.type === 'bool') {
      validations.add(range, {
        type: 'list',
        allowBlank: !s.required,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: s.header,
        error: 'Chọn một giá trị trong danh sách.',
        formulae: [ranges.get(s.key)!],
      });
    } else {
      // Text cells keep leading zeros (CCCD, card numbers) and are not turned into dates.
      col.numFmt = '@';
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const templateFileName = (kind: ImportKind) =>
  `Mau-nhap-${{ members: 'dang-vien', units: 'to-chuc-dang', appointments: 'chuc-vu' }[kind]}.xlsx`;
