import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { loginAsAdmin } from './admin-login.ts';

/** A name of letters only, different on every run: "Nhập Bcdefg". */
function uniqueWord(): string {
  const digits = String(Date.now()).slice(-6);
  const letters = [...digits].map((d) => 'abcdefghik'[Number(d)]).join('');
  return `Nhập ${letters[0]!.toUpperCase()}${letters.slice(1)}`;
}

const HEAD = [
  'Họ và tên khai sinh',
  'Giới tính',
  'Ngày sinh (dd/mm/yyyy)',
  'Dân tộc',
  'Tôn giáo',
  'Ngày vào Đảng (dd/mm/yyyy)',
  'Ngày chính thức (dd/mm/yyyy)',
  'Tình trạng đảng viên',
];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n') + '\n');

test('nhập đảng viên từ tệp: thấy dòng lỗi, sửa tệp, xác nhận, rồi xuất danh sách ra Excel', async ({
  page,
}) => {
  await loginAsAdmin(page);
  // A cell of the demo data: where a demo member holds party activity.
  const sample = await (await page.request.get('/api/members?pageSize=1')).json();
  const { unitId, unitName } = sample.items[0] as { unitId: number; unitName: string };
  const word = uniqueWord();
  const first = `Trần Thị ${word}`;
  const second = `Lê Văn ${word}`;
  const rowOf = (name: string, gender: string, birth: string) => [
    name,
    gender,
    birth,
    'Kinh',
    'Không',
    '19/05/2015',
    '19/05/2016',
    'Chính thức',
  ];

  // 1. A file with one bad row (31/02 is not a date).
  await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu từ Excel' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Tổ chức đảng' }).fill(unitName);
  await page.locator('.ant-select-item-option', { hasText: unitName }).first().click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'dang-vien-loi.csv',
    mimeType: 'text/csv',
    buffer: csv([HEAD, rowOf(first, 'Nữ', '14/03/1990'), rowOf(second, 'Nam', '31/02/1990')]),
  });
  await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await expect(page.getByTestId('import-status')).toHaveText('Đã kiểm tra, chờ xác nhận');
  const problems = page.locator('.ant-card', { hasText: 'Danh sách lỗi' });
  await expect(problems.getByText('Ngày sinh (dd/mm/yyyy)')).toBeVisible();
  await expect(
    problems.getByText('"31/02/1990" không phải ngày hợp lệ', { exact: false }),
  ).toBeVisible();
  await expect(problems.getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập tất cả' })).toBeDisabled();
  await expect(page.getByText('“Nhập tất cả” chưa dùng được vì còn 1 dòng lỗi')).toBeVisible();

  // 2. The corrected file, uploaded for the same unit.
  await page.getByRole('button', { name: 'Tải lên tệp đã sửa' }).click();
  await expect(page).toHaveURL(new RegExp(`/imports\\?kind=members&unitId=${unitId}$`));
  await page.locator('input[type=file]').setInputFiles({
    name: 'dang-vien-da-sua.csv',
    mimeType: 'text/csv',
    buffer: csv([HEAD, rowOf(first, 'Nữ', '14/03/1990'), rowOf(second, 'Nam', '28/02/1990')]),
  });
  await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Đã kiểm tra, chờ xác nhận');
  await expect(page.getByText('Cả 2 dòng đều hợp lệ', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập tất cả' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Hoàn thành');
  await expect(page.getByText('Đã nhập 2 đảng viên.')).toBeVisible();

  // 3. The list of that unit now holds them; its export carries the same rows.
  await page.getByRole('link', { name: `Xem danh sách đảng viên của ${unitName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/members\\?unitId=${unitId}`));
  const search = page.getByLabel('Tìm theo họ tên (không cần dấu)');
  await search.fill(word);
  await search.press('Enter');
  await expect(page.getByRole('link', { name: first })).toBeVisible();
  await expect(page.getByRole('link', { name: second })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Xuất Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Danh-sach-dang-vien-.*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const names: string[] = [];
  ws.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
  expect(names).toEqual(expect.arrayContaining(['Họ và tên', first, second]));
  expect(String(ws.getCell('A3').value)).toContain('Tổng số: 2 đảng viên');
});
