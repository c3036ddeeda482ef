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
