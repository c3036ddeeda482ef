import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.ts';
import { createSession, deleteUserSessions } from '../../core/auth/sessions.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError, fieldError } from '../../core/errors.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { afterFailure, isLocked } from './auth.rules.ts';

const wrongCredentials = () =>
  new AppError(401, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');

// Verifying against a real hash when the user is unknown keeps response times alike,
// so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function login(opts: {
  db: Db;
  username: string;
  password: string;
  sessionHours: number;
  now?: Date;
}) {
  const now = opts.now ?? new Date();
  const [user] = await opts.db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      active: users.active,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.username, opts.username.trim().toLowerCase()))
    .limit(1);
  if (!user || !user.active) {
    dummyHash ??= hashPassword('canbo-dummy-password');
    await verifyPassword(await dummyHash, opts.password);
    throw wrongCredentials();
  }
  if (isLocked(user, now)) {
    const until = user.lockedUntil!;
    const time = `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`;
    throw new AppError(
      423,
      'LOCKED',
      `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${time} ngày ${formatDate(until)}.`,
    );
  }
  if (!(await verifyPassword(user.passwordHash, opts.password))) {
    const next = afterFailure(user, now);
    await opts.db
      .update(users)
      .set({ failedLogins: next.failedLogins, lockedUntil: next.lockedUntil })
      .where(eq(users.id, user.id));
    throw wrongCredentials();
  }
  await opts.db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, user.id));
  return createSession(opts.db, user.id, opts.sessionHours);
}

export async function changeOwnPassword(opts: {
  db: Db;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
}) {
  const [user] = await opts.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, opts.actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw fieldError('currentPassword', 'Mật khẩu hiện tại', 'không đúng');
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await opts.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, opts.actor.userId));
    await deleteUserSessions(tx, opts.actor.userId);
    await recordAudit(tx, opts.actor, {
      action: 'password',
      entityType: 'user',
      entityId: opts.actor.userId,
      scopePath: opts.actor.scopePath,
      summary: 'Đổi mật khẩu',
    });
  });
}
