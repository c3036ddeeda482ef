import { expect, test } from '@playwright/test';
import { loginAsAdmin } from './admin-login.ts';

/**
 * Issue 5 chain: a task registered for a cadre, approved, its outcome recorded as exceeding the
 * target; the year 2025 (opened by the demo, most people already proposed) is rated for the
 * whole city, and the cadre's rating shows the rule with the task counts it used.
 */
test('đăng ký việc, phê duyệt, đánh giá kết quả, xếp loại cả năm và thấy căn cứ xếp loại', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginAsAdmin(page);

  // The demo's 2025 period and one person already proposed by the advising body.
  const periods = await (await page.request.get('/api/evaluation/periods?year=2025')).json();
  const period = periods.items[0] as { id: number; label: string };
  expect(period.label).toBe('Năm 2025');
  const list = await (
    await page.request.get(
      `/api/evaluation/periods/${period.id}/evaluations?stage=advisory&pageSize=1`,
    )
  ).json();
  const row = list.items[0] as { id: number; name: string; memberId: number };

  // 1. Register a new and difficult task for that person.
  await page.goto('/tasks/new');
  const picker = page.getByLabel('Người đăng ký');
  await picker.click();
  await picker.fill(row.name);
  // antd renders options twice (hidden for screen readers, visible in the list): click the visible one.
  await page.locator('.ant-select-item-option').filter({ hasText: row.name }).first().click();
  await page.getByTestId('task-title').fill('Số hóa toàn bộ hồ sơ đảng viên của chi bộ');
  await page.getByTestId('task-start-year').fill('2025');
  await page.getByTestId('task-deadline').fill('30/06/2025');
  await page.getByTestId('task-deadline').press('Enter');
  await page.getByTestId('task-target-name-0').fill('Hồ sơ được số hóa');
  await page.getByTestId('task-target-value-0').fill('100');
  await page.getByTestId('task-submit').click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);

  // 2. Approve it.
  await page.getByTestId('task-approve').click();
  await expect(page.getByTestId('task-outcome-open')).toBeVisible();

  // 3. Record its outcome: done before the deadline, 250 of 100 → exceeded.
  await page.getByTestId('task-outcome-open').click();
  await page.getByTestId('task-outcome-completed').fill('01/06/2025');
  await page.getByTestId('task-outcome-completed').press('Enter');
  await page.getByTestId('task-outcome-achieved-0').fill('250');
  await page.getByTestId('task-outcome-comment').fill('Hoàn thành sớm, vượt chỉ tiêu đăng ký');
  await page.getByTestId('task-outcome-save').click();
  await expect(page.getByTestId('task-outcome-open')).toBeHidden();

  // The evaluation sees the task from the tasks module, before any rating.
  await page.goto(`/evaluation/evaluations/${row.id}`);
  await expect(page.getByText('Vượt yêu cầu: 1')).toBeVisible();
  await expect(page.getByText('Mức xếp loại dự kiến')).toBeVisible();

  // 4. Rate the year for the whole city.
  await page.goto('/evaluation');
  await page.getByRole('link', { name: 'Năm 2025' }).click();
  await expect(page).toHaveURL(new RegExp(`/evaluation/periods/${period.id}$`));
  await page.getByRole('button', { name: 'Xếp loại cả kỳ' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xếp loại', exact: true }).click();
  await expect(page.getByText(/^Đã xếp loại [\d.]+ phiếu; còn/)).toBeVisible({ timeout: 60_000 });
  await page.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
  await page.getByRole('tab', { name: 'Cơ cấu xếp loại' }).click();
  await expect(page.getByRole('cell', { name: 'Tổng cộng' })).toBeVisible();

  // 5. The person's rating, with the rule and the task counts it used.
  await page.goto(`/evaluation/evaluations/${row.id}`);
  await expect(page.getByText('Kết quả xếp loại')).toBeVisible();
  await expect(page.getByText(/^Căn cứ: .*1 nhiệm vụ: 1 vượt yêu cầu \(100%\)/)).toBeVisible();
  await expect(page.getByText(/Quy định 366-QĐ\/TW/).first()).toBeVisible();
  await expect(page.getByText('(tại thời điểm quyết định)')).toBeVisible();

  // And on the member page, the ratings over the years.
  await page.goto(`/members/${row.memberId}?tab=evaluation`);
  const tab = page.getByRole('tabpanel', { name: 'Đánh giá, xếp loại' });
  await expect(tab.getByText('Năm 2025 (Năm)')).toBeVisible();
  await expect(tab.getByText('Năm 2024 (Năm)')).toBeVisible();
  await page.screenshot({ path: '/tmp/canbo-tasks-evaluation-member.png', fullPage: true });
});

/** QĐ 366 has five criteria frameworks: before the first step the level picks another one. */
test('chọn khung tiêu chí của phiếu trước bước đánh giá đầu tiên', async ({ page }) => {
  await loginAsAdmin(page);
  const periods = await (await page.request.get('/api/evaluation/periods?year=2025')).json();
  const period = periods.items[0] as { id: number };
  const list = await (
    await page.request.get(`/api/evaluation/periods/${period.id}/evaluations?stage=none&pageSize=1`)
  ).json();
  const row = list.items[0] as { id: number };
  await page.goto(`/evaluation/evaluations/${row.id}`);
  await page.getByLabel('Khung tiêu chí').click();
  await page.getByTitle('Đảng viên không làm việc trong hệ thống chính trị').click();
  await expect(page.getByText('Đã đổi khung tiêu chí')).toBeVisible();
  const after = await (await page.request.get(`/api/evaluations/${row.id}`)).json();
  expect(after.frameworkName).toBe('Đảng viên không làm việc trong hệ thống chính trị');
  await page.screenshot({ path: '/tmp/canbo-evaluation-framework.png', fullPage: true });
});
