/**
 * The list answers through one of three query strategies (small subtree read whole; name
 * matches materialised; name-order index walk). Whatever the strategy, the answer is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeMember, makeUnit, makeUser, signIn, type Client } from '../../testing/factories.ts';
import { listTuning } from './members.service.ts';

let t: TestApp;
let admin: Client;
let wardId: number;

const names = [
  'Nguyễn Thị Thu Hằng',
  'Nguyễn Văn Đức',
  'Trần Đức Anh',
  'Lê Thị Ánh',
  'Phạm Ngọc Anh',
  'Đỗ Văn Dũng',
  'Hoàng Thị Hà',
  'Nguyễn Thị Hà',
  'Vũ Đình Hải',
  'Bùi Thị Hạnh',
];

beforeAll(async () => {
  t = await createTestApp();
  const city = await makeUnit(t.db, { type: 'province' });
  const ward = await makeUnit(t.db, { parent: city, type: 'commune' });
  wardId = ward.id;
  const cells = [
    await makeUnit(t.db, { parent: ward, type: 'grassroots_cell' }),
    await makeUnit(t.db, { parent: city, type: 'grassroots_cell' }),
  ];
  for (const [i, fullName] of names.entries()) {
    await makeMember(t.db, cells[i % 2]!, {
      fullName,
      gender: i % 3 ? 'female' : 'male',
      birthDate: `19${60 + i}-03-0${(i % 9) + 1}`,
      status: i === 4 ? 'probationary' : 'full',
      residence: i % 4 === 0 ? 'Ngõ 12 Thụy Khuê, phường Tây Hồ' : 'Xã Đại Thanh',
      officialDate: i === 4 ? null : '2006-03-02',
    });
  }
  const user = await makeUser(t.db, city, { roles: ['reader'] });
  admin = await signIn(t.app, user.username);
});
afterAll(() => {
  Object.assign(listTuning, { smallScope: 20_000, useMatches: true, ...exact, useEstimates: true });
  return t.close();
});

const exact = { useEstimates: false, estimateFrom: 5_000, walkBound: 50_000 };
const strategies = {
  'small subtree read whole': { ...exact, smallScope: 1_000_000, useMatches: true },
  'name matches materialised': { ...exact, smallScope: 0, useMatches: true },
  'name-order index walk': { ...exact, smallScope: 0, useMatches: false },
};
/** Large-list paths, forced on small data; their totals are estimates, so only items compare. */
const large = { smallScope: 0, useMatches: true, useEstimates: true, estimateFrom: 0 };
const largeStrategies = {
  'bounded walk, matches found within it': { ...large, walkBound: 1_000 },
  'bounded walk too short, trigram path': { ...large, walkBound: 1 },
  'full walk': { ...large, walkBound: 0, useMatches: false },
};

const queries = () => [
  '/api/members?pageSize=200',
  '/api/members?q=nguyen%20thi',
  '/api/members?q=duc',
  '/api/members?q=ha',
  '/api/members?q=anh&gender=female',
  '/api/members?status=probationary',
  `/api/members?unitId=${wardId}`,
  `/api/members?unitId=${wardId}&q=hang`,
  '/api/members?birthFrom=1963-01-01&birthTo=1967-12-31&pageSize=2&page=2',
  '/api/members?q=khong%20co%20ai',
  '/api/members?residence=TAY%20HO',
];

describe('list strategies', () => {
  it('gives an estimated total for large result sets, exact on their last page', async () => {
    Object.assign(listTuning, { smallScope: 0, useEstimates: true, estimateFrom: 1 });
    const first = (await admin.get('/api/members?pageSize=3')).json();
    expect(first.totalIsEstimate).toBe(true);
    expect(first.items).toHaveLength(3);
    const last = (await admin.get('/api/members?pageSize=3&page=4')).json();
    expect(last).toMatchObject({ total: 10, totalIsEstimate: false });
    expect(last.items).toHaveLength(1);
    Object.assign(listTuning, exact);
  });

  it('give the same items and totals for every query', async () => {
    const answers: Record<string, string[]> = {};
    for (const [name, tuning] of Object.entries(strategies)) {
      Object.assign(listTuning, tuning);
      answers[name] = [];
      for (const url of queries()) {
        const res = await admin.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(200);
        const body = res.json<{ items: { fullName: string }[]; total: number }>();
        answers[name]!.push(
          `${url} → ${body.total}: ${body.items.map((i) => i.fullName).join(', ')}`,
        );
      }
    }
    const [first, ...rest] = Object.values(answers);
    for (const other of rest) expect(other).toEqual(first);
    const itemsOnly = (answer: string[]) => answer.map((a) => a.replace(/→ \d+:/, '→'));
    for (const [name, tuning] of Object.entries(largeStrategies)) {
      Object.assign(listTuning, tuning);
      const items: string[] = [];
      for (const url of queries()) {
        const body = (await admin.get(url)).json<{ items: { fullName: string }[] }>();
        items.push(`${url} → ${body.items.map((i) => i.fullName).join(', ')}`);
      }
      expect(items, name).toEqual(itemsOnly(first!));
    }
    Object.assign(listTuning, exact);
    // And the answer itself is right: diacritics ignored, Vietnamese order.
    expect(first![1]).toBe('/api/members?q=nguyen%20thi → 2: Nguyễn Thị Hà, Nguyễn Thị Thu Hằng');
    expect(first![2]).toBe('/api/members?q=duc → 2: Trần Đức Anh, Nguyễn Văn Đức');
    expect(first!.at(-1)).toBe(
      '/api/members?residence=TAY%20HO → 3: Phạm Ngọc Anh, Vũ Đình Hải, Nguyễn Thị Thu Hằng',
    );
  });
});
