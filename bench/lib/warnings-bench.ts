/**
 * Warnings dashboard speed (issue 3: a subtree of 100,000 members answers in < 300 ms on
 * PostgreSQL). Times the dashboard use case for each kind of list on the subtree closest to
 * `targetMembers` (and the whole tree, as a reference), next to the raw SQL of its two
 * heavy reads (post holders in force with their earlier terms; the retirement birth-date
 * window) so the overhead of the rules computed in JavaScript is visible.
 *
 * Call `runWarningsBench({ label, database })` from bench/run.ts after the dataset is loaded.
 * A reused dataset loaded before appointments existed gets the demo's posts first.
 */
import { loadDemoPosts } from '../../src/cli/demo/posts.ts';
import type { WarningKind } from '../../src/contracts/enums.ts';
import type { Actor } from '../../src/core/access/actor.ts';
import type { Database } from '../../src/core/db/client.ts';
import { today } from '../../src/core/dates.ts';
import {
  holdersInForce,
  membersBornIn,
  sameSeatHistory,
} from '../../src/modules/posts/posts.repo.ts';
import { retirementBirthWindow } from '../../src/modules/posts/retirement-window.ts';
import { addMonths } from '../../src/core/dates.ts';
import { listWarnings } from '../../src/modules/posts/warnings.service.ts';
import { loadRules } from '../../src/modules/rules/registry.ts';
import { fmtMs, log, now, percentiles, type Percentiles } from './util.ts';

export interface WarningsBenchOptions {
  label: string;
  database: Database;
  /** Timed calls per case (after 2 warm-up calls). */
  runs?: number;
  targetMembers?: number;
  targetP95Ms?: number;
}

export interface WarningsCaseResult {
  name: string;
  unit: string;
  members: number;
  rows: number;
  service: Percentiles;
  raw: Percentiles;
  /** null for the whole-tree reference rows. */
  pass: boolean | null;
}

interface Subtree {
  id: number;
  path: string;
  name: string;
  members: number;
}

/** Active members per subtree, for the root and its children (communes, districts). */
async function subtrees(database: Database): Promise<Subtree[]> {
  return database.query<Subtree>(`
    select u.id, u.path, u.name,
           coalesce((select sum(s.active)::int from unit_member_stats s join units c on c.id = s.unit_id
                      where c.path like u.path || '%'), 0) as members
      from units u where u.depth <= 1 and u.status = 'active'
     order by u.depth, u.id`);
}

const readerAt = (unit: Subtree): Actor => ({
  userId: 0,
  username: 'bench_reader',
  displayName: 'Bench',
  unitId: unit.id,
  scopePath: unit.path,
  roles: ['reader'],
  permissions: [],
  memberId: null,
});

export async function runWarningsBench(o: WarningsBenchOptions) {
  const runs = o.runs ?? 20;
  const target = o.targetMembers ?? 100_000;
  const limit = o.targetP95Ms ?? 300;
  const { db } = o.database;
  const [{ n } = { n: 0 }] = await o.database.query<{ n: number }>(
    'select count(*)::int as n from appointments',
  );
  if (n === 0) {
    const t = now();
    const added = await loadDemoPosts(o.database);
    await o.database.query('analyze appointments');
    log(`  warnings: added ${added} demo appointments in ${fmtMs(now() - t)}`);
  }
  const all = await subtrees(o.database);
  const root = all[0]!;
  const near = all
    .slice(1)
    .sort((a, b) => Math.abs(a.members - target) - Math.abs(b.members - target))[0];
  const chosen = near && near.members >= target / 2 ? near : root;
  const units: { unit: Subtree; reference: boolean }[] = [{ unit: chosen, reference: false }];
  if (chosen !== root) units.push({ unit: root, reference: true });

  log(
    `\n▶ ${o.label} — warnings dashboard (target p95 < ${limit} ms for ~${target.toLocaleString('en')} members)`,
  );
  log('  case                       unit members   rows  service p50/p95     raw SQL p50/p95');
  const results: WarningsCaseResult[] = [];
  const date = today();
  const rules = await loadRules(db);
  for (const { unit, reference } of units) {
    const actor = readerAt(unit);
    for (const kind of ['term_limit', 'retirement', 'same_post', 'documents'] as WarningKind[]) {
      const query = { kind, withinMonths: 12, page: 1, pageSize: 50 };
      const service: number[] = [];
      const raw: number[] = [];
      let rows = 0;
      for (let i = 0; i < runs + 2; i++) {
        let t = now();
        const answer = await listWarnings({ db, actor, query });
        const serviceMs = now() - t;
        rows = answer.total;
        t = now();
        const holders = await holdersInForce(db, actor, unit.path, date, { membersInScope: true });
        await sameSeatHistory(db, actor, holders);
        const windows = (['male', 'female'] as const).flatMap((gender) => {
          const w = retirementBirthWindow(gender, rules, unit.path, date, addMonths(date, 12));
          return w ? [{ gender, ...w }] : [];
        });
        await membersBornIn(db, actor, unit.path, windows);
        const rawMs = now() - t;
        if (i >= 2) {
          service.push(serviceMs);
          raw.push(rawMs);
        }
      }
      const result: WarningsCaseResult = {
        name: `warnings ${kind}`,
        unit: unit.name,
        members: unit.members,
        rows,
        service: percentiles(service),
        raw: percentiles(raw),
        pass: reference ? null : percentiles(service).p95 < limit,
      };
      results.push(result);
      const mark = result.pass === null ? '  ' : result.pass ? '✓ ' : '✗ ';
      log(
        `  ${mark}${result.name.padEnd(24)} ${String(result.members).padStart(12)} ${String(rows).padStart(6)}  ${fmtMs(result.service.p50)}/${fmtMs(result.service.p95)}   ${fmtMs(result.raw.p50)}/${fmtMs(result.raw.p95)}${reference ? '  (whole tree, reference)' : ''}`,
      );
    }
  }
  return { targetP95Ms: limit, cases: results };
}
