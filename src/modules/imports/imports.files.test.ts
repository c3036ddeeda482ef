import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
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
});
