/**
 * Captures the SQL an endpoint runs, at the driver boundary, so the raw baseline can replay
 * exactly the same driver calls (text, parameters, row mode, type parsers) without the app.
 *
 * The app under measurement runs on the ordinary Database from src/core/db/client.ts. A second
 * "capture" app runs on a Drizzle instance over a proxy of the same driver client; the proxy
 * records every `query` call with its start and end time. Replay rebuilds the call order: a
 * statement waits for every statement that had finished before it started (so statements the
 * endpoint ran concurrently, e.g. a page and its count under Promise.all, run concurrently again).
 */
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Database, Db } from '../../src/core/db/client.ts';
import * as schema from '../../src/core/db/schema.ts';
import { now } from './util.ts';

export interface CapturedCall {
  /** Arguments of the driver's query call, as Drizzle made them. */
  args: unknown[];
  text: string;
  params: unknown[];
  start: number;
  end: number;
}

export interface Statement {
  args: unknown[];
  text: string;
  params: unknown[];
  /** Indexes of earlier statements that must finish before this one starts. */
  after: number[];
}

type QueryFn = (...args: unknown[]) => Promise<unknown>;

export class Recorder {
  private calls: CapturedCall[] | null = null;

  /** A proxy of `client` whose query calls are recorded while a capture is open. */
  wrap<T extends object>(client: T): T {
    return new Proxy(client, {
      get: (target, prop) => {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop !== 'query') return (value as QueryFn).bind(target);
        return async (...args: unknown[]) => {
          const start = now();
          try {
            return await (value as QueryFn).apply(target, args);
          } finally {
            const calls = this.calls;
            if (calls) {
              const first = args[0];
              const text =
                typeof first === 'string' ? first : String((first as { text: string }).text);
              calls.push({ args, text, params: (args[1] as unknown[]) ?? [], start, end: now() });
            }
          }
        };
      },
    });
  }

  async capture<T>(fn: () => Promise<T>): Promise<{ result: T; calls: CapturedCall[] }> {
    this.calls = [];
    try {
      const result = await fn();
      return { result, calls: this.calls };
    } finally {
      this.calls = null;
    }
  }
}

/** Turns recorded calls into a replayable plan, dropping those `skip` matches. */
export function toStatements(calls: CapturedCall[], skip: (text: string) => boolean): Statement[] {
  const kept = calls
    .filter((c) => !skip(c.text))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return kept.map((c, i) => ({
    args: c.args,
    text: c.text,
    params: c.params,
    after: kept
      .slice(0, i)
      .map((p, j) => (p.end <= c.start ? j : -1))
      .filter((j) => j >= 0),
  }));
}

/** Runs a plan with the same concurrency shape as the endpoint had. */
export async function replay(query: QueryFn, plan: Statement[]): Promise<void> {
  const done: Promise<unknown>[] = [];
  for (const s of plan) {
    const deps = s.after.map((j) => done[j]!);
    done.push(deps.length ? Promise.all(deps).then(() => query(...s.args)) : query(...s.args));
  }
  await Promise.all(done);
}

export interface CaptureSetup {
  /** A Database whose Drizzle instance records driver calls (for the capture app). */
  captureDatabase: Database;
  recorder: Recorder;
  /** The driver's query function, unwrapped, for the replay. */
  rawQuery: QueryFn;
  /** EXPLAIN support: runs a text query with params and returns rows. */
  rawRows: (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
}

export function pgCapture(base: Database, pool: pg.Pool): CaptureSetup {
  const recorder = new Recorder();
  const db = drizzlePg(recorder.wrap(pool), { schema }) as unknown as Db;
  return {
    recorder,
    captureDatabase: { ...base, db },
    rawQuery: (...args) => (pool.query as QueryFn).apply(pool, args),
    rawRows: async (text, params) => (await pool.query(text, params)).rows,
  };
}

export function pgliteCapture(base: Database, client: PGlite): CaptureSetup {
  const recorder = new Recorder();
  const db = drizzlePglite(recorder.wrap(client), { schema }) as unknown as Db;
  return {
    recorder,
    captureDatabase: { ...base, db },
    rawQuery: (...args) => (client.query as QueryFn).apply(client, args),
    rawRows: async (text, params) =>
      (await client.query<Record<string, unknown>>(text, params)).rows,
  };
}
