/**
 * The counting committee (ban kiểm phiếu) of a congress: its members, elected by the congress
 * from people not on any election list, and the accounts allowed to enter ballots for it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { addCommitteeMemberBody, CountingCommitteeDto } from '../../contracts/elections.ts';
import {
  requireReader,
  requireWriter,
  type Actor,
  isInScope,
  hasRole,
} from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, notFound } from '../../core/errors.ts';
import { users } from '../accounts/accounts.schema.ts';
import { units } from '../units/units.schema.ts';
import { congressInfo, memberOfCongress } from './congress-link.ts';
import { isWriter } from './elections.access.ts';
import {
  congressCounters,
  countingCommitteeMembers,
  electionCandidates,
  elections,
} from './elections.schema.ts';

type Ctx = { db: Db; actor: Actor };

export async function getCountingCommittee({
  db,
  actor,
  congressId,
}: Ctx & { congressId: number }): Promise<CountingCommitteeDto> {
  requireReader(actor);
  await congressInfo(db, actor, congressId);
  const members = await db
    .select()
    .from(countingCommitteeMembers)
    .where(eq(countingCommitteeMembers.congressId, congressId))
    .orderBy(countingCommitteeMembers.sortOrder, countingCommitteeMembers.id);
  const counters = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
    })
    .from(congressCounters)
    .innerJoin(users, eq(users.id, congressCounters.userId))
    .where(eq(congressCounters.congressId, congressId))
    .orderBy(users.username);
  return {
    congressId,
    members: members.map((m) => ({
      id: m.id,
      memberId: m.memberId,
      fullName: m.fullName,
      role: m.role,
    })),
    counters,
    canWrite: isWriter(actor),
  };
}

export async function addCommitteeMember({
  db,
  actor,
  congressId,
  body,
}: Ctx & { congressId: number; body: z.output<typeof addCommitteeMemberBody> }) {
  requireWriter(actor);
  const congress = await congressInfo(db, actor, congressId);
  const fullName = body.memberId
    ? (await memberOfCongress(db, actor, congress, body.memberId)).fullName
    : body.fullName;
  await db.transaction(async (tx) => {
    // Not on any list of this congress (QĐ 190: the committee counts the votes of others).
    const onList = await tx
      .select({ id: electionCandidates.id, body: elections.bodyName })
      .from(electionCandidates)
      .innerJoin(elections, eq(elections.id, electionCandidates.electionId))
      .where(
        and(
          eq(elections.congressId, congressId),
          sql`${electionCandidates.withdrawnAt} IS NULL`,
          body.memberId
            ? eq(electionCandidates.memberId, body.memberId)
            : eq(electionCandidates.fullName, fullName),
        ),
      )
      .limit(1);
    if (onList.length) {
      throw fieldError(
        'fullName',
        'Thành viên ban kiểm phiếu',
        `${fullName} có tên trong danh sách bầu ${onList[0]!.body}; người trong danh sách bầu cử không được vào ban kiểm phiếu (theo Quy định 190-QĐ/TW)`,
      );
    }
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(countingCommitteeMembers)
      .where(eq(countingCommitteeMembers.congressId, congressId))) as [{ n: number }];
    const [row] = await tx
      .insert(countingCommitteeMembers)
      .values({
        congressId,
        memberId: body.memberId ?? null,
        fullName,
        role: body.role,
        sortOrder: n,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: congressId,
      scopePath: congress.unitPath,
      summary: `${congress.name}: thêm ${fullName} (${body.role}) vào ban kiểm phiếu`,
      after: { ...body, fullName, committeeMemberId: row!.id },
    });
  });
  return getCountingCommittee({ db, actor, congressId });
}

export async function removeCommitteeMember({
  db,
  actor,
  congressId,
  id,
}: Ctx & { congressId: number; id: number }) {
  requireWriter(actor);
  const congress = await congressInfo(db, actor, congressId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(countingCommitteeMembers)
      .where(
        and(
          eq(countingCommitteeMembers.id, id),
          eq(countingCommitteeMembers.congressId, congressId),
        ),
      )
      .returning();
    if (!row) throw notFound('Thành viên ban kiểm phiếu');
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'congress',
      entityId: congressId,
      scopePath: congress.unitPath,
      summary: `${congress.name}: bỏ ${row.fullName} khỏi ban kiểm phiếu`,
      before: { committeeMemberId: id, fullName: row.fullName, role: row.role },
    });
  });
  return getCountingCommittee({ db, actor, congressId });
}

/** Allows an account (role counter, or an officer) bound inside the congress's subtree to enter ballots. */
export async function addCounter({
  db,
  actor,
  congressId,
  username,
}: Ctx & { congressId: number; username: string }) {
  requireWriter(actor);
  const congress = await congressInfo(db, actor, congressId);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        roles: users.roles,
        path: units.path,
        displayName: users.displayName,
      })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.username, username));
    // An account outside the caller's subtree is reported as unknown.
    if (!user || !isInScope(actor, user.path)) throw notFound(`Tài khoản "${username}"`);
    // The account's scope must cover the congress, so it is bound to its unit (or one above).
    if (!congress.unitPath.startsWith(user.path)) {
      throw fieldError(
        'username',
        'Tài khoản',
        'phải gắn với tổ chức đảng tổ chức đại hội (tài khoản của tổ chức cấp dưới không nhập phiếu được)',
      );
    }
    const fake = { roles: user.roles } as Actor;
    if (!hasRole(fake, 'counter', 'officer', 'admin')) {
      throw fieldError(
        'username',
        'Tài khoản',
        'phải có vai trò "Ban kiểm phiếu" (hoặc cán bộ tổ chức)',
      );
    }
    const dup = await tx
      .select({ id: congressCounters.id })
      .from(congressCounters)
      .where(
        and(
          eq(congressCounters.congressId, congressId),
          inArray(congressCounters.userId, [user.id]),
        ),
      );
    if (dup.length)
      throw conflict(`Tài khoản "${username}" đã được giao nhập phiếu cho đại hội này.`);
    await tx.insert(congressCounters).values({ congressId, userId: user.id });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: congressId,
      scopePath: congress.unitPath,
      summary: `${congress.name}: giao tài khoản ${user.displayName} (${username}) nhập phiếu`,
      after: { userId: user.id },
    });
  });
  return getCountingCommittee({ db, actor, congressId });
}

export async function removeCounter({
  db,
  actor,
  congressId,
  userId,
}: Ctx & { congressId: number; userId: number }) {
  requireWriter(actor);
  const congress = await congressInfo(db, actor, congressId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(congressCounters)
      .where(and(eq(congressCounters.congressId, congressId), eq(congressCounters.userId, userId)))
      .returning();
    if (!row) throw notFound('Tài khoản nhập phiếu');
    const [user] = await tx
      .select({ username: users.username, displayName: users.displayName })
      .from(users)
      .where(eq(users.id, userId));
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'congress',
      entityId: congressId,
      scopePath: congress.unitPath,
      summary: `${congress.name}: thôi giao tài khoản ${user?.displayName} (${user?.username}) nhập phiếu`,
      before: { userId },
    });
  });
  return getCountingCommittee({ db, actor, congressId });
}
