/**
 * Validity of one paper ballot (QĐ 190-QĐ/TW; HD 04-HD/TW). Pure: the entry screens, the
 * reconciliation of double/triple entry, the counting and the offline CLI all judge a ballot
 * here, so a ballot is valid or invalid for the same reason everywhere.
 */
import { AppError } from '../../core/errors.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { QD190 } from '../rules/rules.catalog.ts';

/** 'strike': a list with surplus, the voter strikes names; 'yesno': no surplus, đồng ý / không đồng ý columns. */
export type BallotForm = 'strike' | 'yesno';
export const ballotForms: readonly BallotForm[] = ['strike', 'yesno'];
export const ballotFormLabels: Record<BallotForm, string> = {
  strike: 'Phiếu gạch tên (danh sách có số dư)',
  yesno: 'Phiếu đồng ý / không đồng ý (danh sách không có số dư)',
};

/** A strike-form ballot as entered: the ids of the names struck out. */
export interface StrikeBallot {
  serial: string;
  /** Issued by the counting committee (stamped); false → invalid. */
  issued: boolean;
  struck: string[];
}

/** A yes/no-form ballot as entered: the ids marked in each column. */
export interface YesNoBallot {
  serial: string;
  issued: boolean;
  agree: string[];
  disagree: string[];
}

export type Ballot = StrikeBallot | YesNoBallot;

export type InvalidBallotCode = 'not_issued' | 'nothing_struck' | 'too_many_elected';

export interface ValidBallot {
  valid: true;
  /** Candidate ids that receive this ballot's vote (kept names / "đồng ý"). */
  votes: string[];
  /** Yes/no form: ids with both or neither box marked — not counted for that name. */
  uncounted: string[];
}

export interface InvalidBallot {
  valid: false;
  code: InvalidBallotCode;
  /** Vietnamese reason, as written in the minutes. */
  reason: string;
  citation: Citation;
}

export type BallotJudgement = ValidBallot | InvalidBallot;

export interface BallotContext {
  form: BallotForm;
  /** Every candidate id on the list, in list order. */
  candidateIds: readonly string[];
  /** Number to elect. */
  seats: number;
}

/**
 * A ballot that cannot be a vote (an id not on the list, a form mismatch): an entry mistake
 * to correct, never an invalid ballot. 400 with a Vietnamese message naming the ballot.
 */
export class BallotInputError extends AppError {
  constructor(
    readonly reasonCode:
      'unknown_candidate' | 'wrong_form' | 'bad_serial' | 'duplicate_serial' | 'bad_context',
    message: string,
    readonly serial?: string,
    readonly candidateId?: string,
  ) {
    super(400, 'BALLOT_INPUT', message);
  }
}

const validity: Citation = {
  rule: 'Phiếu bầu hợp lệ, không hợp lệ',
  document: `${QD190}; Hướng dẫn 04-HD/TW năm 2024`,
};

export const invalidBallotReasons: Record<InvalidBallotCode, string> = {
  not_issued: 'Phiếu không do ban kiểm phiếu phát ra',
  nothing_struck: 'Danh sách có số dư nhưng phiếu không gạch tên nào',
  too_many_elected: 'Phiếu bầu nhiều hơn số lượng cần bầu',
};

const invalid = (code: InvalidBallotCode): InvalidBallot => ({
  valid: false,
  code,
  reason: invalidBallotReasons[code],
  citation: validity,
});

/**
 * A ballot judged by candidate positions (indexes into `candidateIds`), for counting loops:
 * a valid strike ballot gives the positions struck (no repeats), a valid yes/no ballot the
 * positions counted "đồng ý" and those not counted.
 */
export type IndexedJudgement =
  | { valid: true; struck: number[]; agree?: undefined; uncounted?: undefined }
  | { valid: true; struck?: undefined; agree: number[]; uncounted: number[] }
  | InvalidBallot;

/**
 * Checks the context once and returns a judge for its ballots (what a counting loop uses:
 * positions instead of ids, repeats removed with a stamp array rather than a Set per ballot).
 */
export function indexedBallotJudge(ctx: BallotContext): (ballot: Ballot) => IndexedJudgement {
  if (!Number.isInteger(ctx.seats) || ctx.seats < 1) {
    throw new BallotInputError('bad_context', 'Số lượng cần bầu phải là số nguyên dương.');
  }
  const n = ctx.candidateIds.length;
  const index = new Map(ctx.candidateIds.map((id, i) => [id, i]));
  if (index.size !== n) {
    throw new BallotInputError('bad_context', 'Danh sách bầu cử có mã ứng cử viên trùng nhau.');
  }
  const surplus = n > ctx.seats;
  // stamp[i] === round: position i already seen on this ballot (cheaper than a Set each time)
  const stamp = new Int32Array(n);
  const agreeStamp = new Int32Array(n);
  const disagreeStamp = new Int32Array(n);
  let round = 0;
  const positions = (serial: string, ids: readonly string[], marks: Int32Array): number[] => {
    const out: number[] = [];
    for (const id of ids) {
      const i = index.get(id);
      if (i === undefined) {
        throw new BallotInputError(
          'unknown_candidate',
          `Phiếu số ${serial}: mã "${id}" không có trong danh sách bầu cử.`,
          serial,
          id,
        );
      }
      if (marks[i] !== round) {
        marks[i] = round;
        out.push(i);
      }
    }
    return out;
  };
  return (ballot) => {
    if (typeof ballot.serial !== 'string' || ballot.serial.trim() === '') {
      throw new BallotInputError('bad_serial', 'Phiếu bầu thiếu số phiếu.');
    }
    round++;
    if (ctx.form === 'strike') {
      if (!('struck' in ballot)) {
        throw new BallotInputError(
          'wrong_form',
          `Phiếu số ${ballot.serial} không phải phiếu gạch tên.`,
          ballot.serial,
        );
      }
      const struck = positions(ballot.serial, ballot.struck, stamp);
      if (!ballot.issued) return invalid('not_issued');
      if (surplus && struck.length === 0) return invalid('nothing_struck');
      if (n - struck.length > ctx.seats) return invalid('too_many_elected');
      return { valid: true, struck };
    }
    if (!('agree' in ballot)) {
      throw new BallotInputError(
        'wrong_form',
        `Phiếu số ${ballot.serial} không phải phiếu đồng ý / không đồng ý.`,
        ballot.serial,
      );
    }
    positions(ballot.serial, ballot.agree, agreeStamp);
    positions(ballot.serial, ballot.disagree, disagreeStamp);
    if (!ballot.issued) return invalid('not_issued');
    const agree: number[] = [];
    const uncounted: number[] = [];
    for (let i = 0; i < n; i++) {
      const yes = agreeStamp[i] === round;
      if (yes === (disagreeStamp[i] === round)) uncounted.push(i);
      else if (yes) agree.push(i);
    }
    if (agree.length > ctx.seats) return invalid('too_many_elected');
    return { valid: true, agree, uncounted };
  };
}

/** Checks the context once; returns a judge giving candidate ids (entry screens, tests). */
export function ballotJudge(ctx: BallotContext): (ballot: Ballot) => BallotJudgement {
  const judge = indexedBallotJudge(ctx);
  const ids = ctx.candidateIds;
  return (ballot) => {
    const j = judge(ballot);
    if (!j.valid) return j;
    if (j.struck) {
      const struck = new Set(j.struck);
      return { valid: true, votes: ids.filter((_, i) => !struck.has(i)), uncounted: [] };
    }
    return {
      valid: true,
      votes: j.agree.map((i) => ids[i]!),
      uncounted: j.uncounted.map((i) => ids[i]!),
    };
  };
}

/**
 * Judges one ballot: invalid when not issued by the counting committee, when it elects more
 * names than seats, or when nothing is struck on a list with surplus. On the yes/no form a name
 * with both or neither box marked is not counted for that name and the ballot stays valid.
 * Throws `BallotInputError` for an id not on the list or a ballot of the other form.
 */
export function judgeBallot(ballot: Ballot, ctx: BallotContext): BallotJudgement {
  return ballotJudge(ctx)(ballot);
}
