/**
 * `npm run bench` — speed of the member list/search and subtree counts through the HTTP API,
 * against the same SQL run raw in the same run, on PostgreSQL (1M members) and PGlite (15k),
 * plus `npm start` start-up time. See bench/README.md.
 *
 *   --only postgres|pglite|startup|warnings|import|elections|evaluation|planning|tasks|congress   (comma-separated; default all)
 *   --members N        members of the database scenario(s) run (default 1,000,000 / 15,000)
 *   --grassroots N     grassroots organisations of the PostgreSQL tree (default 0.9% of members → ~20k units at 1M)
 *   --requests N       timed requests per case (default 300)
 *   --warmup N         untimed requests per case before timing (default 20)
 *   --seed N           data and input seed (default 2025)
 *   --explain          write EXPLAIN ANALYZE of every case's slowest input (failing cases always)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadDemo } from '../src/cli/demo-load.ts';
import { openPglite, openPostgres } from '../src/core/db/client.ts';
import { runMigrations } from '../src/core/db/migrate.ts';
import { runApiBench } from './lib/api-bench.ts';
import { pgCapture, pgliteCapture } from './lib/capture.ts';
import { ensureDataset } from './lib/pg-dataset.ts';
import { runElectionsBench } from './lib/elections-bench.ts';
import { runEvaluationBench } from './lib/evaluation-bench.ts';
import { runImportBench } from './lib/import-bench.ts';
import { runCongressBench } from './lib/congress-bench.ts';
import { runPlanningBench } from './lib/planning-bench.ts';
import { runTasksBench } from './lib/tasks-bench.ts';
import { runStartup } from './lib/startup.ts';
import { runWarningsBench } from './lib/warnings-bench.ts';
import { argNumber, argValue, fmtMs, log, now } from './lib/util.ts';

const benchDir = import.meta.dirname;
const repoRoot = path.resolve(benchDir, '..');
const resultsDir = path.join(benchDir, 'results');
const argv = process.argv.slice(2);

const scenarios = [
  'postgres',
  'pglite',
  'startup',
  'warnings',
  'import',
  'elections',
  'evaluation',
  'planning',
  'tasks',
  'congress',
];
const only = (argValue(argv, 'only') ?? scenarios.join(',')).split(',').map((s) => s.trim());
for (const s of only) {
  if (!scenarios.includes(s)) throw new Error(`--only: unknown "${s}"`);
}
const requests = argNumber(argv, 'requests') ?? 300;
const warmup = argNumber(argv, 'warmup') ?? 20;
const seed = argNumber(argv, 'seed') ?? 2025;
const explainAll = argv.includes('--explain');
const membersArg = argNumber(argv, 'members');

const TARGETS = {
  postgresP95Ms: 50,
  pgliteP95Ms: 100,
  maxRatio: 1.5,
  warmStartMs: 10_000,
};

async function postgresScenario() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/canbo_bench';
  const members = membersArg ?? 1_000_000;
  const grassroots = argNumber(argv, 'grassroots') ?? Math.max(70, Math.round(members * 0.009));
  const shownUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  log(
    `\n▶ PostgreSQL — ${shownUrl}, ${members.toLocaleString('en')} members, ${grassroots} grassroots`,
  );
  const dataset = await ensureDataset(url, { members, grassroots, seed });
  const database = openPostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const [version] = await database.query<{ v: string }>(
      "select current_setting('server_version') as v",
    );
    const bench = await runApiBench({
      label: 'PostgreSQL',
      database,
      capture: pgCapture(database, pool),
      requests,
      warmup,
      seed,
      targetP95Ms: TARGETS.postgresP95Ms,
      maxRatio: TARGETS.maxRatio,
      explainAll,
      plansFile: path.join(resultsDir, 'plans-postgres.txt'),
    });
    return {
      server: `PostgreSQL ${version?.v ?? '?'}`,
      dataset: { spec: { members, grassroots, seed }, ...dataset },
      targetP95Ms: TARGETS.postgresP95Ms,
      ...bench,
    };
  } finally {
    await pool.end();
    await database.close();
  }
}

async function pgliteScenario() {
  const members = membersArg ?? 15_000;
  log(`\n▶ PGlite — fresh temporary folder, ${members.toLocaleString('en')} members, default tree`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-pglite-'));
  const database = await openPglite({ dataDir });
  try {
    const t0 = now();
    await runMigrations(database);
    const tMigrated = now();
    const loaded = await loadDemo(database, { members, seed });
    const tLoaded = now();
    await database.query('vacuum analyze');
    const tDone = now();
    const load = {
      units: loaded.units,
      members: loaded.members,
      migrateMs: Math.round(tMigrated - t0),
      loadDemoMs: Math.round(tLoaded - tMigrated),
      vacuumAnalyzeMs: Math.round(tDone - tLoaded),
    };
    log(
      `  migrate ${fmtMs(load.migrateMs)}, loadDemo ${fmtMs(load.loadDemoMs)} (${loaded.units} units), vacuum analyze ${fmtMs(load.vacuumAnalyzeMs)}`,
    );
    const bench = await runApiBench({
      label: 'PGlite',
      database,
      capture: pgliteCapture(database, database.pglite!),
      requests,
      warmup,
      seed,
      targetP95Ms: TARGETS.pgliteP95Ms,
      maxRatio: TARGETS.maxRatio,
      explainAll,
      plansFile: path.join(resultsDir, 'plans-pglite.txt'),
    });
    return { dataset: { seed, ...load }, targetP95Ms: TARGETS.pgliteP95Ms, ...bench };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The warnings dashboard on a city of 100,000 members (issue 3: < 300 ms on PostgreSQL). */
async function warningsScenario() {
  const url =
    process.env.BENCH_WARNINGS_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/canbo_bench_warnings';
  const members = 100_000;
  log(`\n▶ PostgreSQL — warnings dataset, ${members.toLocaleString('en')} members`);
  const dataset = await ensureDataset(url, { members, grassroots: 900, seed });
  const database = openPostgres(url);
  try {
    return {
      dataset,
      ...(await runWarningsBench({ label: 'PostgreSQL', database, targetMembers: members })),
    };
  } finally {
    await database.close();
  }
}

/** Rating a year for 100,000 members and the statistics of ratings (issue 5: < 1 s on PostgreSQL). */
async function evaluationScenario() {
  const url =
    process.env.BENCH_EVALUATION_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/canbo_bench_evaluation';
  const members = 100_000;
  log(`\n▶ PostgreSQL — evaluation dataset, ${members.toLocaleString('en')} members`);
  const dataset = await ensureDataset(url, { members, grassroots: 900, seed });
  const database = openPostgres(url);
  try {
    return { dataset, ...(await runEvaluationBench({ database })) };
  } finally {
    await database.close();
  }
}

/** The succession view of a province of 200,000 members (issue 5: < 500 ms on PostgreSQL). */
async function planningScenario() {
  const url =
    process.env.BENCH_PLANNING_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/canbo_bench_planning';
  const members = membersArg ?? 200_000;
  const grassroots = argNumber(argv, 'grassroots') ?? 2_000;
  log(`\n▶ PostgreSQL — planning dataset, ${members.toLocaleString('en')} members`);
  const dataset = await ensureDataset(url, { members, grassroots, seed });
  const database = openPostgres(url);
  try {
    return { dataset, ...(await runPlanningBench({ database, seed })) };
  } finally {
    await database.close();
  }
}

/** Subtree statistics of tasks for a year, 100,000 members (issue 5: < 1 s on PostgreSQL). */
async function tasksScenario() {
  const url =
    process.env.BENCH_TASKS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/canbo_bench_tasks';
  const members = 100_000;
  log(`\n▶ PostgreSQL — tasks dataset, ${members.toLocaleString('en')} members`);
  const dataset = await ensureDataset(url, { members, grassroots: 900, seed });
  const database = openPostgres(url);
  try {
    return { dataset, ...(await runTasksBench({ database })) };
  } finally {
    await database.close();
  }
}

/** Check-in at the door of the largest commune-level members' congress, 60,000 members. */
async function congressScenario() {
  const url =
    process.env.BENCH_CONGRESS_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/canbo_bench_congress';
  const members = 60_000;
  log(`\n▶ PostgreSQL — congress check-in, ${members.toLocaleString('en')} members`);
  const dataset = await ensureDataset(url, { members, grassroots: 600, seed });
  const database = openPostgres(url);
  try {
    return { dataset, ...(await runCongressBench({ database, seed })) };
  } finally {
    await database.close();
  }
}

async function main() {
  const started = now();
  log(
    `CanBo bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ` +
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}; ${requests} requests per case, concurrency 1`,
  );
  const latestFile = path.join(resultsDir, 'latest.json');
  const previous: Record<string, unknown> = fs.existsSync(latestFile)
    ? (JSON.parse(fs.readFileSync(latestFile, 'utf8')) as Record<string, unknown>)
    : {};
  const out: Record<string, unknown> = {
    ...previous,
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 10) / 10),
    },
    options: { requests, warmup, seed, only },
    targets: TARGETS,
  };
  const save = () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(latestFile, JSON.stringify(out, null, 1) + '\n');
  };
  const measuredAt = () => ({ measuredAt: new Date().toISOString(), requests, warmup });
  if (only.includes('postgres')) {
    out.postgres = { ...measuredAt(), ...(await postgresScenario()) };
    save();
  }
  if (only.includes('pglite')) {
    out.pglite = { ...measuredAt(), ...(await pgliteScenario()) };
    save();
  }
  if (only.includes('warnings')) {
    out.warnings = { measuredAt: new Date().toISOString(), ...(await warningsScenario()) };
    save();
  }
  if (only.includes('import')) {
    out.import = {
      measuredAt: new Date().toISOString(),
      ...(await runImportBench({ members: membersArg ?? 100_000, seed })),
    };
    save();
  }
  if (only.includes('elections')) {
    log('\n▶ Counting a national-size round (canbo tally)');
    out.elections = {
      measuredAt: new Date().toISOString(),
      ...(await runElectionsBench({ repoRoot, seed })),
    };
    save();
  }
  if (only.includes('evaluation')) {
    out.evaluation = { measuredAt: new Date().toISOString(), ...(await evaluationScenario()) };
    save();
  }
  if (only.includes('planning')) {
    out.planning = { measuredAt: new Date().toISOString(), ...(await planningScenario()) };
    save();
  }
  if (only.includes('tasks')) {
    out.tasks = { measuredAt: new Date().toISOString(), ...(await tasksScenario()) };
    save();
  }
  if (only.includes('congress')) {
    out.congress = { measuredAt: new Date().toISOString(), ...(await congressScenario()) };
    save();
  }
  if (only.includes('startup')) {
    log('\n▶ npm start');
    out.startup = {
      measuredAt: new Date().toISOString(),
      ...(await runStartup({
        repoRoot,
        members: 12_000,
        warmRuns: 2,
        targetMs: TARGETS.warmStartMs,
      })),
    };
  }
  out.lastRunMs = Math.round(now() - started);
  save();
  log(
    `\nDone in ${fmtMs(now() - started)}; results in ${path.relative(process.cwd(), latestFile)}`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
