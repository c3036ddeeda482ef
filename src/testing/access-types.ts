import type { Db } from '../core/db/client.ts';
import type { Database } from '../core/db/client.ts';
import type { FastifyInstance } from 'fastify';
import type { MemberRow, UnitRow } from './factories.ts';

/**
 * The world the access walk builds: subtree A (the target) and subtree B (the caller's).
 * Modules add their own records of A to `ids` in `seed`, and aim samples at them.
 */
export interface AccessWorld {
  root: UnitRow;
  unitA: UnitRow;
  cellA: UnitRow;
  memberA: MemberRow;
  accountAId: number;
  unitB: UnitRow;
  cellB: UnitRow;
  memberB: MemberRow;
  /** Ids of module records by name; a name ending in "A" (ids.appointmentA) lies in subtree A. */
  ids: Record<string, number>;
}

export type AccessSample = (w: AccessWorld) => {
  url: string;
  payload?: object;
  /** Multipart or other raw bodies: sent as is with these headers. */
  headers?: Record<string, string>;
};

export interface ModuleAccess {
  /** Creates this module's records (in A, named with the marker "alpha"); returns their ids. */
  seed?: (ctx: {
    db: Db;
    database: Database;
    app: FastifyInstance;
    world: AccessWorld;
  }) => Promise<Record<string, number>>;
  /** 'METHOD /api/url/:pattern' → requests aimed at A; every route of the module needs one. */
  samples: Record<string, AccessSample[]>;
  /** Tables whose whole content must be unchanged after the walk. */
  tables?: string[];
}
