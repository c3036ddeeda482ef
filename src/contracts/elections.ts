import { z } from 'zod';
import { isoDate } from './common.ts';
import { citationDto } from './rules.ts';

/** Hình thức phiếu: gạch tên (danh sách có số dư) hay đồng ý / không đồng ý (không có số dư). */
export const ballotForms = ['strike', 'yesno'] as const;
export type BallotForm = (typeof ballotForms)[number];
export const ballotFormLabels: Record<BallotForm, string> = {
  strike: 'Phiếu gạch tên (có số dư)',
  yesno: 'Phiếu đồng ý / không đồng ý (không có số dư)',
};

/** Nguồn của một người trong danh sách bầu cử. */
export const candidateSources = ['committee', 'floor', 'self'] as const;
export type CandidateSource = (typeof candidateSources)[number];
export const candidateSourceLabels: Record<CandidateSource, string> = {
  committee: 'Cấp ủy triệu tập giới thiệu',
  floor: 'Đại hội đề cử',
  self: 'Tự ứng cử',
};

/** Trạng thái danh sách bầu cử. */
export const listStatuses = ['draft', 'approved'] as const;
export type ListStatus = (typeof listStatuses)[number];
export const listStatusLabels: Record<ListStatus, string> = {
  draft: 'Đang lập danh sách',
  approved: 'Đại hội đã biểu quyết thông qua (đã khóa)',
};

/** Trạng thái một vòng bầu. */
export const roundStatuses = ['open', 'closed', 'annulled'] as const;
export type RoundStatus = (typeof roundStatuses)[number];
export const roundStatusLabels: Record<RoundStatus, string> = {
  open: 'Đang kiểm phiếu',
  closed: 'Đã kết thúc, kết quả đã khóa',
  annulled: 'Đã bị cấp trên hủy',
};

/** Quyết định của đoàn chủ tịch khi kết quả chưa đủ hoặc bằng phiếu ở vị trí cuối. */
export const roundDecisionKinds = ['another_round', 'stop'] as const;
export type RoundDecisionKind = (typeof roundDecisionKinds)[number];
export const roundDecisionLabels: Record<RoundDecisionKind, string> = {
  another_round: 'Bầu tiếp vòng sau với số lượng và người còn lại',
  stop: 'Dừng, không bầu thêm',
};

const person = z.object({ fullName: z.string(), role: z.string().nullable() });

/** Everything the counting minutes (biên bản kiểm phiếu) and the announcement need. */
export const roundReport = z.object({
  congress: z.object({
    id: z.number(),
    name: z.string(),
    unitId: z.number(),
    unitName: z.string(),
    term: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
  }),
  body: z.object({ id: z.number(), name: z.string(), kind: z.string(), seats: z.number() }),
  election: z.object({
    id: z.number(),
    listStatus: z.enum(listStatuses),
    /** The congress's vote approving the list. */
    listApproval: z
      .object({ agree: z.number(), present: z.number(), at: z.string(), by: z.string() })
      .nullable(),
  }),
  round: z.object({
    id: z.number(),
    number: z.number(),
    /** Seats to fill in this round. */
    seats: z.number(),
    form: z.enum(ballotForms),
    formLabel: z.string(),
    entryCopies: z.number(),
    status: z.enum(roundStatuses),
    statusLabel: z.string(),
    frozenAt: z.string().nullable(),
    frozenBy: z.string().nullable(),
    annulment: z
      .object({ decision: z.string(), reason: z.string(), at: z.string(), by: z.string() })
      .nullable(),
  }),
  /** The names on this round's ballot, in Vietnamese order (by given name). */
  list: z.array(
    z.object({
      candidateId: z.number(),
      memberId: z.number().nullable(),
      fullName: z.string(),
      source: z.enum(candidateSources),
      sourceLabel: z.string(),
      position: z.number(),
    }),
  ),
  countingCommittee: z.array(person),
  attendance: z.object({ summoned: z.number(), present: z.number(), absent: z.number() }),
  /** The threshold base (số đảng viên / đại biểu được triệu tập trừ các trường hợp loại trừ). */
  base: z.object({
    value: z.number(),
    breakdown: z.array(z.object({ label: z.string(), count: z.number() })),
    citations: z.array(citationDto),
  }),
  ballots: z.object({
    issued: z.number(),
    returned: z.number(),
    valid: z.number(),
    invalid: z.number(),
    invalidBallots: z.array(z.object({ serial: z.string(), reason: z.string() })),
    /** Invalid ballots grouped by reason, for the minutes. */
    invalidReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
  }),
  candidates: z.array(
    z.object({
      candidateId: z.number(),
      memberId: z.number().nullable(),
      fullName: z.string(),
      votes: z.number(),
      /** Percent of the base, e.g. 54.55 (shown with a decimal comma). */
      percent: z.number(),
      elected: z.boolean(),
      rank: z.number().nullable(),
    }),
  ),
  /** Those elected, most votes first. */
  elected: z.array(
    z.object({
      candidateId: z.number(),
      memberId: z.number().nullable(),
      fullName: z.string(),
      votes: z.number(),
      percent: z.number(),
      rank: z.number(),
    }),
  ),
  needsDecision: z.object({ needed: z.boolean(), reason: z.string().nullable() }),
  decision: z
    .object({
      kind: z.enum(roundDecisionKinds),
      label: z.string(),
      note: z.string().nullable(),
      at: z.string(),
      by: z.string(),
    })
    .nullable(),
  /** Whether the tally shown is the frozen one (closed round) or a provisional one. */
  provisional: z.boolean(),
  citations: z.array(citationDto),
});
export type RoundReport = z.infer<typeof roundReport>;

// ─── Elections and their lists ───────────────────────────────────────────────────────────

export const checkDto = z.object({
  ok: z.boolean(),
  /** Blocking checks stop approval of the list. */
  blocking: z.boolean(),
  message: z.string(),
  citations: z.array(citationDto),
});
export type CheckDto = z.infer<typeof checkDto>;

export const candidateDto = z.object({
  id: z.number(),
  memberId: z.number().nullable(),
  fullName: z.string(),
  source: z.enum(candidateSources),
  sourceLabel: z.string(),
  nominationAgree: z.number().nullable(),
  nominationPresent: z.number().nullable(),
  withdrawn: z.boolean(),
  withdrawnReason: z.string(),
});
export type CandidateDto = z.infer<typeof candidateDto>;

export const roundSummaryDto = z.object({
  id: z.number(),
  number: z.number(),
  seats: z.number(),
  form: z.enum(ballotForms),
  entryCopies: z.number(),
  status: z.enum(roundStatuses),
  statusLabel: z.string(),
  closedAt: z.string().nullable(),
  electedCount: z.number().nullable(),
  needsDecision: z.boolean(),
  decision: z.enum(roundDecisionKinds).nullable(),
});
export type RoundSummaryDto = z.infer<typeof roundSummaryDto>;

export const electionDto = z.object({
  id: z.number(),
  congressId: z.number(),
  congressName: z.string(),
  bodyId: z.number(),
  bodyName: z.string(),
  seats: z.number(),
  listStatus: z.enum(listStatuses),
  listStatusLabel: z.string(),
  approveAgree: z.number().nullable(),
  approvePresent: z.number().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** In Vietnamese order by given name; withdrawn names last. */
  candidates: z.array(candidateDto),
  checks: z.array(checkDto),
  canApprove: z.boolean(),
  rounds: z.array(roundSummaryDto),
  /** Elected in all closed, not annulled rounds so far. */
  electedSoFar: z.number(),
  canWrite: z.boolean(),
  version: z.number(),
});
export type ElectionDto = z.infer<typeof electionDto>;

export const congressElectionsDto = z.object({
  congressId: z.number(),
  congressName: z.string(),
  bodies: z.array(
    z.object({
      bodyId: z.number(),
      bodyName: z.string(),
      seats: z.number(),
      electionId: z.number().nullable(),
      listStatus: z.enum(listStatuses).nullable(),
      candidates: z.number(),
      rounds: z.number(),
    }),
  ),
  canWrite: z.boolean(),
});
export type CongressElectionsDto = z.infer<typeof congressElectionsDto>;

export const createElectionBody = z.object({ bodyId: z.number().int().positive() });

const count = z.number().int().min(0).max(1_000_000);

export const addCandidateBody = z.object({
  source: z.enum(['floor', 'self']),
  memberId: z.number().int().positive().nullable().optional(),
  fullName: z.string().trim().min(2).max(200),
  nominationAgree: count,
  nominationPresent: count,
});
export type AddCandidateBody = z.infer<typeof addCandidateBody>;

export const withdrawCandidateBody = z.object({ reason: z.string().trim().min(2).max(500) });

export const approveListBody = z.object({
  agree: count,
  present: count,
  version: z.number().int().positive(),
});

// ─── Counting committee and counter accounts ─────────────────────────────────────────────

export const committeeMemberDto = z.object({
  id: z.number(),
  memberId: z.number().nullable(),
  fullName: z.string(),
  role: z.string(),
});
export const counterAccountDto = z.object({
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export const countingCommitteeDto = z.object({
  congressId: z.number(),
  members: z.array(committeeMemberDto),
  counters: z.array(counterAccountDto),
  canWrite: z.boolean(),
});
export type CountingCommitteeDto = z.infer<typeof countingCommitteeDto>;
export const addCommitteeMemberBody = z.object({
  memberId: z.number().int().positive().nullable().optional(),
  fullName: z.string().trim().min(2).max(200),
  role: z.string().trim().min(2).max(100).default('Ủy viên'),
});
export const addCounterBody = z.object({ username: z.string().trim().min(1).max(100) });

// ─── Rounds ──────────────────────────────────────────────────────────────────────────────

export const createRoundBody = z.object({
  entryCopies: z.number().int().min(1).max(3),
  /** Round 2+: the candidates chosen by the presidium among those not elected (default: all). */
  candidateIds: z.array(z.number().int().positive()).optional(),
});
export const ballotCountsBody = z.object({
  issued: count,
  returned: count,
  version: z.number().int().positive(),
});
export const decideBody = z.object({
  kind: z.enum(roundDecisionKinds),
  note: z.string().trim().max(1000).default(''),
});
export const annulBody = z.object({
  decision: z.string().trim().min(2).max(300),
  reason: z.string().trim().min(5).max(2000),
});
export const closeRoundBody = z.object({ version: z.number().int().positive() });

// ─── Ballot entry ────────────────────────────────────────────────────────────────────────

export const batchDto = z.object({
  id: z.number(),
  name: z.string(),
  /** Copies taken by operators and whether each is finished (no operator names for counters). */
  copies: z.array(
    z.object({ copy: z.number(), operator: z.string().nullable(), finished: z.boolean() }),
  ),
  /** The caller's own copy of this batch, if any. */
  myCopy: z.number().nullable(),
  myFinished: z.boolean(),
  myBallots: z.number(),
});
export type BatchDto = z.infer<typeof batchDto>;

export const entryRoundDto = z.object({
  round: roundSummaryDto,
  congressName: z.string(),
  bodyName: z.string(),
  candidates: z.array(z.object({ id: z.number(), fullName: z.string(), position: z.number() })),
  batches: z.array(batchDto),
  ballotsIssued: z.number().nullable(),
  ballotsReturned: z.number().nullable(),
  version: z.number(),
  /** The caller may also resolve, set counts and close (counting committee or officer). */
  canManage: z.boolean(),
});
export type EntryRoundDto = z.infer<typeof entryRoundDto>;

export const countingHomeDto = z.array(
  z.object({
    congressId: z.number(),
    congressName: z.string(),
    rounds: z.array(
      z.object({
        roundId: z.number(),
        bodyName: z.string(),
        number: z.number(),
        status: z.enum(roundStatuses),
        statusLabel: z.string(),
      }),
    ),
  }),
);
export type CountingHomeDto = z.infer<typeof countingHomeDto>;

export const createBatchBody = z.object({ name: z.string().trim().min(1).max(100) });

export const ballotInput = z.object({
  serial: z.string().trim().min(1).max(50),
  issued: z.boolean(),
  struck: z.array(z.number().int().positive()).default([]),
  agree: z.array(z.number().int().positive()).default([]),
  disagree: z.array(z.number().int().positive()).default([]),
});
export const enterBallotBody = ballotInput.extend({
  /** Re-entering a serial already in the caller's copy must say so (a correction). */
  correction: z.boolean().default(false),
  deleted: z.boolean().default(false),
});
export type EnterBallotBody = z.infer<typeof enterBallotBody>;

export const judgementDto = z.object({
  valid: z.boolean(),
  reason: z.string().nullable(),
  /** Yes/no form: names with both or neither box marked (not counted for them). */
  uncounted: z.array(z.number()),
});

export const ballotEntryDto = z.object({
  serial: z.string(),
  issued: z.boolean(),
  struck: z.array(z.number()),
  agree: z.array(z.number()),
  disagree: z.array(z.number()),
  judgement: judgementDto,
  enteredAt: z.string(),
  corrections: z.number(),
});
export type BallotEntryDto = z.infer<typeof ballotEntryDto>;

export const myEntriesDto = z.object({
  batchId: z.number(),
  batchName: z.string(),
  copy: z.number(),
  finished: z.boolean(),
  items: z.array(ballotEntryDto),
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
});
export type MyEntriesDto = z.infer<typeof myEntriesDto>;

const version = z.object({
  copy: z.number().nullable(),
  present: z.boolean(),
  issued: z.boolean(),
  struck: z.array(z.number()),
  agree: z.array(z.number()),
  disagree: z.array(z.number()),
  judgement: judgementDto.nullable(),
});

export const reconciliationDto = z.object({
  roundId: z.number(),
  entryCopies: z.number(),
  batches: z.array(
    z.object({
      batchId: z.number(),
      batchName: z.string(),
      /** Every copy finished: only then are copies compared. */
      comparable: z.boolean(),
      finishedCopies: z.number(),
      ballots: z.number(),
      agreed: z.number(),
      disagreements: z.array(
        z.object({
          serial: z.string(),
          versions: z.array(version),
          resolution: version
            .extend({ source: z.string(), by: z.string(), at: z.string() })
            .nullable(),
        }),
      ),
    }),
  ),
  counts: z.object({
    issued: z.number().nullable(),
    returned: z.number().nullable(),
    entered: z.number(),
    checks: z.array(checkDto),
  }),
  unresolved: z.number(),
  canClose: z.boolean(),
  blockers: z.array(z.string()),
});
export type ReconciliationDto = z.infer<typeof reconciliationDto>;

export const resolveBody = ballotInput.extend({
  batchId: z.number().int().positive(),
  /** copy_1 | copy_2 | copy_3 (take that entry) | reread (entered as read again) | absent. */
  source: z.enum(['copy_1', 'copy_2', 'copy_3', 'reread', 'absent']),
  note: z.string().trim().max(500).default(''),
});
export type ResolveBody = z.infer<typeof resolveBody>;

export const entryLogDto = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['entry', 'resolution']),
      batchName: z.string(),
      copy: z.number().nullable(),
      serial: z.string(),
      detail: z.string(),
      by: z.string(),
      at: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type EntryLogDto = z.infer<typeof entryLogDto>;
