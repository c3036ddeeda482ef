/**
 * The threshold base ("tổng số được triệu tập" after exclusions, QĐ 190-QĐ/TW): the number a
 * candidate's votes are compared with — never the ballots. Members' and delegates' congresses
 * differ; see DOMAIN.md "Bầu cử trong Đảng". Helper B stores attendees exactly in this model.
 */
import { AppError } from '../../core/errors.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { QD190 } from '../rules/rules.catalog.ts';

export type CongressKind = 'members' | 'delegates';
export const congressKinds: readonly CongressKind[] = ['members', 'delegates'];
export const congressKindLabels: Record<CongressKind, string> = {
  members: 'Đại hội đảng viên',
  delegates: 'Đại hội đại biểu',
};

export type AttendeeRole = 'full_member' | 'probationary_member' | 'delegate' | 'alternate';
export const attendeeRoles: readonly AttendeeRole[] = [
  'full_member',
  'probationary_member',
  'delegate',
  'alternate',
];
export const attendeeRoleLabels: Record<AttendeeRole, string> = {
  full_member: 'Đảng viên chính thức',
  probationary_member: 'Đảng viên dự bị',
  delegate: 'Đại biểu chính thức',
  alternate: 'Đại biểu dự khuyết',
};

export type AttendeeStatus =
  | 'expected'
  | 'present'
  | 'absent_excused'
  | 'absent_unexcused'
  | 'attending_elsewhere'
  | 'exempted_absent'
  | 'suspended'
  | 'replaced';
export const attendeeStatuses: readonly AttendeeStatus[] = [
  'expected',
  'present',
  'absent_excused',
  'absent_unexcused',
  'attending_elsewhere',
  'exempted_absent',
  'suspended',
  'replaced',
];
export const attendeeStatusLabels: Record<AttendeeStatus, string> = {
  expected: 'Được triệu tập (chưa điểm danh)',
  present: 'Có mặt',
  absent_excused: 'Vắng mặt cả kỳ đại hội có lý do được chấp nhận',
  absent_unexcused: 'Vắng mặt không có lý do',
  attending_elsewhere: 'Đang sinh hoạt tạm thời ở đảng bộ khác',
  exempted_absent: 'Được miễn sinh hoạt và không dự đại hội',
  suspended: 'Bị đình chỉ sinh hoạt, khởi tố, truy tố, tạm giam',
  replaced: 'Vắng mặt, có đại biểu dự khuyết thay thế',
};

export interface Attendee {
  role: AttendeeRole;
  status: AttendeeStatus;
  /** Member of the outgoing (convening) committee summoned to a delegates' congress. */
  conveningCommittee: boolean;
}

export type ExclusionCode =
  | 'attending_elsewhere'
  | 'exempted_absent'
  | 'suspended'
  | 'absent_excused'
  | 'convening_committee_absent'
  | 'delegate_absent_no_alternate';

export interface Exclusion {
  code: ExclusionCode;
  label: string;
  count: number;
}

export interface ThresholdBase {
  /** Members' congress: full members summoned; delegates' congress: official delegates summoned. */
  summoned: number;
  /** Summoned minus every exclusion: the number votes are compared with. */
  base: number;
  /** Every exclusion rule, in the order of the regulation, with its count (0 included). */
  exclusions: Exclusion[];
  citation: Citation;
}

export const exclusionLabels: Record<ExclusionCode, string> = {
  attending_elsewhere: 'Đảng viên đang sinh hoạt tạm thời ở đảng bộ khác',
  exempted_absent: 'Đảng viên được miễn sinh hoạt và không dự đại hội',
  suspended: 'Đảng viên bị đình chỉ sinh hoạt đảng, bị khởi tố, truy tố, tạm giam',
  absent_excused: 'Đảng viên vắng mặt suốt thời gian đại hội có lý do được cấp ủy chấp nhận',
  convening_committee_absent: 'Cấp ủy viên triệu tập đại hội vắng mặt',
  delegate_absent_no_alternate:
    'Đại biểu chính thức vắng mặt suốt thời gian đại hội không có dự khuyết thay thế',
};

export const thresholdBaseCitation: Citation = {
  rule: 'Tổng số đảng viên, đại biểu được triệu tập làm căn cứ tính kết quả bầu cử',
  document: `${QD190}; Hướng dẫn 04-HD/TW năm 2024`,
};

const members: ExclusionCode[] = [
  'attending_elsewhere',
  'exempted_absent',
  'suspended',
  'absent_excused',
];
const delegates: ExclusionCode[] = ['convening_committee_absent', 'delegate_absent_no_alternate'];

/** Statuses of someone not in the room for the whole congress (and not replaced). */
const absentStatuses: ReadonlySet<AttendeeStatus> = new Set([
  'absent_excused',
  'absent_unexcused',
  'attending_elsewhere',
  'exempted_absent',
  'suspended',
]);

function modelError(message: string): AppError {
  return new AppError(400, 'ATTENDEE_MODEL', message);
}

/** Which exclusion removes this attendee from the base, if any (null: stays in the base). */
function exclusionOf(kind: CongressKind, a: Attendee): ExclusionCode | null {
  if (kind === 'members') {
    if (a.status === 'replaced') {
      throw modelError('Đại hội đảng viên không có đại biểu dự khuyết thay thế.');
    }
    return (members as string[]).includes(a.status) ? (a.status as ExclusionCode) : null;
  }
  if (!absentStatuses.has(a.status)) return null;
  return a.conveningCommittee ? 'convening_committee_absent' : 'delegate_absent_no_alternate';
}

/** Whether the attendee is one of the summoned who make up the base. */
function isSummoned(kind: CongressKind, a: Attendee): boolean {
  if (kind === 'members') {
    if (a.role === 'delegate' || a.role === 'alternate') {
      throw modelError('Đại hội đảng viên chỉ triệu tập đảng viên, không có đại biểu.');
    }
    // Probationary members attend but do not vote, so they are not in the base.
    return a.role === 'full_member';
  }
  if (a.role === 'full_member' || a.role === 'probationary_member') {
    throw modelError('Đại hội đại biểu chỉ triệu tập đại biểu chính thức và dự khuyết.');
  }
  // An alternate only fills the seat of a 'replaced' delegate, which stays in the base.
  return a.role === 'delegate';
}

/**
 * Members' congress: full members summoned minus those attending temporarily elsewhere, exempted
 * and absent, suspended/prosecuted/detained, and absent all congress with an accepted reason
 * (absent without a reason stay in the base). Delegates' congress: official delegates summoned
 * (convening-committee members included) minus absent convening-committee members and delegates
 * absent all congress with no alternate ('replaced' delegates stay: their alternate votes).
 * Throws a 400 for a role or status that does not exist in that kind of congress.
 */
export function thresholdBase(input: {
  kind: CongressKind;
  attendees: readonly Attendee[];
}): ThresholdBase {
  const codes = input.kind === 'members' ? members : delegates;
  const counts = new Map<ExclusionCode, number>(codes.map((c) => [c, 0]));
  let summoned = 0;
  for (const a of input.attendees) {
    if (!isSummoned(input.kind, a)) continue;
    summoned++;
    const code = exclusionOf(input.kind, a);
    if (code) counts.set(code, counts.get(code)! + 1);
  }
  const exclusions = codes.map((code) => ({
    code,
    label: exclusionLabels[code],
    count: counts.get(code)!,
  }));
  return {
    summoned,
    base: summoned - exclusions.reduce((s, e) => s + e.count, 0),
    exclusions,
    citation: thresholdBaseCitation,
  };
}

/**
 * Who is in the room and may vote: present full members (members' congress); present official
 * delegates and present alternates (delegates' congress — an alternate is marked present only
 * when seated in place of an absent delegate). Suspended people never vote.
 */
export function presentCount(input: {
  kind: CongressKind;
  attendees: readonly Attendee[];
}): number {
  let n = 0;
  for (const a of input.attendees) {
    if (a.status !== 'present') continue;
    if (
      input.kind === 'members'
        ? a.role === 'full_member'
        : a.role === 'delegate' || a.role === 'alternate'
    )
      n++;
  }
  return n;
}
