import fs from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { loginAsAdmin } from './admin-login.ts';

const counterPassword = 'to-kiem-phieu-mat-khau-9';
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

interface Member {
  id: number;
  fullName: string;
  unitId: number;
}

/**
 * A party cell of the demo data small enough to count by hand: its congress elects a cell
 * committee of 3 from 4 nominees, and every member summoned votes.
 */
async function setUp(request: APIRequestContext) {
  const me = await (await request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const call = async (method: 'post' | 'patch', url: string, data: object = {}) => {
    const res = await request[method](url, { headers, data });
    expect(res.ok(), `${url}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  const sample = (await (await request.get('/api/members?pageSize=200')).json()).items as Member[];
  const byUnit = new Map<number, number>();
  for (const m of sample) byUnit.set(m.unitId, (byUnit.get(m.unitId) ?? 0) + 1);
  let cell: { unitId: number; members: Member[] } | null = null;
  for (const unitId of byUnit.keys()) {
    const page = await (await request.get(`/api/members?unitId=${unitId}&pageSize=50`)).json();
    if (page.total >= 6 && page.total <= 14) {
      cell = { unitId, members: page.items };
      break;
    }
  }
  expect(cell, 'a demo cell of 6–14 members').not.toBeNull();
  const congress = await call('post', '/api/congresses', {
    unitId: cell!.unitId,
    name: 'Đại hội Chi bộ thử nghiệm nhiệm kỳ 2025–2030',
    term: '2025-2030',
    kind: 'members',
    startsOn: '2025-05-10',
    endsOn: '2025-05-10',
    bodies: [{ kind: 'executive_committee', name: 'Chi ủy', seats: 3 }],
  });
  const bodyId = congress.bodies[0].id as number;
  const nominees = cell!.members.slice(0, 4);
  const nomination = await call(
    'post',
    `/api/congresses/${congress.id}/bodies/${bodyId}/nomination-steps`,
    { names: ['Hội nghị chi bộ giới thiệu'] },
  );
  const step = nomination.steps[0];
  await call('patch', `/api/nomination-steps/${step.id}`, {
    version: step.version,
    summoned: cell!.members.length,
    present: cell!.members.length,
    tallies: nominees.map((p) => ({ memberId: p.id, votes: cell!.members.length })),
  });
  for (const [i, username] of ['kiemphieu.mot', 'kiemphieu.hai'].entries()) {
    await call('post', '/api/accounts', {
      username,
      displayName: `Tổ nhập phiếu số ${i + 1}`,
      password: counterPassword,
      unitId: cell!.unitId,
      roles: ['counter'],
    });
  }
  return {
    congressId: congress.id as number,
    bodyId,
    voters: cell!.members.length,
    nominees,
  };
}

async function enterBallots(page: Page, marks: string[]) {
  for (const [i, m] of marks.entries()) {
    const input = page.getByLabel('Số thứ tự tên bị gạch');
    await input.fill(m);
    await input.press('Enter');
    await expect(page.getByTestId('last-ballot')).toContainText(`Phiếu số ${i + 1}:`);
  }
}

async function operator(page: Page, username: string, marks: string[], createBatch: boolean) {
  await login(page, username, counterPassword);
  await expect(page).toHaveURL(/\/elections\/entry/);
  await page.getByRole('link', { name: 'Nhập phiếu' }).first().click();
  if (createBatch) await page.getByRole('button', { name: 'Thêm tập phiếu' }).click();
  await page.getByRole('button', { name: 'Nhận lần nhập' }).click();
  await enterBallots(page, marks);
  await page.getByRole('button', { name: 'Xác nhận nhập xong' }).click();
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
}

test('một đại hội chi bộ: triệu tập, danh sách, hai người nhập phiếu độc lập, xử lý chênh lệch, biên bản, chuẩn y', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await browser.newPage();
  await loginAsAdmin(admin);
  const world = await setUp(admin.request);

  // Summon every member of the cell and set up the counting committee, on the congress page.
  await admin.goto(`/congresses/${world.congressId}`);
  await admin.getByRole('tab', { name: 'Đại biểu / Điểm danh' }).click();
  await admin.getByRole('button', { name: 'Triệu tập toàn bộ đảng viên' }).click();
  await expect(admin.getByText(`Đã triệu tập thêm ${world.voters} đảng viên`)).toBeVisible();
  // Everyone is at the door (the check-in screen itself is the congress module's own test).
  const csrf = (await (await admin.request.get('/api/auth/me')).json()).csrfToken as string;
  const summoned = await (
    await admin.request.get(`/api/congresses/${world.congressId}/attendees?pageSize=50`)
  ).json();
  expect(summoned.items).toHaveLength(world.voters);
  for (const a of summoned.items as { id: number }[]) {
    const res = await admin.request.post(`/api/congress-attendees/${a.id}/check-in`, {
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.ok(), await res.text()).toBe(true);
  }
  await admin.getByRole('tab', { name: 'Bầu cử' }).click();
  await admin.getByLabel('Họ và tên thành viên ban kiểm phiếu').fill('Hoàng Văn Kiểm');
  await admin.getByLabel('Chức danh trong ban').fill('Trưởng ban');
  await admin.getByLabel('Chức danh trong ban').press('Enter');
  await expect(admin.getByText('Hoàng Văn Kiểm')).toBeVisible();
  for (const username of ['kiemphieu.mot', 'kiemphieu.hai']) {
    await admin.getByLabel('Tên đăng nhập tài khoản nhập phiếu').fill(username);
    await admin.getByLabel('Tên đăng nhập tài khoản nhập phiếu').press('Enter');
    await expect(admin.getByText(username)).toBeVisible();
  }

  // The list: the four nominees, approved by the congress; round 1 with two entries.
  await admin.getByTestId(`create-election-${world.bodyId}`).click();
  await admin.getByTestId(`open-election-${world.bodyId}`).click();
  for (const n of world.nominees) await expect(admin.getByText(n.fullName).first()).toBeVisible();
  await admin.getByLabel('Số đồng ý thông qua danh sách').fill(String(world.voters));
  await admin.getByLabel('Số có mặt khi biểu quyết').fill(String(world.voters));
  await admin.getByRole('button', { name: 'Thông qua và khóa danh sách' }).click();
  await expect(admin.getByText('Đại hội đã biểu quyết thông qua (đã khóa)')).toBeVisible();
  await admin.getByRole('button', { name: 'Mở vòng bầu 1' }).click();
  await expect(admin.getByRole('link', { name: 'Đối chiếu' })).toBeVisible();
  const electionUrl = admin.url();

  // Every voter strikes the 4th name, except ballot 2 which the second operator misreads.
  const marks = Array.from({ length: world.voters }, () => '4');
  const misread = [...marks];
  misread[1] = '3';
  const one = await (await browser.newContext()).newPage();
  await operator(one, 'kiemphieu.mot', marks, true);
  const two = await (await browser.newContext()).newPage();
  await operator(two, 'kiemphieu.hai', misread, false);
  await shot(two, 'congress-entry');

  // The committee sees the disagreement, reads the paper ballot again, and closes the round.
  await admin.getByRole('link', { name: 'Đối chiếu' }).click();
  await expect(admin.getByTestId('disagreement-2')).toBeVisible();
  await admin.getByTestId('choose-2-copy-1').click();
  await expect(admin.getByTestId('disagreement-2')).toContainText('Đã xử lý');
  await admin.getByLabel('Số phiếu phát ra').fill(String(world.voters));
  await admin.getByLabel('Số phiếu thu vào').fill(String(world.voters));
  await admin.getByRole('button', { name: 'Ghi số phiếu' }).click();
  await expect(admin.getByText('khớp').first()).toBeVisible();
  await admin.getByRole('button', { name: 'Kết thúc vòng bầu và khóa kết quả' }).click();
  await admin.getByRole('button', { name: 'Kết thúc và khóa' }).click();
  await expect(admin).toHaveURL(/\/results$/);
  await expect(admin.getByText('Đã kết thúc, kết quả đã khóa')).toBeVisible();
  const results = admin.getByTestId('results-table');
  for (const n of world.nominees.slice(0, 3)) await expect(results).toContainText(n.fullName);
  await expect(results).toContainText('100,00%');
  await shot(admin, 'congress-results');

  // The minutes, downloaded as a user does, say what the count found.
  const [download] = await Promise.all([
    admin.waitForEvent('download'),
    admin.getByRole('button', { name: 'Biên bản kiểm phiếu (.docx)' }).click(),
  ]);
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const text = (await zip.file('word/document.xml')!.async('string'))
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
  expect(text).toContain('BIÊN BẢN KIỂM PHIẾU');
  expect(text).toContain('Số lượng bầu: 3 đồng chí.');
  expect(text).toContain(`Tổng số đảng viên được triệu tập: ${world.voters}.`);
  expect(text).toContain(`Số đảng viên có mặt: ${world.voters}.`);
  expect(text).toContain('Số đảng viên vắng mặt: 0.');
  expect(text).toContain(`Số phiếu hợp lệ: ${world.voters}.`);
  expect(text).toContain('Hoàng Văn Kiểm');
  const elected = text.slice(text.indexOf('IV. Các đồng chí trúng cử'));
  for (const n of world.nominees.slice(0, 3)) expect(elected).toContain(n.fullName);
  expect(elected).not.toContain(world.nominees[3]!.fullName);

  // The higher level approves: the elected hold the post from that day.
  await admin.goto(electionUrl);
  await expect(admin.getByTestId('body-stats')).toContainText('Tham gia lần đầu');
  const accept = admin.getByTestId('accept-results');
  await accept.getByLabel('Số quyết định').fill('45-QĐ/ĐU');
  await accept.getByLabel('Cơ quan chuẩn y').fill('Ban Thường vụ Đảng ủy');
  await accept.getByRole('button', { name: 'Ghi chuẩn y' }).click();
  await expect(accept).toContainText('Số 45-QĐ/ĐU');
  await expect(accept).toContainText('3 đồng chí giữ chức Ủy viên Ban Chấp hành');
  await shot(admin, 'congress-accepted');
  await admin.goto(`/members/${world.nominees[0]!.id}?tab=posts`);
  const posts = admin.getByRole('tabpanel', { name: 'Chức vụ, nhiệm kỳ' });
  await expect(posts.getByText('Ủy viên Ban Chấp hành (cấp ủy viên)').first()).toBeVisible();
  await expect(posts.getByText('45-QĐ/ĐU').first()).toBeVisible();
});
