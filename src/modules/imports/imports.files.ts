/**
 * Reading an uploaded spreadsheet: what it really is (by its bytes, not its name), then its
 * rows one at a time — exceljs's streaming reader for .xlsx, csv-parse for .csv — so a
 * 100,000-row file never sits in memory as a workbook.
 */
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
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

/** UTF-8 text of a byte stream, with characters split across chunks put back together. */
async function* decodeUtf8(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

interface ReaderInternals {
  _parseWorksheet(
    iterator: AsyncIterable<Buffer | string>,
    sheetNo: string,
  ): AsyncGenerator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
}

/**
 * exceljs's streaming reader decodes each decompressed chunk on its own, so a Vietnamese
 * letter whose bytes straddle two chunks comes out as "��" (seen on 100,000-row files). The
 * sheet and shared-string streams are decoded here instead, as one text.
 */
function utf8Safe(reader: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>) {
  const r = reader as unknown as ReaderInternals;
  const parseWorksheet = r._parseWorksheet.bind(r);
  const parseSharedStrings = r._parseSharedStrings.bind(r);
  r._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodeUtf8(iterator), sheetNo);
  r._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return parseSharedStrings(entry);
  };
  return reader;
}

async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  const reader = utf8Safe(
    new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }),
  );
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelValue[];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plain(values[i]));
      yield { row: row.number, cells };
    }
    // Only the first sheet holds data; the others are the guide and the code lists.
    return;
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
