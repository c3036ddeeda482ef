import { expect, test, type Page } from '@playwright/test';
import { searchKey } from '../src/core/vietnamese/unaccent.ts';
import { loginAsAdmin } from './admin-login.ts';

const adminPassword = process.env.E2E_ADMIN_PASSWORD!;

async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

test('mật khẩu sai: hiện thông báo lỗi và vẫn ở trang đăng nhập', async ({ page }) => {
  await login(page, 'admin', 'mat-khau-khong-dung');
  await expect(page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
});

test('tìm đảng viên theo tên không dấu, sửa một trường, thấy thay đổi trong lịch sử', async ({
  page,
}) => {
  await loginAsAdmin(page);

  // A demo member whose name carries diacritics, found the way a user would type it: no marks.
  const found = await page.request.get('/api/members?q=nguyen%20thi&pageSize=1');
  const member = (await found.json()).items[0] as { id: number; fullName: string };
  expect(member.fullName).toMatch(/Nguyễn Thị/);
  await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
  const search = page.getByLabel('Tìm theo họ tên (không cần dấu)');
  await search.fill(searchKey(member.fullName));
  await search.press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  const link = page.locator(`a[href="/members/${member.id}"]`);
  await expect(link).toHaveText(member.fullName);
  await link.click();

  const residence = page.getByLabel('Nơi ở hiện nay');
  await expect(residence).toBeVisible();
  const newResidence = `Số ${Date.now() % 997} phố Thụy Khuê, phường Tây Hồ, Hà Nội`;
  await residence.fill(newResidence);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu hồ sơ')).toBeVisible();

  await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
  const history = page.getByRole('tabpanel', { name: 'Lịch sử thay đổi' });
  await expect(history.getByText(newResidence)).toBeVisible();
  await expect(history.getByText('Quản trị hệ thống (admin)').first()).toBeVisible();

  // After a reload the saved value is still there: it came from the database.
  await page.reload();
  await expect(page.getByLabel('Nơi ở hiện nay')).toHaveValue(newResidence);
});

test('cây tổ chức hiển thị số liệu toàn đảng bộ và tổ chức trực thuộc', async ({ page }) => {
  await login(page, 'admin', adminPassword);
  await expect(page.getByText('Số liệu toàn đảng bộ')).toBeVisible();
  await expect(page.getByRole('tree').getByText('Đảng bộ phường Tây Hồ')).toBeVisible();
  await page.getByRole('tree').getByText('Đảng bộ phường Tây Hồ').click();
  await expect(page).toHaveURL(/\/units\/\d+$/);
  await expect(page.getByText('Mã tổ chức')).toBeVisible();
  await expect(page.getByText('Đảng bộ xã, phường, đặc khu').first()).toBeVisible();
});

test('hai cán bộ cùng sửa một hồ sơ: người lưu sau nhận thông báo xung đột, không ghi đè', async ({
  page,
}) => {
  await loginAsAdmin(page);
  const found = await page.request.get('/api/members?q=tran&pageSize=1');
  const member = (await found.json()).items[0] as { id: number };
  await page.goto(`/members/${member.id}`);
  const residence = page.getByLabel('Nơi ở hiện nay');
  await expect(residence).toBeVisible();

  // Another officer saves first, through the API, while this form is open.
  const me = await (await page.request.get('/api/auth/me')).json();
  const current = await (await page.request.get(`/api/members/${member.id}`)).json();
  const other = await page.request.patch(`/api/members/${member.id}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { version: current.version, residence: 'Do cán bộ khác lưu trước' },
  });
  expect(other.ok()).toBe(true);

  await residence.fill('Sửa đè lên bản cũ');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText(/vừa được người khác sửa/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await expect(page.getByLabel('Nơi ở hiện nay')).toHaveValue('Do cán bộ khác lưu trước');
});

test('nhập sai: thông báo tiếng Việt nêu đúng trường, không lưu gì', async ({ page }) => {
  await loginAsAdmin(page);
  const found = await page.request.get('/api/members?pageSize=1');
  const member = (await found.json()).items[0] as { id: number; fullName: string };
  await page.goto(`/members/${member.id}`);
  const idNumber = page.getByLabel('Số CCCD/định danh');
  await expect(idNumber).toBeVisible();
  await idNumber.fill('12345');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('số CCCD/định danh gồm đúng 12 chữ số').first()).toBeVisible();
  const after = await (await page.request.get(`/api/members/${member.id}`)).json();
  expect(after.idNumber).not.toBe('12345');
});
