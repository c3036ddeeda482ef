import fs from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { loginAsAdmin } from './admin-login.ts';

test('cảnh báo nhiệm kỳ nêu căn cứ; mở cán bộ, xem chức vụ, nghỉ hưu và tải lý lịch 2C', async ({
  page,
}) => {
  await loginAsAdmin(page);
  // The demo's leaders include long-held posts, so the term-limit list is not empty.
  const api = await (await page.request.get('/api/warnings?kind=term_limit&pageSize=1')).json();
  const row = api.items[0] as { memberId: number; fullName: string; postTitleName: string };
  expect(row, 'the demo should hold a cadre near or over a term limit').toBeTruthy();

  await page.getByRole('menuitem', { name: 'Cảnh báo' }).click();
  const table = page.locator('.ant-table');
  await expect(table.getByRole('link', { name: row.fullName }).first()).toBeVisible();
  await expect(table.getByText(/theo Quy định 65-QĐ\/TW/).first()).toBeVisible();
  await table.getByRole('link', { name: row.fullName }).first().click();

  await expect(page).toHaveURL(new RegExp(`/members/${row.memberId}`));
  await expect(page.getByText(row.postTitleName).first()).toBeVisible();
  await expect(page.getByText(/Nghỉ hưu hết ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByText(/Bộ luật Lao động 2019/).first()).toBeVisible();

  await page.getByRole('tab', { name: 'Sơ yếu lý lịch (2C)' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải .docx' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain('SƠ YẾU LÝ LỊCH');
  expect(xml).toContain(row.fullName.toUpperCase());
});

test('quy định riêng của Tây Hồ hiện trong danh mục quy định, kèm giá trị và văn bản', async ({
  page,
}) => {
  await loginAsAdmin(page);
  await page.goto('/rules');
  await page.getByPlaceholder('Tìm theo tên, mã hoặc văn bản').fill('cấp phó giữ');
  const row = page.getByRole('row', { name: /Cấp phó giữ một chức vụ không quá/ });
  await expect(row).toBeVisible();
  await row.getByRole('button').first().click();
  await expect(page.getByText(/Quận ủy Tây Hồ/).first()).toBeVisible();
  await expect(page.getByText('60 tháng').first()).toBeVisible();
});
