import { expect, type Page } from '@playwright/test';

/** Signs in as the demo administrator created by the e2e server (password from the runner). */
export async function loginAsAdmin(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel('Mật khẩu').fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The landing page redirects to the root unit once the tree loads; a test that navigates
  // before that redirect lands would be sent back to the tree by it.
  await expect(page).toHaveURL(/\/units\/\d+$/);
  await expect(page.getByRole('tree')).toBeVisible();
}
