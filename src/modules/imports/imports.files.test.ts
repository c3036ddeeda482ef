import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readRows, sniffFile } from './imports.files.ts';

const names = ['Nguyễn Thị Thu Hằng', 'Đặng Văn Đức', 'Trần Thị Ngọc Ánh', 'Lê Quốc Việt'];

/** A big workbook as streaming writers produce it (sheet before the content types). */
async function bigWorkbook(rows: number, useSharedStrings: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings });
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(['Họ và tên khai sinh', 'Nơi ở hiện nay']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([`${names[i % 4]} ${i}`, `Số ${i} phố Thụy Khuê, phường Tây Hồ, Hà Nội`]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe('reading xlsx', () => {
  for (const shared of [false, true]) {
    it(`keeps every Vietnamese letter of a large sheet (${shared ? 'shared' : 'inline'} strings)`, async () => {
      const content = await bigWorkbook(4000, shared);
      expect(await sniffFile(content, 'lon.xlsx')).toEqual({ ok: true, kind: 'xlsx' });
      let n = 0;
      for await (const { row, cells } of readRows(content, 'xlsx')) {
        if (row === 1) continue;
        const i = row - 2;
        expect(cells[0]).toBe(`${names[i % 4]} ${i}`);
        expect(cells[1]).toBe(`Số ${i} phố Thụy Khuê, phường Tây Hồ, Hà Nội`);
        n++;
      }
      expect(n).toBe(4000);
    });
  }

  /** The same package with its parts stored in the given order (the rest after them). */
  async function reordered(content: Buffer, first: string[]): Promise<Buffer> {
    const source = await JSZip.loadAsync(content);
    const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
    const out = new JSZip();
    for (const name of [...first, ...names.filter((n) => !first.includes(n))]) {
      out.file(name, await source.file(name)!.async('nodebuffer'));
    }
    return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  async function twoSheets(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Đảng viên').addRows([['Họ và tên khai sinh'], ['Đặng Văn Đức']]);
    wb.addWorksheet('Hướng dẫn').addRows([['Hướng dẫn nhập']]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function rowsOf(content: Buffer) {
    const rows: unknown[][] = [];
    for await (const { cells } of readRows(content, 'xlsx')) rows.push(cells);
    return rows;
  }

  it('reads the first sheet whatever order the parts are stored in', async () => {
    const content = await twoSheets();
    // Shared strings and relations before the sheets, the workbook part last.
    const orders = [
      ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml'],
      ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'],
      ['xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml'],
    ];
    for (const order of orders) {
      const names = order.includes('xl/workbook.xml')
        ? order
        : [...order, 'xl/worksheets/sheet1.xml'];
      expect(await rowsOf(await reordered(content, names))).toEqual([
        ['Họ và tên khai sinh'],
        ['Đặng Văn Đức'],
      ]);
    }
  });

  it('says in Vietnamese which part of a damaged workbook is missing', async () => {
    const source = await JSZip.loadAsync(await twoSheets());
    source.remove('xl/workbook.xml');
    const content = await source.generateAsync({ type: 'nodebuffer' });
    await expect(rowsOf(content)).rejects.toThrow('tệp không có phần "xl/workbook.xml"');
  });

  it('says in Vietnamese that a cut-off workbook is damaged', async () => {
    const whole = await twoSheets();
    await expect(rowsOf(whole.subarray(0, whole.length - 200))).rejects.toThrow(
      'phần nén của tệp .xlsx bị hỏng hoặc tệp bị cắt cụt',
    );
  });
});
