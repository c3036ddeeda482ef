/**
 * Reading an uploaded spreadsheet: what it really is (by its bytes, not its name), then its
 * rows one at a time — exceljs's row parser over the .xlsx parts, csv-parse for .csv — so a
 * 100,000-row file never sits in memory as a workbook.
 */
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import { cite, fileRules, type RawCell } from './imports.rules.ts';

export type FileKind = 'xlsx' | 'csv';
export type Sniffed = { ok: true; kind: FileKind } | { ok: false; message: string };

export const CSV_MIME = 'text/csv';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A zip whose directory (at its end) names the parts of a workbook. Streaming writers put the
 * sheets before "[Content_Types].xml", past where the magic-number check looks.
 */
function listsWorkbook(content: Buffer): boolean {
  const tail = content.subarray(Math.max(0, content.length - 1024 * 1024));
  return tail.includes('[Content_Types].xml') && tail.includes('xl/workbook.xml');
}

/** Decides by the file's bytes whether it is an .xlsx workbook or a UTF-8 CSV text. */
export async function sniffFile(content: Buffer, fileName: string): Promise<Sniffed> {
  const refuse = (message: string): Sniffed => ({
    ok: false,
    message: cite(message, fileRules.fileKind),
  });
  if (content.length === 0) return refuse(`Tệp "${fileName}" rỗng (0 byte)`);
  const type = await fileTypeFromBuffer(content);
  if (type?.ext === 'xlsx' || (type?.ext === 'zip' && listsWorkbook(content))) {
    return { ok: true, kind: 'xlsx' };
  }
  if (type?.ext === 'cfb') {
    return refuse(
      'Tệp là định dạng Excel 97-2003 (.xls), chưa hỗ trợ; hãy mở bằng Excel và lưu lại thành .xlsx',
    );
  }
  if (type) {
    return refuse(
      `Tệp "${fileName}" là tệp ${type.ext.toUpperCase()}, không phải bảng tính Excel (.xlsx) hay CSV`,
    );
  }
  if (content.includes(0)) {
    return refuse(`Tệp "${fileName}" không phải bảng tính Excel (.xlsx) hay tệp CSV`);
  }
  try {
    strictUtf8.decode(content);
  } catch {
    return refuse(
      'Tệp CSV không ở bảng mã UTF-8; trong Excel chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)"',
    );
  }
  return { ok: true, kind: 'csv' };
}

export interface SheetRow {
  /** Row number as Excel shows it (1-based, blank rows counted). */
  row: number;
  cells: RawCell[];
}

/** The rows of the first worksheet (xlsx) or of the CSV text, blank rows included. */
export function readRows(content: Buffer, kind: FileKind): AsyncIterable<SheetRow> {
  return kind === 'xlsx' ? xlsxRows(content) : csvRows(content);
}

type ExcelValue =
  | RawCell
  | { richText: { text: string }[] }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { text: string; hyperlink: string }
  | { error: string };

function plain(v: ExcelValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v || 'formula' in v || 'sharedFormula' in v) {
    return plain((v as { result?: ExcelValue }).result ?? null);
  }
  if ('text' in v) return String(v.text);
  return null;
}

interface ReaderInternals {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ value: AsyncIterable<{ number: number; values: unknown }> }>;
}

/** A readable stream of one part of the package, as UTF-8 text (letters split across chunks kept whole). */
function partText(zip: JSZip, name: string): PassThrough | null {
  const file = zip.file(name);
  if (!file) return null;
  const text = file.nodeStream('nodebuffer').pipe(new PassThrough());
  text.setEncoding('utf8');
  return text;
}

function requiredPart(zip: JSZip, name: string): PassThrough {
  const part = partText(zip, name);
  if (!part) throw new Error(`tệp không có phần "${name}" của một bảng tính Excel`);
  return part;
}

/** The package path of the workbook's first sheet (in the workbook's order, not the zip's). */
function firstSheetPath(r: ReaderInternals): string {
  const rId = r.model?.sheets?.[0]?.rId;
  const target = r.workbookRels?.find((rel) => rel.Id === rId)?.Target;
  if (!target) throw new Error('bảng tính không có trang tính nào');
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The rows of the first sheet, read with exceljs's row parser. The package is opened by its
 * directory and its parts are fed in the order the parser needs (relations, workbook, shared
 * strings, styles, then the sheet): exceljs's own pass over the zip in file order fails with
 * "reading 'sheets'" when a sheet comes after the shared strings but before the workbook part
 * (writers put the parts in any order), and it failed so now and then in CI. Parts are decoded
 * as whole UTF-8 text, since exceljs decodes each chunk on its own and splits Vietnamese
 * letters that straddle two chunks.
 */
async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  const zip = await JSZip.loadAsync(content).catch(() => {
    // JSZip's own words are English and say nothing a user can act on.
    throw new Error('phần nén của tệp .xlsx bị hỏng hoặc tệp bị cắt cụt; hãy lưu lại tệp từ Excel');
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const r = reader as unknown as ReaderInternals;
  await r._parseRels(requiredPart(zip, 'xl/_rels/workbook.xml.rels'));
  await r._parseWorkbook(requiredPart(zip, 'xl/workbook.xml'));
  const sharedStrings = partText(zip, 'xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of r._parseSharedStrings(sharedStrings)) void _;
  const styles = partText(zip, 'xl/styles.xml');
  if (styles) await r._parseStyles(styles);
  const path = firstSheetPath(r);
  const sheetNo = /(\d+)\.xml$/.exec(path)?.[1] ?? '1';
  for (const { value: sheet } of r._parseWorksheet(requiredPart(zip, path), sheetNo)) {
    for await (const row of sheet) {
      const values = row.values as ExcelValue[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plain(values[i]));
      yield { row: row.number, cells };
    }
  }
}

/** Semicolons when the heading line has more of them than commas (Excel in a Vietnamese locale). */
function delimiterOf(content: Buffer): string {
  const firstLine =
    content.subarray(0, Math.min(content.length, 4096)).toString('utf8').split(/\r?\n/)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

async function* csvRows(content: Buffer): AsyncGenerator<SheetRow> {
  const parser = Readable.from([content]).pipe(
    parse({
      bom: true,
      delimiter: delimiterOf(content),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { row, cells: record };
  }
}
