import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { loginAsAdmin } from './admin-login.ts';

const counterPassword = 'kiem-phieu-mat-khau-1';
const shots = process.env.E2E_SHOTS;

async function login(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

/** A small members' congress with four nominees, set up through the API as an officer would. */
async function setUp(request: APIRequestContext) {
  const me = await (await request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const post = async (url: string, data: object = {}) => {
    const res = await request.post(url, { headers, data });
    expect(res.ok(), `${url}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  // A congress of the account's own unit; four of its members passed the nomination.
  const unitId = me.unitId as number;
  const people = (await (await request.get('/api/members?pageSize=4')).json()).items;
  const congress = await post('/api/congresses', {
    unitId,
    name: 'Đại hội thử nghiệm kiểm phiếu',
    term: '2025-2030',
    kind: 'members',
    startsOn: '2025-06-10',
    endsOn: '2025-06-11',
    bodies: [{ kind: 'executive_committee', name: 'Ban Chấp hành', seats: 3 }],
  });
  await post(`/api/congresses/${congress.id}/attendees/summon-members`);
  const bodyId = congress.bodies[0].id;
  const nomination = await post(
    `/api/congresses/${congress.id}/bodies/${bodyId}/nomination-steps`,
    {
      names: ['Hội nghị cấp ủy giới thiệu'],
    },
  );
  const step = nomination.steps[0];
  const res = await request.patch(`/api/nomination-steps/${step.id}`, {
    headers,
    data: {
      version: step.version,
      summoned: 10,
      present: 10,
      tallies: people.map((p: { id: number }) => ({ memberId: p.id, votes: 9 })),
    },
  });
  expect(res.ok(), await res.text()).toBe(true);
  await post('/api/accounts', {
    username: 'kiemphieu.e2e',
    displayName: 'Tổ kiểm phiếu số 2',
    password: counterPassword,
    unitId,
    roles: ['counter'],
  });
  await post(`/api/congresses/${congress.id}/counting-committee/counters`, {
    username: 'kiemphieu.e2e',
  });
  const election = await post(`/api/congresses/${congress.id}/elections`, { bodyId });
  return { electionId: election.id as number };
}

async function enterBallots(page: Page, marks: string[]) {
  for (const [i, m] of marks.entries()) {
    const input = page.getByLabel('Số thứ tự tên bị gạch');
    await input.fill(m);
    await input.press('Enter');
    await expect(page.getByTestId('last-ballot')).toContainText(`Phiếu số ${i + 1}:`);
  }
}

test('danh sách, nhập phiếu hai lần độc lập, xử lý chênh lệch, kết thúc vòng bầu', async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await loginAsAdmin(admin);
  const { electionId } = await setUp(admin.request);

  await admin.goto(`/elections/${electionId}`);
  await expect(admin.getByTestId('list-checks')).toContainText('Đạt');
  await admin.getByLabel('Số đồng ý thông qua danh sách').fill('10');
  await admin.getByLabel('Số có mặt khi biểu quyết').fill('10');
  await admin.getByRole('button', { name: 'Thông qua và khóa danh sách' }).click();
  await expect(admin.getByText('Đại hội đã biểu quyết thông qua (đã khóa)')).toBeVisible();
  await admin.getByRole('button', { name: 'Mở vòng bầu 1' }).click();
  await shot(admin, 'election');
  await admin.getByRole('link', { name: 'Nhập phiếu' }).click();
  await admin.getByRole('button', { name: 'Thêm tập phiếu' }).click();
  await admin.getByRole('button', { name: 'Nhận lần nhập' }).click();
  await enterBallots(admin, ['1', '2', '']);
  await expect(admin.getByTestId('last-ballot')).toContainText('KHÔNG hợp lệ');
  await shot(admin, 'entry');
  await admin.getByRole('button', { name: 'Xác nhận nhập xong' }).click();
  await admin.getByRole('button', { name: 'Xác nhận', exact: true }).click();

  // The counting account lands on its entry page and sees nothing else.
  const ctx = await browser.newContext();
  const counter = await ctx.newPage();
  await login(counter, 'kiemphieu.e2e', counterPassword);
  await expect(counter).toHaveURL(/\/elections\/entry/);
  await expect(counter.getByRole('menuitem', { name: 'Đảng viên' })).toHaveCount(0);
  await counter.getByRole('link', { name: 'Nhập phiếu' }).first().click();
  await counter.getByRole('button', { name: 'Nhận lần nhập' }).click();
  await enterBallots(counter, ['1', '3', '']);
  await counter.getByRole('button', { name: 'Xác nhận nhập xong' }).click();
  await counter.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await shot(counter, 'counter');

  await admin.getByRole('link', { name: 'Đối chiếu các lần nhập' }).click();
  await expect(admin.getByTestId('disagreement-2')).toBeVisible();
  await shot(admin, 'reconcile');
  await admin.getByTestId('choose-2-copy-1').click();
  await expect(admin.getByTestId('disagreement-2')).toContainText('Đã xử lý');
  await admin.getByLabel('Số phiếu phát ra').fill('3');
  await admin.getByLabel('Số phiếu thu vào').fill('3');
  await admin.getByRole('button', { name: 'Ghi số phiếu' }).click();
  await expect(admin.getByText('khớp').first()).toBeVisible();
  await admin.getByRole('button', { name: 'Kết thúc vòng bầu và khóa kết quả' }).click();
  await admin.getByRole('button', { name: 'Kết thúc và khóa' }).click();
  await expect(admin).toHaveURL(/\/results$/);
  await expect(admin.getByTestId('results-table')).toBeVisible();
  await expect(admin.getByText('Đã kết thúc, kết quả đã khóa')).toBeVisible();
  await shot(admin, 'results');
});
