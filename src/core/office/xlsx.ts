import ExcelJS from 'exceljs';

export interface XlsxColumn<Row> {
  header: string;
  width?: number;
  value: (row: Row) => string | number | Date | null | undefined;
}

export interface XlsxSheet<Row> {
  name: string;
  columns: XlsxColumn<Row>[];
  rows: Iterable<Row> | AsyncIterable<Row>;
  /** Lines above the table (title, filter, date of export). */
  heading?: string[];
}

/** A sheet whose row type is checked where it is built: `sheet<MemberRow>({ … })`. */
export type ErasedSheet = { readonly __erased: true };
export const sheet = <Row>(s: XlsxSheet<Row>): ErasedSheet => s as unknown as ErasedSheet;

/**
 * A workbook with one table per sheet: bold frozen header row, the columns the screen shows,
 * dates as real Excel dates (dd/mm/yyyy). Rows may be streamed from an async iterator.
 */
export async function writeXlsx(sheets: ErasedSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CanBo';
  workbook.created = new Date();
  for (const sheet of sheets as unknown as XlsxSheet<unknown>[]) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    const heading = sheet.heading ?? [];
    for (const line of heading) ws.addRow([line]).font = { bold: true };
    if (heading.length) ws.addRow([]);
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    sheet.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width ?? Math.max(10, Math.min(40, c.header.length + 2));
    });
    for await (const row of sheet.rows as AsyncIterable<unknown>) {
      const added = ws.addRow(sheet.columns.map((c) => c.value(row) ?? null));
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 'yyyy-mm-dd' → a UTC Date Excel shows as that calendar day. */
export const excelDate = (iso: string | null | undefined): Date | null =>
  iso ? new Date(`${iso}T00:00:00Z`) : null;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition for a Vietnamese file name (RFC 5987), with an ASCII fallback. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
