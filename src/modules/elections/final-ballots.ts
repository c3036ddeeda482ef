/**
 * The ballots of a round as the counting committee stands by them: per batch, the entries every
 * copy agrees on (A's reconcile), with the committee's resolutions taking precedence. Batches
 * whose copies are not all finished are not compared yet (operators must not see each other's).
 */
import type { BallotForm } from '../../contracts/elections.ts';
import type { Db } from '../../core/db/client.ts';
import type { Ballot } from './ballot.rules.ts';
import type { RoundRow } from './elections.access.ts';
import * as repo from './elections.repo.ts';
import { reconcileEntries, type Reconciliation } from './reconcile.rules.ts';

type Marks = {
  serial: string;
  issued: boolean;
  struck: number[];
  agree: number[];
  disagree: number[];
};

export const copyName = (copy: number) => `Lần nhập ${copy}`;

/** A stored row (numeric ids) as A's rules take it (string ids, the round's form). */
export function toBallot(form: BallotForm, m: Marks): Ballot {
  return form === 'strike'
    ? { serial: m.serial, issued: m.issued, struck: m.struck.map(String) }
    : {
        serial: m.serial,
        issued: m.issued,
        agree: m.agree.map(String),
        disagree: m.disagree.map(String),
      };
}

export interface BatchState {
  batch: repo.BatchRow;
  operators: repo.OperatorRow[];
  finishedCopies: number;
  comparable: boolean;
  /** Current entries by copy (withdrawn ones left out). */
  byCopy: Map<number, repo.EntryRow[]>;
  reconciliation: Reconciliation | null;
  resolutions: Map<string, repo.ResolutionRow>;
  /** Ballots counted from this batch (agreed or resolved). */
  final: Ballot[];
  /** Serials still disagreeing (or missing in a copy) without a resolution. */
  unresolved: string[];
  /** Every serial that disagreed or was missing somewhere, resolved or not. */
  disputed: string[];
}

export interface RoundState {
  batches: BatchState[];
  final: Ballot[];
  unresolved: number;
  unfinishedBatches: string[];
}

export async function roundState(db: Db, round: RoundRow): Promise<RoundState> {
  const form = round.form as BallotForm;
  const [batches, operators, entries, resolutions] = await Promise.all([
    repo.batchesOf(db, round.id),
    repo.operatorsOf(db, round.id),
    repo.currentEntries(db, round.id),
    repo.currentResolutions(db, round.id),
  ]);
  const states: BatchState[] = batches.map((batch) => {
    const ops = operators.filter((o) => o.batchId === batch.id);
    const finishedCopies = ops.filter((o) => o.finishedAt).length;
    const comparable = finishedCopies >= round.entryCopies;
    const byCopy = new Map<number, repo.EntryRow[]>();
    for (let c = 1; c <= round.entryCopies; c++) byCopy.set(c, []);
    for (const e of entries) {
      if (e.batchId === batch.id && !e.deleted) byCopy.get(e.copy)?.push(e);
    }
    const res = new Map(
      resolutions.filter((r) => r.batchId === batch.id).map((r) => [r.serial, r]),
    );
    const state: BatchState = {
      batch,
      operators: ops,
      finishedCopies,
      comparable,
      byCopy,
      reconciliation: null,
      resolutions: res,
      final: [],
      unresolved: [],
      disputed: [],
    };
    if (!comparable) return state;
    const rec = reconcileEntries({
      form,
      entries: [...byCopy.entries()].map(([copy, rows]) => ({
        operator: copyName(copy),
        ballots: rows.map((r) => toBallot(form, r)),
      })),
    });
    state.reconciliation = rec;
    const disputed = [
      ...rec.disagreements.map((d) => d.serial),
      ...rec.missing.map((m) => m.serial),
      ...rec.duplicates.map((d) => d.serial),
    ];
    state.disputed = [...new Set(disputed)];
    const disputedSet = new Set(state.disputed);
    for (const b of rec.agreed) if (!res.has(b.serial)) state.final.push(b);
    for (const [serial, r] of res) {
      if (!r.deleted) state.final.push(toBallot(form, r));
      disputedSet.delete(serial);
    }
    state.unresolved = [...disputedSet];
    return state;
  });
  return {
    batches: states,
    final: states.flatMap((s) => s.final),
    unresolved: states.reduce((n, s) => n + s.unresolved.length, 0),
    unfinishedBatches: states.filter((s) => !s.comparable).map((s) => s.batch.name),
  };
}
