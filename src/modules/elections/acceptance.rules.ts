/**
 * When an election's results may be approved (chuẩn y) and which post the elected then hold.
 * QĐ 190-QĐ/TW: the results of electing a committee, its standing committee, secretary,
 * deputies and inspection committee are approved by the level above; only then do the elected
 * take up the posts. CanBo records the approval only for results that are final: every round
 * closed (frozen), none left waiting for the presidium, none expecting another round.
 */
import type { BodyKind } from '../../contracts/congress.ts';
import type { RoundDecisionKind, RoundStatus } from '../../contracts/elections.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { allow, dataCheck, deny, type Citation, type Verdict } from '../../core/rules/verdict.ts';
import { QD190 } from '../rules/rules.catalog.ts';

export const APPROVAL_RULE: Citation = {
  rule: 'Kết quả bầu cấp ủy, ban thường vụ, bí thư, phó bí thư, ủy ban kiểm tra phải được cấp ủy cấp trên trực tiếp chuẩn y',
  document: QD190,
};
const FINAL_RULE = dataCheck(
  'Chỉ chuẩn y kết quả đã khóa: mọi vòng bầu đã kết thúc, không còn việc chờ Đoàn Chủ tịch quyết định',
);
const DATE_RULE = dataCheck(
  'Ngày chuẩn y không trước ngày kết thúc bầu cử và không sau ngày hôm nay',
);

/**
 * The post title (catalogue code) each elected body's members hold. Delegates to the higher
 * congress hold no post, so their results create none.
 */
export const postCodeOfBody: Record<BodyKind, string | null> = {
  executive_committee: 'UV-BCH',
  standing_committee: 'UV-BTV',
  secretary: 'BT',
  deputy_secretary: 'PBT',
  inspection_committee: 'UV-UBKT',
  inspection_chair: 'CN-UBKT',
  higher_delegates: null,
};

export interface RoundFacts {
  number: number;
  status: RoundStatus;
  needsDecision: boolean;
  decision: RoundDecisionKind | null;
}

/** Every reason the results cannot be approved yet (empty: they can). */
export function acceptanceBlockers(input: {
  bodyKind: string;
  bodyName: string;
  rounds: readonly RoundFacts[];
  accepted: boolean;
  elected: readonly { fullName: string; memberId: number | null }[];
}): Verdict[] {
  const out: Verdict[] = [];
  if (input.accepted) {
    out.push(deny('Kết quả bầu cử này đã được chuẩn y', [APPROVAL_RULE]));
    return out;
  }
  if (postCodeOfBody[input.bodyKind as BodyKind] == null) {
    out.push(
      deny(
        `${input.bodyName} không phải là chức vụ; kết quả không tạo chức vụ cho người trúng cử`,
        [APPROVAL_RULE],
      ),
    );
  }
  const live = input.rounds.filter((r) => r.status !== 'annulled');
  if (!live.some((r) => r.status === 'closed')) {
    out.push(deny('Chưa có vòng bầu nào kết thúc (khóa kết quả)', [FINAL_RULE]));
  }
  for (const r of live) {
    if (r.status === 'open') {
      out.push(deny(`Vòng bầu thứ ${r.number} chưa kết thúc`, [FINAL_RULE]));
    } else if (r.needsDecision && !r.decision) {
      out.push(
        deny(`Vòng bầu thứ ${r.number} đang chờ Đoàn Chủ tịch quyết định bầu tiếp hay dừng`, [
          FINAL_RULE,
        ]),
      );
    }
  }
  const last = live.at(-1);
  if (last?.status === 'closed' && last.decision === 'another_round') {
    out.push(
      deny(
        `Đoàn Chủ tịch đã quyết định bầu tiếp sau vòng thứ ${last.number} nhưng vòng sau chưa được tổ chức`,
        [FINAL_RULE],
      ),
    );
  }
  if (live.some((r) => r.status === 'closed') && !input.elected.length) {
    out.push(deny('Không có đồng chí nào trúng cử', [FINAL_RULE]));
  }
  const noRecord = input.elected.filter((e) => e.memberId === null).map((e) => e.fullName);
  if (noRecord.length) {
    out.push(
      deny(
        `Chưa gắn hồ sơ đảng viên cho người trúng cử: ${noRecord.join(', ')}; không thể tạo chức vụ`,
        [dataCheck('Chức vụ chỉ ghi cho người có hồ sơ đảng viên')],
      ),
    );
  }
  return out;
}

/** The approval date: not before the last round closed, not in the future. */
export function checkDecisionDate(
  decisionDate: string,
  lastClosedOn: string,
  today: string,
): Verdict {
  if (decisionDate < lastClosedOn) {
    return deny(
      `Ngày chuẩn y ${formatDate(decisionDate)} trước ngày kết thúc bầu cử ${formatDate(lastClosedOn)}`,
      [DATE_RULE],
    );
  }
  if (decisionDate > today) {
    return deny(`Ngày chuẩn y ${formatDate(decisionDate)} sau ngày hôm nay`, [DATE_RULE]);
  }
  return allow();
}
