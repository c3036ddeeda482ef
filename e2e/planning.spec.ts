import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { loginAsAdmin } from './admin-login.ts';

test('kế thừa chức danh chủ chốt: thấy chức danh chưa có người kế cận, mở quỹ quy hoạch, rà soát có đề xuất', async ({
  page,
}) => {
  await loginAsAdmin(page);
  await page.goto('/planning');
  await expect(page.getByRole('menuitem', { name: 'Quy hoạch' })).toBeVisible();
  await expect(page.getByText('Chưa có người kế cận').first()).toBeVisible();
  await expect(page.getByText('Chỉ có 1 người kế cận', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/planning-succession.png', fullPage: true });

  // The Excel export holds every key post of the scope, not just the page on screen.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Xuất Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^Quy hoạch kế thừa - .*\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const statuses: string[] = [];
  wb.getWorksheet('Kế thừa')!.eachRow((row) => statuses.push(String(row.getCell(9).value ?? '')));
  const shown = await page
    .getByText(/^\d[\d.]* chức danh$/)
    .first()
    .textContent();
  expect(statuses.filter((s) => s !== 'Tình trạng' && s !== '').length).toBe(
    Number(shown!.replace(/\D/g, '')),
  );
  expect(statuses).toContain('Chưa có người kế cận');

  // A pool with successors: how they entered (ballot counts) and the QĐ 377 limit.
  const withSuccessors = page
    .getByRole('row')
    .filter({ has: page.getByText('Đủ nguồn') })
    .first();
  await withSuccessors.locator('a[href^="/planning/pools/"]').click();
  await expect(page.getByText('Số người trong quy hoạch')).toBeVisible();
  await expect(page.getByText(/phiếu giới thiệu/).first()).toBeVisible();
  await expect(page.getByText(/Quy định 377-QĐ\/TW/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/planning-pool.png', fullPage: true });

  // The annual review of the whole city proposes removing the demo person with a reprimand.
  await page.getByRole('tab', { name: 'Rà soát hằng năm' }).click();
  await page.getByRole('button', { name: 'Bắt đầu rà soát' }).click();
  await expect(page.getByText('Đề xuất đưa ra').first()).toBeVisible();
  await expect(page.getByText(/kỷ luật/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/planning-review.png', fullPage: true });
  await page.getByRole('button', { name: 'Tiếp: bổ sung quy hoạch' }).click();
  await page.getByRole('button', { name: 'Tiếp: quyết định' }).click();
  await page.getByLabel('Số quyết định (nghị quyết) rà soát').fill('45-QĐ/TU');
  await page.getByRole('button', { name: 'Ghi nhận kết quả rà soát' }).click();
  await expect(page.getByText(/Đã ghi nhận rà soát quy hoạch/)).toBeVisible();
  await expect(page.getByText(/đưa ra [1-9]\d* người/)).toBeVisible();

  await page.getByRole('tab', { name: 'Cơ cấu quy hoạch' }).click();
  await expect(page.getByText('Ba độ tuổi', { exact: true })).toBeVisible();
  await expect(page.getByText(/Cán bộ nữ/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/planning-structure.png', fullPage: true });
});

test('hồ sơ đảng viên có thẻ Quy hoạch: chức danh, nhiệm kỳ, quyết định, dẫn đến quỹ quy hoạch', async ({
  page,
}) => {
  await loginAsAdmin(page);
  const pools = await (await page.request.get('/api/planning/pools?pageSize=50')).json();
  const pool = (pools.items as { id: number; activeCount: number }[]).find(
    (p) => p.activeCount > 0,
  )!;
  const detail = await (await page.request.get(`/api/planning/pools/${pool.id}`)).json();
  const person = (detail.entries as { memberId: number; status: string }[]).find(
    (e) => e.status === 'active',
  )!;
  await page.goto(`/members/${person.memberId}?tab=planning`);
  const tab = page.getByRole('tabpanel');
  await expect(tab.getByText('Đang trong quy hoạch').first()).toBeVisible();
  await tab.locator(`a[href="/planning/pools/${pool.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/planning/pools/${pool.id}$`));
  await expect(page.getByText('Số người trong quy hoạch')).toBeVisible();
});
