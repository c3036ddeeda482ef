/**
 * What the elections module needs from the congress module (helper B's), in one place:
 * the congress with its bodies, the threshold base, and the convening committee's nominees.
 */
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import { fieldError } from '../../core/errors.ts';
import { DATA_RULES_DOCUMENT } from '../../core/rules/verdict.ts';
import * as congress from '../congress/congress.service.ts';
import { findMember } from '../members/members.repo.ts';

export interface CongressInfo {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  term: string;
  kind: string;
  kindLabel: string;
  startDate: string | null;
  endDate: string | null;
  bodies: { id: number; name: string; kind: string; seats: number }[];
}

export interface BaseInfo {
  value: number;
  summoned: number;
  present: number;
  absent: number;
  breakdown: { label: string; count: number }[];
  citations: { rule: string; document: string }[];
}

export interface Nominee {
  memberId: number;
  fullName: string;
}

export async function congressInfo(db: Db, actor: Actor, id: number): Promise<CongressInfo> {
  return congress.congressForElections({ db, actor, id });
}

export async function thresholdBase(db: Db, actor: Actor, congressId: number): Promise<BaseInfo> {
  return congress.thresholdBaseForElections({ db, actor, congressId });
}

export async function nominees(
  db: Db,
  actor: Actor,
  congressId: number,
  bodyId: number,
): Promise<Nominee[]> {
  return congress.nomineesForElections({ db, actor, congressId, bodyId });
}

/**
 * A member chosen by record for a congress (a floor nominee, a counting committee member):
 * a member of the party organisation holding the congress, since only its delegates take
 * part. Returns the record's name, which the lists show instead of what was typed.
 */
export async function memberOfCongress(
  db: Db,
  actor: Actor,
  info: Pick<CongressInfo, 'unitPath' | 'unitName'>,
  memberId: number,
): Promise<{ fullName: string }> {
  const member = await findMember(db, actor, memberId);
  if (!member || !member.unitPath.startsWith(info.unitPath)) {
    throw fieldError(
      'memberId',
      'Đảng viên',
      `không thuộc ${info.unitName}; chỉ đảng viên của đảng bộ tổ chức đại hội mới là đại biểu (theo ${DATA_RULES_DOCUMENT})`,
    );
  }
  return { fullName: member.fullName };
}
