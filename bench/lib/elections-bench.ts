/**
 * A national-size counting round (issue 4): 1,600 strike-form ballots, 220 candidates, 200
 * seats. Measures
 *  - the `canbo tally` CLI as a whole process (`node --import tsx src/cli/canbo.ts tally …`),
 *    next to an empty tsx script (the floor any tsx command pays to start);
 *  - in-process: the whole command (read + parse the CSV + count) and the counting alone
 *    (`tally()` on parsed ballots), next to a minimal hand loop that only adds up struck ids
 *    (the raw floor of counting);
 *  - reconciling three independent entries of the round (`reconcileEntries`), one entry with a
 *    few disagreements, missing and duplicate serials, next to a hand loop that only compares
 *    each serial's joined ids.
 * Targets: counting < 100 ms in the CLI; reconciling three entries < 1 s.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTallyCommand } from '../../src/cli/tally.ts';
import type { StrikeBallot } from '../../src/modules/elections/ballot.rules.ts';
import { shippedElectionRules } from '../../src/modules/elections/election-rule-values.ts';
import { reconcileEntries } from '../../src/modules/elections/reconcile.rules.ts';
import { tally } from '../../src/modules/elections/tally.rules.ts';
import { fmtMs, log, now, percentiles, Rng, type Percentiles } from './util.ts';

const BALLOTS = 1_600;
const CANDIDATES = 220;
const SEATS = 200;
export const ELECTION_TARGETS = { countMs: 100, reconcileMs: 1_000 };

const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Xuân'];
const given = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hằng',
  'Hương',
  'Long',
  'Mai',
  'Sơn',
  'Thảo',
  'Tùng',
];

function dataset(seed: number) {
  const rng = new Rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng.next() * xs.length)]!;
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => ({
    id: `UV${String(i + 1).padStart(3, '0')}`,
    name: `${pick(family)} ${pick(middle)} ${pick(given)}`,
  }));
  // Popularity skews strikes toward some names, as in a real round.
  const weight = candidates.map(() => rng.next() ** 3);
  const total = weight.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weight.reduce((acc, w, i) => (cumulative[i] = acc + w / total), 0);
  const drawIndex = () => {
    const x = rng.next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballots: StrikeBallot[] = [];
  for (let b = 0; b < BALLOTS; b++) {
    // 20 struck keeps exactly 200; most strike more; ~1% strike too few (invalid).
    const strikes = rng.next() < 0.01 ? 5 : 20 + Math.floor(rng.next() * 25);
    const struck = new Set<number>();
    while (struck.size < strikes) struck.add(drawIndex());
    ballots.push({
      serial: String(b + 1),
      issued: rng.next() > 0.005,
      struck: [...struck].map((i) => candidates[i]!.id),
    });
  }
  return { candidates, ballots };
}

function repeat(runs: number, fn: () => void): Percentiles {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn();
    samples.push(now() - t);
  }
  return percentiles(samples);
}

function processRuns(runs: number, args: string[], cwd: string): Percentiles & { exit: number } {
  const samples: number[] = [];
  let exit = 0;
  for (let i = 0; i < runs; i++) {
    const t = now();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
    samples.push(now() - t);
    exit = r.status ?? -1;
    if (exit !== 0) throw new Error(`${args.join(' ')} exited ${exit}: ${r.stderr}`);
  }
  return { ...percentiles(samples), exit };
}

export async function runElectionsBench(opts: { repoRoot: string; seed: number }) {
  const { candidates, ballots } = dataset(opts.seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-elections-'));
  try {
    const cFile = path.join(dir, 'c.csv');
    const bFile = path.join(dir, 'b.csv');
    fs.writeFileSync(cFile, `id,name\n${candidates.map((c) => `${c.id},${c.name}`).join('\n')}\n`);
    fs.writeFileSync(
      bFile,
      `ballot,issued,struck\n${ballots.map((b) => `${b.serial},${b.issued ? 1 : 0},${b.struck.join(';')}`).join('\n')}\n`,
    );
    const base = BALLOTS + 20;
    const cliArgs = [
      '--candidates',
      cFile,
      '--ballots',
      bFile,
      '--seats',
      String(SEATS),
      '--base',
      String(base),
      '--json',
    ];
    const rules = shippedElectionRules('2025-09-01');
    const input = { form: 'strike' as const, candidates, ballots, seats: SEATS, base, rules };

    const result = tally(input);
    log(
      `  ${BALLOTS} ballots (${result.invalid} invalid), ${CANDIDATES} candidates, ${SEATS} seats: ${result.elected.length} elected${result.needsDecision ? `, needs decision (${result.needsDecision.code})` : ''}`,
    );

    // Raw floor: add up struck ids, nothing else (no validity, no ranking, no threshold).
    const rawLoop = () => {
      const index = new Map(candidates.map((c, i) => [c.id, i]));
      const struck = new Int32Array(candidates.length);
      for (const b of ballots) for (const id of b.struck) struck[index.get(id)!]!++;
      return struck;
    };
    for (let i = 0; i < 20; i++) {
      rawLoop();
      tally(input);
    }
    const raw = repeat(200, rawLoop);
    const count = repeat(200, () => tally(input));
    let sink = 0;
    const io = { out: (t: string) => (sink += t.length), err: (t: string) => (sink += t.length) };
    for (let i = 0; i < 5; i++) runTallyCommand(cliArgs, io);
    const command = repeat(50, () => {
      if (runTallyCommand(cliArgs, io) !== 0) throw new Error('tally command failed');
    });
    log(
      `  counting alone p50 ${fmtMs(count.p50)} (p95 ${fmtMs(count.p95)}); raw loop p50 ${fmtMs(raw.p50)}; whole command in-process (CSV read + parse + count + JSON) p50 ${fmtMs(command.p50)}`,
    );

    // Three entries: the second reverses order and names; the third has 5 disagreements,
    // 2 ballots missing and 1 entered twice.
    const second = [...ballots].reverse().map((b) => ({ ...b, struck: [...b.struck].reverse() }));
    const third = ballots
      .slice(2)
      .map((b, i) =>
        i % 300 === 7 ? { ...b, struck: [...b.struck.slice(1), candidates[0]!.id] } : b,
      );
    third.push(third[10]!);
    const entries = [
      { operator: 'Máy 1', ballots },
      { operator: 'Máy 2', ballots: second },
      { operator: 'Máy 3', ballots: third },
    ];
    const rec = reconcileEntries({ form: 'strike', entries });
    const rawReconcile = () => {
      const maps = entries.map(
        (e) => new Map(e.ballots.map((b) => [b.serial, [...b.struck].sort().join(',')])),
      );
      let differ = 0;
      for (const [serial, key] of maps[0]!) if (maps.some((m) => m.get(serial) !== key)) differ++;
      return differ;
    };
    for (let i = 0; i < 3; i++) {
      rawReconcile();
      reconcileEntries({ form: 'strike', entries });
    }
    const reconcile = repeat(20, () => reconcileEntries({ form: 'strike', entries }));
    const reconcileRaw = repeat(20, rawReconcile);
    log(
      `  reconcile 3 entries p50 ${fmtMs(reconcile.p50)} (p95 ${fmtMs(reconcile.p95)}; ${rec.agreed.length} agreed, ${rec.disagreements.length} disagreements, ${rec.missing.length} missing, ${rec.duplicates.length} duplicates); raw compare p50 ${fmtMs(reconcileRaw.p50)}`,
    );

    // Whole processes: `npm run cli -- tally` is `tsx src/cli/canbo.ts tally`.
    const empty = path.join(dir, 'empty.ts');
    fs.writeFileSync(empty, 'export {};\n');
    const tsx = ['--import', 'tsx'];
    const cliProcess = processRuns(
      5,
      [...tsx, path.join(opts.repoRoot, 'src/cli/canbo.ts'), 'tally', ...cliArgs],
      opts.repoRoot,
    );
    const emptyProcess = processRuns(5, [...tsx, empty], opts.repoRoot);
    log(
      `  CLI process p50 ${fmtMs(cliProcess.p50)}; empty tsx script p50 ${fmtMs(emptyProcess.p50)}`,
    );

    const r2 = (x: number) => Math.round(x * 100) / 100;
    return {
      dataset: {
        ballots: BALLOTS,
        candidates: CANDIDATES,
        seats: SEATS,
        base,
        invalid: result.invalid,
        elected: result.elected.length,
        needsDecision: result.needsDecision?.code ?? null,
        ballotsCsvBytes: fs.statSync(bFile).size,
      },
      countOnlyMs: count,
      rawLoopMs: raw,
      countVsRawLoop: r2(count.p50 / raw.p50),
      commandInProcessMs: command,
      cliProcessMs: cliProcess,
      emptyTsxProcessMs: emptyProcess,
      cliProcessOverEmptyMs: r2(cliProcess.p50 - emptyProcess.p50),
      reconcile3Ms: reconcile,
      reconcileRawMs: reconcileRaw,
      reconcileVsRaw: r2(reconcile.p50 / reconcileRaw.p50),
      reconcileFindings: {
        agreed: rec.agreed.length,
        disagreements: rec.disagreements.length,
        missing: rec.missing.length,
        duplicates: rec.duplicates.length,
      },
      targets: ELECTION_TARGETS,
      pass: {
        countInProcess: command.p50 < ELECTION_TARGETS.countMs,
        reconcile: reconcile.p50 < ELECTION_TARGETS.reconcileMs,
      },
      loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
