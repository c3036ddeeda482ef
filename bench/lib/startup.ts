/**
 * `npm start` from a fresh data folder (first start: web build check, migrations, demo load)
 * and again on the same folder (warm start), timed until GET / answers 200 with HTML.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort, log, now } from './util.ts';

export interface StartRun {
  kind: 'first' | 'warm';
  /** Spawn → first 200 text/html on GET /. */
  servedMs: number;
  /** What the server itself printed ("khởi động trong X giây"), in ms. */
  serverReportedMs: number | null;
  webBuildRan: boolean | null;
  demoLoaded: boolean;
  /** SIGTERM → process exit. */
  stopMs: number;
  lockRemoved: boolean;
}

function getRoot(port: number): Promise<{ status: number; type: string }> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: '/', agent: false, timeout: 2000 },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') }),
        );
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, type: '' }));
  });
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM to the process group we created (npm → sh → tsx → node server), then wait until every
 * process of the group is gone — npm itself exits at once, the server only after closing
 * PGlite and removing its lock. SIGKILL after 20 s.
 */
async function stopGroup(pgid: number, exited: Promise<unknown>): Promise<void> {
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGTERM');
  const deadline = now() + 20_000;
  while (groupAlive(pgid) && now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  await exited;
}

async function startOnce(
  repoRoot: string,
  dataDir: string,
  kind: StartRun['kind'],
  members: number,
  timeoutMs: number,
): Promise<StartRun> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    CANBO_DATA_DIR: dataDir,
    CANBO_ADMIN_PASSWORD: 'bench-password-123',
    CANBO_DEMO_MEMBERS: String(members),
  };
  delete env.DATABASE_URL; // the PGlite path, as on a fresh install
  const t0 = now();
  // Own process group, so the whole npm → tsx → node chain can be stopped together.
  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));

  let servedMs = -1;
  let stopMs = 0;
  try {
    while (now() - t0 < timeoutMs) {
      if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}):\n${output}`);
      const res = await getRoot(port);
      if (res.status === 200 && res.type.includes('text/html')) {
        servedMs = now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    if (servedMs < 0) throw new Error(`no page within ${timeoutMs} ms:\n${output}`);
  } finally {
    const tStop = now();
    if (child.pid) await stopGroup(child.pid, exited);
    stopMs = now() - tStop;
  }
  const reported = /khởi động trong ([\d.,]+) giây/.exec(output);
  return {
    kind,
    servedMs: Math.round(servedMs),
    serverReportedMs: reported ? Math.round(Number(reported[1]!.replace(',', '.')) * 1000) : null,
    webBuildRan: output.includes('Đang build giao diện web')
      ? true
      : output.includes('bỏ qua')
        ? false
        : null,
    demoLoaded: output.includes('Lần khởi động đầu'),
    stopMs: Math.round(stopMs),
    lockRemoved: !fs.existsSync(path.join(dataDir, 'canbo.lock')),
  };
}

export async function runStartup(opts: {
  repoRoot: string;
  members: number;
  warmRuns: number;
  targetMs: number;
}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-start-'));
  const runs: StartRun[] = [];
  try {
    const show = (r: StartRun) =>
      log(
        `  ${r.kind.padEnd(5)} start: page served in ${(r.servedMs / 1000).toFixed(1)} s` +
          ` (server says ${r.serverReportedMs === null ? '?' : (r.serverReportedMs / 1000).toFixed(1) + ' s'};` +
          ` web build ${r.webBuildRan === null ? '?' : r.webBuildRan ? 'RAN' : 'skipped'};` +
          ` demo load ${r.demoLoaded ? 'yes' : 'no'}; stop ${r.stopMs} ms, lock ${r.lockRemoved ? 'removed' : 'LEFT'})`,
      );
    runs.push(await startOnce(opts.repoRoot, dataDir, 'first', opts.members, 600_000));
    show(runs[0]!);
    for (let i = 0; i < opts.warmRuns; i++) {
      const r = await startOnce(opts.repoRoot, dataDir, 'warm', opts.members, 120_000);
      runs.push(r);
      show(r);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const warm = runs.filter((r) => r.kind === 'warm');
  const worstWarm = Math.max(...warm.map((r) => r.servedMs));
  const pass = worstWarm < opts.targetMs;
  log(
    `  warm start worst ${(worstWarm / 1000).toFixed(1)} s vs target < ${opts.targetMs / 1000} s: ${pass ? 'PASS' : 'FAIL'}`,
  );
  return { demoMembers: opts.members, runs, worstWarmMs: worstWarm, targetMs: opts.targetMs, pass };
}
