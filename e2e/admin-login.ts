import { expect, type Page } from '@playwright/test';

/** Signs in as the demo administrator created by the e2e server (password from the runner). */
export async function loginAsAdmin(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Cây tổ chức').first()).toBeVisible();
}
