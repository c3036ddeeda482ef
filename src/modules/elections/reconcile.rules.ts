/**
 * Independent double/triple entry: two or three operators enter the same batch of paper ballots
 * on separate screens; ballots are compared serial by serial. Only ballots on which every entry
 * agrees are counted; every disagreement is shown (each operator's version and what differs)
 * until resolved. Ballots are compared as sets (the order names were entered in is irrelevant).
 */
import type { Ballot, BallotForm, StrikeBallot, YesNoBallot } from './ballot.rules.ts';

export interface OperatorEntry {
  operator: string;
  ballots: readonly Ballot[];
}

export interface Difference {
  field: 'issued' | 'struck' | 'agree' | 'disagree';
  /** Vietnamese, e.g. "Gạch tên: c12 chỉ có ở bản nhập của Lan". */
  message: string;
}

export interface Disagreement {
  serial: string;
  versions: { operator: string; ballot: Ballot }[];
  differences: Difference[];
}

export interface MissingSerial {
  serial: string;
  /** Operators whose entry lacks this serial. */
  missingIn: string[];
  presentIn: string[];
}

export interface DuplicateSerial {
  operator: string;
  serial: string;
  count: number;
}

export interface Reconciliation {
  /** True when every serial is in every entry once and every entry agrees. */
  ok: boolean;
  /** Ballots all entries agree on, normalised (ids sorted, no repeats), sorted by serial. */
  agreed: Ballot[];
  disagreements: Disagreement[];
  missing: MissingSerial[];
  duplicates: DuplicateSerial[];
}

const fieldLabels: Record<Difference['field'], string> = {
  issued: 'Phiếu do ban kiểm phiếu phát ra',
  struck: 'Gạch tên',
  agree: 'Đồng ý',
  disagree: 'Không đồng ý',
};

const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort();

/** Ids sorted and deduplicated, so two entries of the same marks compare equal. */
export function normaliseBallot(form: BallotForm, b: Ballot): Ballot {
  if (form === 'strike') {
    const s = b as StrikeBallot;
    return { serial: s.serial, issued: s.issued, struck: sortedUnique(s.struck ?? []) };
  }
  const y = b as YesNoBallot;
  return {
    serial: y.serial,
    issued: y.issued,
    agree: sortedUnique(y.agree ?? []),
    disagree: sortedUnique(y.disagree ?? []),
  };
}

const keyOf = (b: Ballot): string =>
  'struck' in b
    ? `${b.issued ? 1 : 0}|${b.struck.join(',')}`
    : `${b.issued ? 1 : 0}|${b.agree.join(',')}|${b.disagree.join(',')}`;

// Serials in natural order (2 before 10); one collator, since building one per call is slow.
const serialCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
const compareSerials = (a: string, b: string) =>
  serialCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

function differencesOf(
  form: BallotForm,
  versions: { operator: string; ballot: Ballot }[],
  names?: ReadonlyMap<string, string>,
): Difference[] {
  const out: Difference[] = [];
  const issued = new Set(versions.map((v) => v.ballot.issued));
  if (issued.size > 1) {
    const parts = versions.map((v) => `${v.operator}: ${v.ballot.issued ? 'có' : 'không'}`);
    out.push({ field: 'issued', message: `${fieldLabels.issued} — ${parts.join('; ')}` });
  }
  const fields: Difference['field'][] = form === 'strike' ? ['struck'] : ['agree', 'disagree'];
  for (const field of fields) {
    const sets = versions.map(
      (v) => new Set((v.ballot as unknown as Record<string, string[]>)[field]),
    );
    const all = sortedUnique(sets.flatMap((s) => [...s]));
    const parts: string[] = [];
    for (const id of all) {
      const withIt = versions.filter((_, i) => sets[i]!.has(id)).map((v) => v.operator);
      if (withIt.length === versions.length) continue;
      parts.push(`${names?.get(id) ?? id} chỉ có ở bản nhập của ${withIt.join(', ')}`);
    }
    if (parts.length) out.push({ field, message: `${fieldLabels[field]}: ${parts.join('; ')}` });
  }
  return out;
}

/**
 * Compares the entries ballot by ballot. A serial entered twice by one operator is reported as
 * a duplicate and not counted until fixed; a serial some entries lack is reported as missing.
 */
export function reconcileEntries(input: {
  form: BallotForm;
  entries: readonly OperatorEntry[];
  /** id → name, so the differences name people rather than ids (optional). */
  candidateNames?: ReadonlyMap<string, string>;
}): Reconciliation {
  const { form, entries, candidateNames } = input;
  const operators = entries.map((e) => e.operator);
  const duplicates: DuplicateSerial[] = [];
  // serial → per entry index: normalised ballot and its comparison key
  const bySerial = new Map<string, ({ ballot: Ballot; key: string } | undefined)[]>();
  const blocked = new Set<string>();
  entries.forEach((entry, ei) => {
    const counts = new Map<string, number>();
    for (const raw of entry.ballots) {
      const ballot = normaliseBallot(form, raw);
      const n = (counts.get(ballot.serial) ?? 0) + 1;
      counts.set(ballot.serial, n);
      let slot = bySerial.get(ballot.serial);
      if (!slot) bySerial.set(ballot.serial, (slot = new Array(entries.length).fill(undefined)));
      if (n === 1) slot[ei] = { ballot, key: keyOf(ballot) };
    }
    for (const [serial, count] of counts) {
      if (count > 1) {
        duplicates.push({ operator: entry.operator, serial, count });
        blocked.add(serial);
      }
    }
  });

  const agreed: Ballot[] = [];
  const disagreements: Disagreement[] = [];
  const missing: MissingSerial[] = [];
  const serials = [...bySerial.keys()].sort(compareSerials);
  for (const serial of serials) {
    const slot = bySerial.get(serial)!;
    const absent = operators.filter((_, i) => !slot[i]);
    if (absent.length) {
      missing.push({
        serial,
        missingIn: absent,
        presentIn: operators.filter((_, i) => slot[i]),
      });
      continue;
    }
    const first = slot[0]!;
    if (slot.every((s) => s!.key === first.key)) {
      if (!blocked.has(serial)) agreed.push(first.ballot);
      continue;
    }
    const versions = slot.map((s, i) => ({ operator: operators[i]!, ballot: s!.ballot }));
    disagreements.push({
      serial,
      versions,
      differences: differencesOf(form, versions, candidateNames),
    });
  }
  return {
    ok: !duplicates.length && !missing.length && !disagreements.length,
    agreed,
    disagreements,
    missing,
    duplicates,
  };
}

export interface CountProblem {
  code: 'returned_exceeds_issued' | 'entered_differs_from_returned' | 'negative';
  message: string;
}

/**
 * Ballots issued, returned (in the box) and entered must reconcile: no more returned than
 * issued, and exactly the returned ballots entered. Returns the Vietnamese problems (none = ok).
 */
export function checkCounts(input: { issued: number; returned: number; entered: number }): {
  ok: boolean;
  problems: CountProblem[];
} {
  const { issued, returned, entered } = input;
  const problems: CountProblem[] = [];
  if ([issued, returned, entered].some((n) => !Number.isInteger(n) || n < 0)) {
    problems.push({
      code: 'negative',
      message: 'Số phiếu phát ra, thu vào và đã nhập phải là số nguyên không âm.',
    });
  } else {
    if (returned > issued) {
      problems.push({
        code: 'returned_exceeds_issued',
        message: `Số phiếu thu vào (${returned}) nhiều hơn số phiếu phát ra (${issued}).`,
      });
    }
    if (entered !== returned) {
      problems.push({
        code: 'entered_differs_from_returned',
        message:
          entered < returned
            ? `Mới nhập ${entered} phiếu, còn thiếu ${returned - entered} so với số phiếu thu vào (${returned}).`
            : `Đã nhập ${entered} phiếu, nhiều hơn số phiếu thu vào (${returned}) ${entered - returned} phiếu.`,
      });
    }
  }
  return { ok: problems.length === 0, problems };
}
