/**
 * What the elections module needs from the congress module (helper B's), in one place:
 * the congress with its bodies, the threshold base, and the convening committee's nominees.
 */
import type { Actor } from '../../core/access/actor.ts';
import type { Db } from '../../core/db/client.ts';
import * as congress from '../congress/congress.service.ts';

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
