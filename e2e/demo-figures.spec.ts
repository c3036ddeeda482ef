import { expect, test } from '@playwright/test';
import { loginAsAdmin } from './admin-login.ts';

// The demo's figures as the seeds give them. Files run in name order on one worker: this one
// runs before imports.spec.ts, which adds members (joined 2015) to a demo cell and so, rightly,
// to the 2023 denominator.

/**
 * Seed 003 in the browser: the 2023 registration rate of the ward that succeeded quận Tây Hồ is
 * 94% (7,126 of 7,560 scaled to the demo), exported to Excel; the 4-good page and the overdue
 * tasks of the warnings dashboard open with their data.
 */
test('thống kê đăng ký việc mới, việc khó năm 2023 của phường Tây Hồ là 94%; 4 tốt; việc quá hạn', async ({
  page,
}) => {
  await loginAsAdmin(page);
  await page.goto('/tasks/stats');
  await expect(page.getByText('Thống kê việc mới, việc khó')).toBeVisible();
  await page.getByRole('combobox', { name: 'Tổ chức đảng' }).fill('phường Tây Hồ');
  await page
    .locator('.ant-select-item-option', { hasText: 'Đảng bộ phường Tây Hồ' })
    .first()
    .click();
  await page.getByRole('combobox', { name: 'Năm' }).click();
  await page.getByTitle('2023').click();
  await expect(page.getByText(/Đảng bộ phường Tây Hồ — năm 2023/)).toBeVisible();
  const rate = page.locator('.ant-statistic', { hasText: 'Đảng viên đăng ký' });
  await expect(rate.locator('.ant-statistic-content-value')).toHaveText(/^94(,\d)?%$/);
  const download = page.waitForEvent('download');
  await page.getByTestId('task-stats-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await page.screenshot({ path: '/tmp/canbo-task-stats.png', fullPage: true });

  await page.goto('/tasks/four-good');
  await expect(page.getByText('Chi bộ 4 tốt, Đảng viên 4 tốt')).toBeVisible();

  await page.goto('/warnings');
  await page.getByRole('tab', { name: /Việc mới, việc khó quá hạn/ }).click();
  await expect(page.getByRole('columnheader', { name: 'Việc đăng ký' })).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
});
