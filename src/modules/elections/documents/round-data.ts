/**
 * What the election documents need to know about one counted round, independent of how the
 * elections module stores it (the service maps its RoundReport onto this).
 */
export type BallotForm = 'strike' | 'yesno';

export interface DocumentHeader {
  /** Levels above the congress, top first, e.g. ["ĐẢNG BỘ TỈNH …", "ĐẢNG BỘ PHƯỜNG …"]. */
  unitLines: string[];
  /** "Đại hội đại biểu Đảng bộ phường Tây Hồ lần thứ XIV, nhiệm kỳ 2025–2030". */
  congressName: string;
  /** Where the congress is held, for "Tây Hồ, ngày … tháng … năm …". */
  place: string;
}

export interface BallotData {
  header: DocumentHeader;
  /** "Ban Chấp hành Đảng bộ phường Tây Hồ khóa XIV, nhiệm kỳ 2025–2030". */
  bodyName: string;
  seats: number;
  form: BallotForm;
  /** Candidates in the order of the list (Vietnamese alphabetical by given name). */
  candidates: { fullName: string }[];
  roundNumber: number;
}

export interface CandidateResult {
  fullName: string;
  votes: number;
  elected: boolean;
  /** 1 for the most votes among the elected; null for those not elected. */
  rank: number | null;
  /** Yes/no form: marks that counted for no one (both or neither box). */
  notCounted?: number;
}

export interface RoundMinutesData extends BallotData {
  congressKind: 'members' | 'delegates';
  /** Date of the count (ISO). */
  countedOn: string;
  countingCommittee: { fullName: string; role: string }[];
  attendance: {
    summoned: number;
    present: number;
    absent: number;
    /** The threshold base: summoned minus the exclusions below. */
    base: number;
    exclusions: { label: string; count: number }[];
  };
  ballots: {
    issued: number;
    returned: number;
    valid: number;
    invalid: number;
    invalidReasons: { reason: string; count: number }[];
  };
  /** In list order; the documents rank them themselves. */
  results: CandidateResult[];
  /** When the count left a choice to the presidium (tie at the last seat, too few elected). */
  pendingDecision: string | null;
  /** What the presidium decided, when it did. */
  presidiumDecision: string | null;
  /** The higher level's annulment of this round, when there is one (the record stays). */
  annulment: string | null;
  /** The rule used for the threshold, quoted in the minutes. */
  thresholdRule: string;
}
