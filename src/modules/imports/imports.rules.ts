/**
 * Pure reading and checking of spreadsheet rows: headings to columns, cells to values (dates
 * as dd/mm/yyyy text or real Excel dates, code lists by their Vietnamese labels), and the
 * file-level rules (columns, duplicates inside the file). No I/O.
 */
import type { ImportProblem } from '../../contracts/imports.ts';
import { dataCheck, deny, explain, type Citation } from '../../core/rules/verdict.ts';
import { formatNumber, parseDate, searchKey } from '../../core/vietnamese/index.ts';
import { EXAMPLE_MARK, SEQUENCE_HEADER, type ColumnSpec } from './imports.columns.ts';

/** A cell as the readers hand it over. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** Headings and list values compared without diacritics, case or punctuation. */
export const normKey = (s: string) =>
  searchKey(s)
    .replace(/[^a-z0-9/]+/g, ' ')
    .trim();

export const HEADER_ROW = 1;

export const fileRules = {
  columns: dataCheck(
    'Tệp nhập phải có đúng các cột của mẫu (tên cột như dòng tiêu đề của mẫu tải về), có đủ các cột bắt buộc',
  ),
  duplicateInFile: dataCheck('Mỗi số CCCD/định danh chỉ xuất hiện một lần trong tệp nhập'),
  duplicateInDb: dataCheck('Mỗi số CCCD/định danh chỉ thuộc một hồ sơ đảng viên'),
  fileKind: dataCheck('Chỉ nhập tệp Excel (.xlsx) hoặc CSV (UTF-8) theo mẫu của CanBo'),
  allMode: dataCheck(
    'Chọn "Nhập tất cả" chỉ khi mọi dòng đều hợp lệ; nếu không, sửa tệp hoặc chọn "Chỉ nhập các dòng hợp lệ"',
  ),
} satisfies Record<string, Citation>;

/** A problem message with the rule's source, in the users' words. */
export const cite = (message: string, citation: Citation) => explain(deny(message, [citation]));

export function cellText(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') return String(raw);
  if (typeof raw === 'boolean') return raw ? 'Có' : 'Không';
  return raw.replace(/\u00a0/g, ' ').trim();
}

export const isBlank = (raw: RawCell) => cellText(raw) === '';

// ─── Headings ───────────────────────────────────────────────────────────────────────────

export interface HeaderMatch {
  /** Field key → index of its column in the row. */
  index: Map<string, number>;
  /** Index of the STT column, if any. */
  sequence: number | null;
  problems: ImportProblem[];
}

/** Maps the heading row to the template's columns; says which are unknown, doubled or missing. */
export function matchHeaders(specs: ColumnSpec[], headings: RawCell[]): HeaderMatch {
  const byName = new Map<string, ColumnSpec>();
  for (const s of specs) {
    for (const name of [s.header, ...(s.aliases ?? [])]) byName.set(normKey(name), s);
  }
  const index = new Map<string, number>();
  let sequence: number | null = null;
  const unknown: string[] = [];
  const doubled: string[] = [];
  headings.forEach((h, i) => {
    const text = cellText(h);
    if (!text) return;
    const key = normKey(text);
    if (key === normKey(SEQUENCE_HEADER) || key === 'so tt' || key === 'stt') {
      sequence = i;
      return;
    }
    const spec = byName.get(key);
    if (!spec) unknown.push(text);
    else if (index.has(spec.key)) doubled.push(text);
    else index.set(spec.key, i);
  });
  const problems: ImportProblem[] = [];
  const at = (column: string | null, message: string) =>
    problems.push({ row: HEADER_ROW, column, message: cite(message, fileRules.columns) });
  if (index.size === 0) {
    at(
      null,
      'Không nhận ra dòng tiêu đề: dòng đầu tiên của tệp phải là tên các cột như trong mẫu tải về',
    );
    return { index, sequence, problems };
  }
  for (const u of unknown) at(u, `Cột "${u}" không có trong mẫu`);
  for (const d of doubled) at(d, `Cột "${d}" xuất hiện hai lần`);
  const missing = specs.filter((s) => s.required && !index.has(s.key)).map((s) => s.header);
  if (missing.length) at(null, `Thiếu cột bắt buộc: ${missing.join(', ')}`);
  return { index, sequence, problems };
}

/** The template's example row (STT "Ví dụ") is not data. */
export function isExampleRow(cells: RawCell[], sequence: number | null): boolean {
  return sequence !== null && normKey(cellText(cells[sequence])) === normKey(EXAMPLE_MARK);
}

// ─── Cells ──────────────────────────────────────────────────────────────────────────────

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's day number (1 = 01/01/1900) as 'yyyy-mm-dd'. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A date cell: a real Excel date, its day number, dd/mm/yyyy (also with - or .), or yyyy-mm-dd. */
export function readDate(raw: RawCell): string | null {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null;
    // Excel stores days as fractions; a value a hair before midnight is that day.
    return new Date(Math.round(raw.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
  }
  if (typeof raw === 'number') return excelSerialToIso(raw);
  const text = cellText(raw);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (vn) return parseDate(`${vn[1]}/${vn[2]}/${vn[3]}`);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return parseDate(`${iso[3]}/${iso[2]}/${iso[1]}`);
  return null;
}

/** Every accepted spelling of a list's values → code, built once per column. */
const optionIndex = new WeakMap<ColumnSpec, Map<string, string>>();

function formsOf(spec: ColumnSpec, s: string): string[] {
  // "Tỉnh Thanh Hoá", "TP. Hồ Chí Minh": compared with and without the administrative prefix.
  const k = normKey(s);
  const out = [k];
  for (const p of spec.optionPrefixes ?? []) {
    const prefix = normKey(p);
    if (k.startsWith(prefix + ' ')) out.push(k.slice(prefix.length + 1));
  }
  return out;
}

function matchOption(spec: ColumnSpec, text: string): string | undefined {
  let index = optionIndex.get(spec);
  if (!index) {
    index = new Map();
    for (const o of spec.options ?? []) {
      for (const f of formsOf(spec, o.label)) if (!index.has(f)) index.set(f, o.code);
    }
    optionIndex.set(spec, index);
  }
  // The same few values fill a column ("Nam", "Kinh"…): each spelling is worked out once.
  const known = index.get(`\u0000${text}`);
  if (known !== undefined) return known || undefined;
  let code = (spec.options ?? []).some((o) => o.code === text) ? text : undefined;
  for (const f of code === undefined ? formsOf(spec, text) : []) {
    code = index.get(f);
    if (code !== undefined) break;
  }
  if (index.size < 10_000) index.set(`\u0000${text}`, code ?? '');
  return code;
}

const yes = new Set(['co', 'x', 'yes', 'true', '1', 'dung']);
const no = new Set(['khong', 'no', 'false', '0', 'sai']);

/** Reads one cell for its column; empty cells give undefined (the form's defaults apply). */
export function readCell(spec: ColumnSpec, raw: RawCell): CellResult {
  const text = cellText(raw);
  if (!text) {
    return spec.required
      ? { ok: false, message: 'chưa nhập (cột bắt buộc)' }
      : { ok: true, value: undefined };
  }
  switch (spec.type) {
    case 'text':
      return { ok: true, value: text };
    case 'date': {
      const iso = readDate(raw);
      return iso
        ? { ok: true, value: iso }
        : {
            ok: false,
            message: `"${text}" không phải ngày hợp lệ (ghi theo dạng dd/mm/yyyy, ví dụ 14/03/1985)`,
          };
    }
    case 'enum': {
      const code = matchOption(spec, text);
      if (code !== undefined) return { ok: true, value: code };
      const labels = (spec.options ?? []).map((o) => o.label);
      return {
        ok: false,
        message:
          labels.length <= 8
            ? `"${text}" không có trong danh sách (${labels.join(', ')})`
            : `"${text}" không có trong danh sách; chọn một giá trị trong danh sách thả xuống của mẫu (sheet "Danh mục")`,
      };
    }
    case 'bool': {
      const k = normKey(text);
      if (yes.has(k)) return { ok: true, value: true };
      if (no.has(k)) return { ok: true, value: false };
      return { ok: false, message: `"${text}" không rõ; ghi "Có" hoặc "Không"` };
    }
    case 'idNumber': {
      // Excel turns 001085012345 typed into a number cell into 1085012345: the zeros come back.
      // A CCCD starts with a province code 001–096, so at most two zeros are lost: a shorter
      // number (a 9-digit CMND) is left as it is for the 12-digit rule to refuse.
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1e9 && raw < 1e12) {
        return { ok: true, value: String(raw).padStart(12, '0') };
      }
      return { ok: true, value: text.replace(/[\s.]/g, '') };
    }
  }
}

export interface RowRead {
  values: Record<string, unknown>;
  problems: ImportProblem[];
}

/** Reads every known column of a row; one problem per bad cell. */
export function readRow(
  specs: ColumnSpec[],
  match: HeaderMatch,
  cells: RawCell[],
  row: number,
): RowRead {
  const values: Record<string, unknown> = {};
  const problems: ImportProblem[] = [];
  for (const spec of specs) {
    const i = match.index.get(spec.key);
    if (i === undefined) continue;
    const r = readCell(spec, cells[i]);
    if (r.ok) {
      if (r.value !== undefined) values[spec.key] = r.value;
    } else problems.push({ row, column: spec.header, message: r.message });
  }
  return { values, problems };
}

/** The column heading a field's problem is reported under. */
export function headerOf(specs: ColumnSpec[], field: string): string | null {
  return specs.find((s) => s.key === field)?.header ?? null;
}

// ─── Duplicates ─────────────────────────────────────────────────────────────────────────

/**
 * Every row whose ID number also appears on another row of the file, with a message naming
 * the other rows (all of them are held back: which one is right is for the user to decide).
 */
export function duplicatesInFile(
  rows: { row: number; idNumber: string | null }[],
  column: string,
): ImportProblem[] {
  const byId = new Map<string, number[]>();
  for (const r of rows) {
    if (!r.idNumber) continue;
    const list = byId.get(r.idNumber);
    if (list) list.push(r.row);
    else byId.set(r.idNumber, [r.row]);
  }
  const problems: ImportProblem[] = [];
  for (const list of byId.values()) {
    if (list.length < 2) continue;
    for (const row of list) {
      const others = list.filter((o) => o !== row);
      const shown = others.slice(0, 5).map((o) => formatNumber(o));
      const more = others.length > 5 ? ` và ${formatNumber(others.length - 5)} dòng khác` : '';
      problems.push({
        row,
        column,
        message: cite(
          `trùng số CCCD/định danh với dòng ${shown.join(', ')}${more} trong tệp`,
          fileRules.duplicateInFile,
        ),
      });
    }
  }
  return problems;
}

export const takenIdNumberMessage = () =>
  cite(
    'đã có trong một hồ sơ đảng viên khác trong hệ thống; hãy kiểm tra lại số đã nhập',
    fileRules.duplicateInDb,
  );

/** Problems in the order the user reads the file: by row, file-level ones first. */
export const byRow = (a: ImportProblem, b: ImportProblem) => (a.row ?? 0) - (b.row ?? 0);
