/**
 * Walks EVERY API route as a user of another subtree (with every role) and as an anonymous
 * caller, aiming each request at records of subtree A. Nothing of A may come back or change.
 * A route added without an entry in `samples` fails the first test, so none can slip past.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { makeMember, makeUnit, makeUser, signIn, type Client } from '../../testing/factories.ts';
import type { AccessSample, AccessWorld, ModuleAccess } from '../../testing/access-types.ts';
import { rulesAccess } from '../../modules/rules/rules.access-samples.ts';
import { postsAccess } from '../../modules/posts/posts.access-samples.ts';
import { resumeAccess } from '../../modules/resume/resume.access-samples.ts';
import { dossiersAccess } from '../../modules/dossiers/dossiers.access-samples.ts';
import { importsAccess } from '../../modules/imports/imports.access-samples.ts';
import { congressAccess } from '../../modules/congress/congress.access-samples.ts';
import { electionsAccess } from '../../modules/elections/elections.access-samples.ts';
import { documentsAccess } from '../../modules/elections/documents.access-samples.ts';
import { planningAccess } from '../../modules/planning/planning.access-samples.ts';
import { evaluationAccess } from '../../modules/evaluation/evaluation.access-samples.ts';
import { tasksAccess } from '../../modules/tasks/tasks.access-samples.ts';
import { searchKey } from '../vietnamese/index.ts';

type World = AccessWorld;
type Sample = AccessSample;
const modules: ModuleAccess[] = [
  rulesAccess,
  postsAccess,
  resumeAccess,
  dossiersAccess,
  importsAccess,
  congressAccess,
  electionsAccess,
  documentsAccess,
  planningAccess,
  evaluationAccess,
  tasksAccess,
];

const MARKER = 'alpha';
const memberBody = (unitId: number) => ({
  unitId,
  fullName: 'Lê Văn Mới',
  gender: 'male',
  birthDate: '1990-01-01',
  ethnicity: 'Kinh',
  religion: 'Không',
  status: 'full',
  joinDate: '2015-01-01',
  officialDate: '2016-01-01',
});

const coreSamples: Record<string, Sample[]> = {
  'POST /api/auth/password': [
    () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-dai' },
    }),
  ],
  'GET /api/units/children': [
    (w) => ({ url: `/api/units/children?parentId=${w.unitA.id}` }),
    () => ({ url: '/api/units/children?includeClosed=true' }),
  ],
  'GET /api/units/search': [
    () => ({ url: `/api/units/search?q=${MARKER}` }),
    () => ({ url: '/api/units/search?q=' }),
  ],
  'GET /api/units/:id': [
    (w) => ({ url: `/api/units/${w.unitA.id}` }),
    (w) => ({ url: `/api/units/${w.root.id}` }),
  ],
  'GET /api/units/:id/stats': [
    (w) => ({ url: `/api/units/${w.unitA.id}/stats` }),
    (w) => ({ url: `/api/units/${w.root.id}/stats` }),
  ],
  'POST /api/units': [
    (w) => ({
      url: '/api/units',
      payload: {
        parentId: w.unitA.id,
        type: 'grassroots_cell',
        code: 'NEW-1',
        name: 'Chi bộ mới',
        locality: '',
        validFrom: '2026-01-01',
      },
    }),
  ],
  'PATCH /api/units/:id': [
    (w) => ({
      url: `/api/units/${w.unitA.id}`,
      payload: { version: 1, effectiveDate: '2026-01-01', name: 'Đổi tên' },
    }),
  ],
  'POST /api/units/:id/move': [
    (w) => ({
      url: `/api/units/${w.unitA.id}/move`,
      payload: { version: 1, newParentId: w.unitB.id, effectiveDate: '2026-01-01' },
    }),
    (w) => ({
      url: `/api/units/${w.cellB.id}/move`,
      payload: { version: 1, newParentId: w.unitA.id, effectiveDate: '2026-01-01' },
    }),
  ],
  'POST /api/units/merge': [
    (w) => ({
      url: '/api/units/merge',
      payload: {
        sourceIds: [w.cellA.id, w.cellB.id],
        targetId: w.cellB.id,
        effectiveDate: '2026-01-01',
      },
    }),
  ],
  'POST /api/units/:id/split': [
    (w) => ({
      url: `/api/units/${w.unitA.id}/split`,
      payload: {
        version: 1,
        effectiveDate: '2026-01-01',
        closeSource: false,
        parts: [{ type: 'grassroots_cell', code: 'SPLIT-1', name: 'Chi bộ tách', locality: '' }],
      },
    }),
  ],
  'GET /api/members': [
    () => ({ url: '/api/members' }),
    () => ({ url: `/api/members?q=${MARKER}` }),
    (w) => ({ url: `/api/members?unitId=${w.unitA.id}` }),
    () => ({ url: '/api/members?archived=all&pageSize=200' }),
  ],
  'GET /api/members/:id': [(w) => ({ url: `/api/members/${w.memberA.id}` })],
  'POST /api/members': [(w) => ({ url: '/api/members', payload: memberBody(w.cellA.id) })],
  'PATCH /api/members/:id': [
    (w) => ({ url: `/api/members/${w.memberA.id}`, payload: { version: 1, residence: 'Đã sửa' } }),
  ],
  'POST /api/members/:id/archive': [
    (w) => ({ url: `/api/members/${w.memberA.id}/archive`, payload: { version: 1, reason: 'x' } }),
  ],
  'POST /api/members/:id/restore': [
    (w) => ({ url: `/api/members/${w.memberA.id}/restore`, payload: { version: 1 } }),
  ],
  'POST /api/members/:id/transfer': [
    (w) => ({
      url: `/api/members/${w.memberA.id}/transfer`,
      payload: { version: 1, toUnitId: w.cellB.id, effectiveDate: '2026-01-01' },
    }),
    (w) => ({
      url: `/api/members/${w.memberB.id}/transfer`,
      payload: { version: 1, toUnitId: w.cellA.id, effectiveDate: '2026-01-01' },
    }),
  ],
  'GET /api/me/member': [() => ({ url: '/api/me/member' })],
  'PATCH /api/me/member': [
    () => ({ url: '/api/me/member', payload: { version: 1, residence: 'Nơi mới' } }),
  ],
  'GET /api/accounts': [
    () => ({ url: '/api/accounts' }),
    () => ({ url: `/api/accounts?q=${MARKER}` }),
  ],
  'GET /api/accounts/:id': [(w) => ({ url: `/api/accounts/${w.accountAId}` })],
  'POST /api/accounts': [
    (w) => ({
      url: '/api/accounts',
      payload: {
        username: 'moi.tao',
        displayName: 'Người mới',
        password: 'mat-khau-rat-dai',
        unitId: w.unitA.id,
        roles: ['officer'],
      },
    }),
  ],
  'PATCH /api/accounts/:id': [
    (w) => ({ url: `/api/accounts/${w.accountAId}`, payload: { version: 1, active: false } }),
  ],
  'POST /api/accounts/:id/password': [
    (w) => ({
      url: `/api/accounts/${w.accountAId}/password`,
      payload: { password: 'mat-khau-bi-doi-1' },
    }),
  ],
  'POST /api/accounts/:id/unlock': [(w) => ({ url: `/api/accounts/${w.accountAId}/unlock` })],
  'GET /api/history/:entityType/:id': [
    (w) => ({ url: `/api/history/member/${w.memberA.id}` }),
    (w) => ({ url: `/api/history/unit/${w.unitA.id}` }),
    (w) => ({ url: `/api/history/user/${w.accountAId}` }),
  ],
  'GET /api/audit': [() => ({ url: '/api/audit?limit=200' })],
};
const samples: Record<string, Sample[]> = {
  ...coreSamples,
  ...Object.assign({}, ...modules.map((m) => m.samples)),
  // Last, since it ends the caller's own session (and touches nothing else).
  'POST /api/auth/logout': [() => ({ url: '/api/auth/logout' })],
};
const moduleTables = modules.flatMap((m) => m.tables ?? []);
const publicRoutes = ['GET /api/health', 'POST /api/auth/login', 'GET /api/auth/me'];

let t: TestApp;
let w: World;

async function snapshotA(): Promise<string> {
  const rows = await t.database.query(
    `select 'u' k, to_jsonb(u) - 'updated_at' j from units u where path like $1
     union all select 'm', to_jsonb(m) - 'updated_at' from members m where unit_path like $1
     union all select 'a', to_jsonb(a) - 'updated_at' - 'last_login_at' from users a join units u on u.id = a.unit_id where u.path like $1
     order by 1, 2`,
    [w.unitA.path + '%'],
  );
  const tables = [];
  for (const table of moduleTables) {
    tables.push(await t.database.query(`select to_jsonb(x) j from ${table} x order by 1`));
  }
  return JSON.stringify([rows, tables]);
}

beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Gốc', type: 'province' });
  const unitA = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Alpha',
    code: 'ALPHA',
  });
  const cellA = await makeUnit(t.db, {
    parent: unitA,
    type: 'grassroots_cell',
    name: 'Chi bộ Alpha Một',
    code: 'ALPHA-1',
  });
  const memberA = await makeMember(t.db, cellA, {
    fullName: 'Trần Thị Alpha',
    residence: 'Ngõ Alpha',
  });
  const unitB = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Beta',
    code: 'BETA',
  });
  const cellB = await makeUnit(t.db, {
    parent: unitB,
    type: 'grassroots_cell',
    name: 'Chi bộ Beta Một',
    code: 'BETA-1',
  });
  const memberB = await makeMember(t.db, cellB, { fullName: 'Phạm Văn Beta' });
  const accountA = await makeUser(t.db, unitA, { username: 'alpha.officer', roles: ['officer'] });
  await makeUser(t.db, cellA, {
    username: 'alpha.member',
    roles: ['member'],
    memberId: memberA.id,
  });
  w = { root, unitA, cellA, memberA, accountAId: accountA.id, unitB, cellB, memberB, ids: {} };
  for (const m of modules) {
    if (m.seed)
      Object.assign(w.ids, await m.seed({ db: t.db, database: t.database, app: t.app, world: w }));
  }
  // Audit rows inside A, so the audit log has something to leak.
  const a = await signIn(t.app, 'alpha.officer');
  expect(
    (await a.patch(`/api/members/${memberA.id}`, { version: 1, residence: 'Phố Alpha' }))
      .statusCode,
  ).toBe(200);
  w.memberA = { ...memberA, version: 2 };
});
afterAll(() => t.close());

describe('access: every route is scoped', () => {
  it('every API route is public by name or has a sample in this test', () => {
    const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !publicRoutes.includes(r) && !samples[r]);
    expect(missing, 'add these routes to `samples` in access.test.ts').toEqual([]);
    const publicNow = t.app.apiRoutes.filter((r) => r.public).map((r) => `${r.method} ${r.url}`);
    expect(publicNow.sort()).toEqual([...publicRoutes].sort());
  });

  it('an anonymous caller gets 401 from every non-public route', async () => {
    for (const [route, list] of Object.entries(samples)) {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      for (const sample of list) {
        const { url, payload, headers } = sample(w);
        const res = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${route} ${url}`).toBe(401);
      }
    }
  });

  for (const roles of [['admin', 'officer', 'reader'], ['member'], ['counter']] as const) {
    it(`a ${roles.join('+')} of another subtree gets nothing of A and changes nothing`, async () => {
      const user = await makeUser(t.db, w.unitB, {
        roles: [...roles],
        memberId: (roles as readonly string[]).includes('member') ? w.memberB.id : null,
      });
      const client: Client = await signIn(t.app, user.username);
      const before = await snapshotA();
      for (const [route, list] of Object.entries(samples)) {
        const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        for (const sample of list) {
          const { url, payload, headers } = sample(w);
          const res = await client.send({ method, url, headers, ...(payload ? { payload } : {}) });
          const where = `${route} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (
            url.includes(String(w.unitA.id)) ||
            url.includes(`/${w.memberA.id}`) ||
            url.includes(`/${w.accountAId}`) ||
            Object.entries(w.ids).some(([k, id]) => k.endsWith('A') && url.includes(`/${id}`))
          ) {
            if (!url.includes('?')) expect([400, 403, 404], where).toContain(res.statusCode);
          }
          // Only the caller's own things may change: their own record, their session.
          const ownRoute = ['PATCH /api/me/member', 'POST /api/auth/logout'].includes(route);
          if (method !== 'GET' && !ownRoute)
            expect([200, 201], where).not.toContain(res.statusCode);
          expect(searchKey(res.body), where).not.toContain(MARKER);
        }
      }
      expect(await snapshotA()).toBe(before);
    });
  }
});
