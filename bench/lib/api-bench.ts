/**
 * The API scenario shared by PostgreSQL and PGlite: bench accounts, inputs sampled from the
 * data, one capture pass (to learn each request's SQL), then HTTP and raw-SQL timings
 * interleaved request by request, at concurrency 1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { hashPassword } from '../../src/core/auth/passwords.ts';
import { loadConfig } from '../../src/core/config.ts';
import type { Database } from '../../src/core/db/client.ts';
import { searchKey } from '../../src/core/vietnamese/index.ts';
import { replay, toStatements, type CaptureSetup, type Statement } from './capture.ts';
import { HttpClient } from './http.ts';
import { log, now, percentiles, Rng, type Percentiles } from './util.ts';

export const BENCH_PASSWORD = 'bench-password-123';

export interface ApiBenchOptions {
  label: string;
  database: Database;
  capture: CaptureSetup;
  requests: number;
  warmup: number;
  seed: number;
  targetP95Ms: number;
  maxRatio: number;
  /** Write EXPLAIN ANALYZE of every case's slowest input here (failing cases always). */
  explainAll: boolean;
  plansFile: string;
}

export interface CaseResult {
  name: string;
  n: number;
  http: Percentiles;
  raw: Percentiles;
  /** p95(HTTP) / p95(raw SQL) */
  ratio: number;
  /** SQL statements per request (session lookup excluded), min–max over the inputs. */
  statements: string;
  /** Median `total` in the answers (list cases) – how many rows matched. */
  medianTotal?: number;
  errors: number;
  /** null for reference rows that have no target. */
  pass: { p95: boolean; ratio: boolean } | null;
}

interface BenchCase {
  name: string;
  description: string;
  client: 'admin' | 'officer';
  urls: string[];
  reference?: boolean;
}

interface UnitRef {
  id: number;
  path: string;
  name: string;
}

const isSessionLookup = (text: string) => /from "sessions"/i.test(text);

async function upsertUser(database: Database, username: string, unitId: number, roles: string[]) {
  const hash = await hashPassword(BENCH_PASSWORD);
  await database.query(
    `insert into users (username, display_name, password_hash, unit_id, roles)
     values ($1, $2, $3, $4, $5::text[])
     on conflict (username) do update set
       display_name = excluded.display_name, password_hash = excluded.password_hash,
       unit_id = excluded.unit_id, roles = excluded.roles, active = true,
       failed_logins = 0, locked_until = null`,
    [username, `Bench ${username}`, hash, unitId, `{${roles.join(',')}}`],
  );
}

/** "nguyen thi thu hang", "thi thu", "thu hang", "nguyen thi thu"… */
function nameQuery(rng: Rng, fullName: string): string {
  const words = searchKey(fullName).split(' ').filter(Boolean);
  if (words.length <= 2 || rng.next() < 0.34) return words.join(' ');
  const len = Math.min(words.length - 1, rng.int(2, 3));
  const start = rng.int(0, words.length - len);
  return words.slice(start, start + len).join(' ');
}

async function sampleCases(database: Database, rng: Rng, n: number) {
  const [root] = await database.query<UnitRef>(
    `select id, path, name from units where parent_id is null and status = 'active' order by id limit 1`,
  );
  if (!root) throw new Error('no root unit');
  // Communes with the size of their subtree, to bind the officer to a typical one.
  const communes = await database.query<UnitRef & { members: number }>(
    `select u.id, u.path, u.name,
            (select coalesce(sum(s.active), 0)::int from units d
               join unit_member_stats s on s.unit_id = d.id
              where d.path like u.path || '%') as members
       from units u where u.type = 'commune' and u.status = 'active' order by u.id`,
  );
  if (!communes.length) throw new Error('no commune-level units');
  const bySize = [...communes].sort((a, b) => a.members - b.members || a.id - b.id);
  const officerUnit = bySize[Math.floor(bySize.length / 2)]!;
  const officerUnits = await database.query<{ id: number }>(
    `select id from units where path like $1 and status = 'active' order by id`,
    [officerUnit.path + '%'],
  );

  // Search inputs: random existing, non-archived members (whole city, and the officer's commune).
  const [range] = await database.query<{ lo: number; hi: number }>(
    'select min(id)::int as lo, max(id)::int as hi from members',
  );
  const ids = Array.from({ length: Math.ceil(n * 1.5) + 10 }, () => rng.int(range!.lo, range!.hi));
  const found = await database.query<{ id: number; full_name: string }>(
    'select id, full_name from members where id = any($1::int[]) and archived_at is null',
    [`{${ids.join(',')}}`],
  );
  const nameById = new Map(found.map((r) => [r.id, r.full_name]));
  const cityNames = ids.map((id) => nameById.get(id)).filter((x): x is string => !!x);
  const communeNames = (
    await database.query<{ full_name: string }>(
      'select full_name from members where unit_path like $1 and archived_at is null order by id',
      [officerUnit.path + '%'],
    )
  ).map((r) => r.full_name);
  if (cityNames.length < n || !communeNames.length) throw new Error('not enough members to sample');

  const times = <T>(f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));
  const q = (name: string) => `/api/members?q=${encodeURIComponent(nameQuery(rng, name))}`;
  const filter = () => {
    const p = new URLSearchParams({
      gender: rng.next() < 0.5 ? 'female' : 'male',
      status: 'full',
      professionalLevel: 'bachelor,master',
      birthFrom: `${rng.int(1960, 1975)}-01-01`,
      birthTo: `${rng.int(1985, 1995)}-12-31`,
      page: String(rng.int(1, 5)),
    });
    return p;
  };
  const cases: BenchCase[] = [
    {
      name: 'search.city',
      description: 'admin: q = unaccented name or 2–3 word fragment of a random member',
      client: 'admin',
      urls: times((i) => q(cityNames[i]!)),
    },
    {
      name: 'search.commune',
      description: 'commune officer: q = name/fragment of a member of that commune',
      client: 'officer',
      urls: times(() => q(rng.pick(communeNames))),
    },
    {
      name: 'filter.city',
      description: 'admin: gender+status+professionalLevel(2)+birth range, page 1–5',
      client: 'admin',
      urls: times(() => `/api/members?${filter().toString()}`),
    },
    {
      name: 'filter.unit',
      description: 'admin: same filters + unitId=<random commune> (subtree)',
      client: 'admin',
      urls: times(() => {
        const p = filter();
        p.set('unitId', String(rng.pick(communes).id));
        return `/api/members?${p.toString()}`;
      }),
    },
    {
      name: 'filter.commune',
      description: 'commune officer: same filters within the scope',
      client: 'officer',
      urls: times(() => `/api/members?${filter().toString()}`),
    },
    {
      name: 'list.city',
      description: 'admin: first page, no filter, name order',
      client: 'admin',
      urls: times(() => '/api/members'),
    },
    {
      name: 'list.commune',
      description: 'commune officer: first page, no filter',
      client: 'officer',
      urls: times(() => '/api/members'),
    },
    {
      name: 'stats.root',
      description: 'admin: GET /api/units/<root>/stats (whole city)',
      client: 'admin',
      urls: times(() => `/api/units/${root.id}/stats`),
    },
    {
      name: 'stats.commune',
      description: 'admin: stats of a random commune',
      client: 'admin',
      urls: times(() => `/api/units/${rng.pick(communes).id}/stats`),
    },
    {
      name: 'stats.officer',
      description: 'commune officer: stats of a random unit in the commune',
      client: 'officer',
      urls: times(() => `/api/units/${rng.pick(officerUnits).id}/stats`),
    },
    {
      name: 'ref.auth-me',
      description: 'reference, no target: GET /api/auth/me (raw = the session lookup)',
      client: 'admin',
      urls: times(() => '/api/auth/me'),
      reference: true,
    },
  ];
  return { root, officerUnit, communes: communes.length, cases };
}

function printRow(r: CaseResult) {
  const p = (x: Percentiles) =>
    `${x.p50.toFixed(1).padStart(6)} ${x.p95.toFixed(1).padStart(6)} ${x.p99.toFixed(1).padStart(6)}`;
  const verdict = r.pass
    ? r.pass.p95 && r.pass.ratio
      ? 'PASS'
      : `FAIL(${[!r.pass.p95 && 'p95', !r.pass.ratio && 'ratio'].filter(Boolean).join('+')})`
    : '—';
  log(
    `  ${r.name.padEnd(15)} ${p(r.http)} │ ${p(r.raw)} │ ${r.ratio.toFixed(2).padStart(5)}× ${verdict}`,
  );
}

export function printHeader(label: string, target: number, maxRatio: number) {
  log(`\n  ${label}: targets p95 < ${target} ms and p95(HTTP)/p95(raw) ≤ ${maxRatio}×`);
  log(`  ${'case'.padEnd(15)}   HTTP p50    p95    p99 │  raw p50    p95    p99 │ ratio`);
}

export async function runApiBench(o: ApiBenchOptions) {
  const rng = new Rng(o.seed);
  const { root, officerUnit, communes, cases } = await sampleCases(o.database, rng, o.requests);
  await upsertUser(o.database, 'bench_admin', root.id, ['admin']);
  await upsertUser(o.database, 'bench_officer', officerUnit.id, ['officer']);
  log(
    `  accounts: bench_admin → ${root.name}; bench_officer → ${officerUnit.name} (of ${communes} communes)`,
  );

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-cfg-'));
  const config = loadConfig({ CANBO_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app: FastifyInstance = await buildApp({ database: o.database, config });
  const captureApp: FastifyInstance = await buildApp({
    database: o.capture.captureDatabase,
    config,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  await captureApp.ready();
  const address = app.server.address() as { port: number };
  const clients = {
    admin: new HttpClient({ host: '127.0.0.1', port: address.port }),
    officer: new HttpClient({ host: '127.0.0.1', port: address.port }),
  };
  const results: CaseResult[] = [];
  const plans: string[] = [];
  try {
    await clients.admin.login('bench_admin', BENCH_PASSWORD);
    await clients.officer.login('bench_officer', BENCH_PASSWORD);

    printHeader(o.label, o.targetP95Ms, o.maxRatio);
    for (const c of cases) {
      const client = clients[c.client];
      // 1. Capture each input's SQL through the capture app (also warms caches and plans).
      const statements: Statement[][] = [];
      const totals: number[] = [];
      for (const url of c.urls) {
        const { result, calls } = await o.capture.recorder.capture(() =>
          captureApp.inject({ method: 'GET', url, headers: { cookie: client.cookie } }),
        );
        if (result.statusCode !== 200)
          throw new Error(`${c.name}: ${url} → ${result.statusCode} ${result.body.slice(0, 300)}`);
        const plan = toStatements(
          calls,
          c.reference ? (t) => !isSessionLookup(t) : isSessionLookup,
        );
        statements.push(plan);
        const body = result.json<{ total?: number }>();
        if (typeof body.total === 'number') totals.push(body.total);
      }
      // 2. Warm-up on both paths.
      for (let i = 0; i < Math.min(o.warmup, c.urls.length); i++) {
        await client.get(c.urls[i]!);
        await replay(o.capture.rawQuery, statements[i]!);
      }
      // 3. Measure, alternating which path goes first.
      const http: number[] = [];
      const raw: number[] = [];
      let errors = 0;
      const timeHttp = async (i: number) => {
        const t = now();
        const res = await client.get(c.urls[i]!);
        http.push(now() - t);
        if (res.status !== 200) errors++;
      };
      const timeRaw = async (i: number) => {
        const t = now();
        await replay(o.capture.rawQuery, statements[i]!);
        raw.push(now() - t);
      };
      const rawByInput: number[] = [];
      for (let i = 0; i < c.urls.length; i++) {
        if (i % 2 === 0) {
          await timeHttp(i);
          await timeRaw(i);
        } else {
          await timeRaw(i);
          await timeHttp(i);
        }
        rawByInput.push(raw[raw.length - 1]!);
      }
      const h = percentiles(http);
      const r = percentiles(raw);
      const counts = statements.map((s) => s.length);
      const ratio = Math.round((h.p95 / Math.max(r.p95, 0.001)) * 100) / 100;
      const sortedTotals = [...totals].sort((a, b) => a - b);
      const result: CaseResult = {
        name: c.name,
        n: c.urls.length,
        http: h,
        raw: r,
        ratio,
        statements: `${Math.min(...counts)}–${Math.max(...counts)}`.replace(/^(\d+)–\1$/, '$1'),
        ...(totals.length ? { medianTotal: sortedTotals[Math.floor(totals.length / 2)] } : {}),
        errors,
        pass: c.reference ? null : { p95: h.p95 < o.targetP95Ms, ratio: ratio <= o.maxRatio },
      };
      results.push(result);
      printRow(result);

      const failing = result.pass && !(result.pass.p95 && result.pass.ratio);
      if (o.explainAll || failing) {
        const worst = rawByInput.indexOf(Math.max(...rawByInput));
        plans.push(
          await explainPlan(o, c, worst, statements[worst]!, rawByInput[worst]!, http[worst]!),
        );
      }
    }
  } finally {
    clients.admin.close();
    clients.officer.close();
    await app.close();
    await captureApp.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (plans.length) {
    fs.mkdirSync(path.dirname(o.plansFile), { recursive: true });
    fs.writeFileSync(o.plansFile, plans.join('\n'));
    log(`  plans of slowest inputs: ${path.relative(process.cwd(), o.plansFile)}`);
  } else if (fs.existsSync(o.plansFile)) {
    fs.rmSync(o.plansFile);
  }
  return { officerUnit: officerUnit.name, cases: results };
}

async function explainPlan(
  o: ApiBenchOptions,
  c: BenchCase,
  index: number,
  plan: Statement[],
  rawMs: number,
  httpMs: number,
): Promise<string> {
  const out = [
    `=== ${o.label} ${c.name}: input #${index} ${c.urls[index]} (raw ${rawMs.toFixed(1)} ms, HTTP ${httpMs.toFixed(1)} ms in the timed run)`,
  ];
  for (const s of plan) {
    out.push(`--- ${s.text}`, `--- params: ${JSON.stringify(s.params)}`);
    try {
      const rows = await o.capture.rawRows(`explain (analyze, buffers) ${s.text}`, s.params);
      out.push(...rows.map((r) => String(Object.values(r)[0])));
    } catch (err) {
      out.push(`(explain failed: ${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return out.join('\n') + '\n';
}
