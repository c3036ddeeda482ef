import { expect, test } from '@playwright/test';
import { loginAsAdmin } from './admin-login.ts';

const shots = process.env.E2E_SCREENSHOTS;

test('đại hội mẫu: đề án nhân sự 14,08% / 58,02% / 41,98%, phễu 151 → 75 → 34, điểm danh bằng mã thẻ', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loginAsAdmin(page);
  await page.goto('/congresses');
  const link = page.getByRole('link', { name: /Đại hội đại biểu .* lần thứ XVIII/ });
  await expect(link).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/congress-list.png`, fullPage: true });
  await link.click();
  await expect(page.getByText('Ban Chấp hành Đảng bộ thành phố').first()).toBeVisible();
  await expect(page.getByText('09/2025')).toBeVisible();

  await page.getByRole('tab', { name: 'Đề án nhân sự' }).click();
  const plan = page.getByRole('tabpanel', { name: 'Đề án nhân sự' });
  await expect(plan.getByText('(14,08%)')).toBeVisible();
  await expect(plan.getByText('58,02%')).toBeVisible();
  await expect(plan.getByText('41,98%')).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/congress-plan.png`, fullPage: true });

  await page.getByRole('tab', { name: 'Giới thiệu nhân sự' }).click();
  const funnel = page.getByLabel('Phễu giới thiệu nhân sự');
  await expect(funnel.getByText('151 vào → 75 qua')).toBeVisible();
  await expect(funnel.getByText('75 vào → 34 qua')).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/congress-nomination.png`, fullPage: true });

  // The door: a scanner types the card code and Enter.
  await page.getByRole('tab', { name: 'Đại biểu / Điểm danh' }).click();
  const people = page.getByRole('tabpanel', { name: 'Đại biểu / Điểm danh' });
  const id = Number(new URL(page.url()).pathname.split('/')[2]);
  const list = await page.request.get(`/api/congresses/${id}/attendees?role=delegate&pageSize=1`);
  const first = (await list.json()).items[0] as { fullName: string; cardCode: string };
  const { cardCode: code, fullName: name } = first;
  await expect(people.getByText(code)).toBeVisible();
  await people.getByRole('button', { name: 'Mở trang điểm danh' }).click();
  const box = page.getByLabel('Mã thẻ hoặc họ tên');
  await expect(box).toBeFocused();
  await expect(page.getByText(/^0 \/ \d+/)).toBeVisible();
  await box.fill(code);
  await box.press('Enter');
  await expect(page.getByText(`${name} — có mặt.`)).toBeVisible();
  await expect(page.getByText(/^1 \/ \d+/)).toBeVisible();
  await expect(box).toHaveValue('');
  await box.fill(code);
  await box.press('Enter');
  await expect(page.getByText(`${name} đã điểm danh trước đó.`)).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/congress-checkin.png`, fullPage: true });
});
