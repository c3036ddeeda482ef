import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../contracts/enums.ts';
import { hashPassword } from '../core/auth/passwords.ts';
import type { Db } from '../core/db/client.ts';
import { searchKey, vietnameseNameSortKey } from '../core/vietnamese/index.ts';
import { users } from '../modules/accounts/accounts.schema.ts';
import { memberUnitHistory, members } from '../modules/members/members.schema.ts';
import { units, unitVersions } from '../modules/units/units.schema.ts';

let seq = 0;
const next = () => ++seq;

export type UnitRow = typeof units.$inferSelect;

/** A unit under `parent` (or a root when parent is omitted), with its first version. */
export async function makeUnit(
  db: Db,
  overrides: Partial<typeof units.$inferInsert> & { parent?: UnitRow } = {},
): Promise<UnitRow> {
  const n = next();
  const { parent, ...rest } = overrides;
  const name = rest.name ?? `Chi bộ Thử nghiệm ${n}`;
  const code = rest.code ?? `T${n}-${Math.random().toString(36).slice(2, 7)}`;
  const [created] = await db
    .insert(units)
    .values({
      type: parent ? 'grassroots_committee' : 'province',
      locality: 'Hà Nội',
      validFrom: '2025-07-01',
      ...rest,
      name,
      code,
      searchText: searchKey(`${name} ${code}`),
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      path: '',
    })
    .returning();
  const [row] = await db
    .update(units)
    .set({ path: `${parent?.path ?? '/'}${created!.id}/` })
    .where(eq(units.id, created!.id))
    .returning();
  await db.insert(unitVersions).values({
    unitId: row!.id,
    validFrom: row!.validFrom,
    parentId: row!.parentId,
    type: row!.type,
    code: row!.code,
    name: row!.name,
    locality: row!.locality,
  });
  return row!;
}

export type MemberRow = typeof members.$inferSelect;

export async function makeMember(
  db: Db,
  unit: UnitRow,
  overrides: Partial<typeof members.$inferInsert> = {},
): Promise<MemberRow> {
  const n = next();
  const fullName = overrides.fullName ?? `Nguyễn Văn Thử ${String.fromCharCode(65 + (n % 26))}`;
  const [row] = await db
    .insert(members)
    .values({
      gender: 'male',
      birthDate: '1980-05-17',
      status: 'full',
      joinDate: '2005-03-02',
      officialDate: '2006-03-02',
      ...overrides,
      fullName,
      unitId: unit.id,
      unitPath: unit.path,
      searchText: searchKey(`${fullName} ${overrides.otherNames ?? ''}`),
      sortKey: vietnameseNameSortKey(fullName),
    })
    .returning();
  await db.insert(memberUnitHistory).values({
    memberId: row!.id,
    unitId: unit.id,
    fromDate: row!.joinDate ?? '2005-03-02',
    reason: 'joined',
  });
  return row!;
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-1';

export async function makeUser(
  db: Db,
  unit: UnitRow,
  overrides: {
    username?: string;
    roles?: Role[];
    memberId?: number | null;
    password?: string;
  } = {},
) {
  const n = next();
  const [row] = await db
    .insert(users)
    .values({
      username: overrides.username ?? `user${n}`,
      displayName: `Người dùng ${n}`,
      passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD),
      unitId: unit.id,
      roles: overrides.roles ?? ['officer'],
      memberId: overrides.memberId ?? null,
    })
    .returning();
  return row!;
}

/** A signed-in HTTP client: carries the session cookie and the CSRF header like the web app. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'canbo_session')!;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  const send = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({
      ...opts,
      headers: { ...opts.headers, cookie: `canbo_session=${cookie.value}`, 'x-csrf-token': csrf },
    });
  return {
    csrf,
    cookie: cookie.value,
    send,
    get: (url: string) => send({ method: 'GET', url }),
    post: (url: string, payload?: object) => send({ method: 'POST', url, payload: payload ?? {} }),
    patch: (url: string, payload: object) => send({ method: 'PATCH', url, payload }),
    delete: (url: string) => send({ method: 'DELETE', url }),
  };
}
export type Client = Awaited<ReturnType<typeof signIn>>;

/** A multipart/form-data body (form fields, then one file) for inject(), as a browser sends it. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: Buffer; type?: string; field?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----canbo${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\n` +
        `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
