/** Checks on one appointment record: pure, each refusal with the rule and its source. */
import type { AppointmentMethod } from '../../contracts/enums.ts';
import { allow, dataCheck, deny, type Verdict } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { addMonths } from '../../core/dates.ts';

export interface AppointmentFacts {
  id?: number;
  postTitleId: number;
  unitId: number;
  startDate: string;
  endDate: string | null;
  decisionDate: string | null;
  method: AppointmentMethod;
  endReason: string;
}

export interface Problem {
  field: string;
  verdict: Verdict;
}

const ADULT_AGE_YEARS = 18;

/** Dates of the appointment itself, and against the person's age. */
export function checkAppointmentDates(
  a: AppointmentFacts,
  person: { birthDate: string; fullName: string },
): Problem[] {
  const problems: Problem[] = [];
  if (a.endDate !== null && a.endDate < a.startDate) {
    problems.push({
      field: 'endDate',
      verdict: deny(
        `Ngày thôi giữ chức vụ (${formatDate(a.endDate)}) trước ngày bắt đầu (${formatDate(a.startDate)})`,
        [dataCheck('Ngày kết thúc không trước ngày bắt đầu')],
      ),
    });
  }
  // An election is approved (chuẩn y) after it is held, so only other methods need the
  // decision first.
  if (a.decisionDate !== null && a.method !== 'elected' && a.decisionDate > a.startDate) {
    problems.push({
      field: 'decisionDate',
      verdict: deny(
        `Ngày quyết định (${formatDate(a.decisionDate)}) sau ngày bắt đầu giữ chức vụ (${formatDate(a.startDate)}); chỉ chức vụ do bầu mới được chuẩn y sau`,
        [dataCheck('Quyết định bổ nhiệm, điều động, chỉ định có trước ngày nhận nhiệm vụ')],
      ),
    });
  }
  const adult = addMonths(person.birthDate, ADULT_AGE_YEARS * 12);
  if (a.startDate < adult) {
    problems.push({
      field: 'startDate',
      verdict: deny(
        `${person.fullName} sinh ngày ${formatDate(person.birthDate)}, đến ${formatDate(a.startDate)} chưa đủ ${ADULT_AGE_YEARS} tuổi`,
        [dataCheck(`Người giữ chức vụ đã đủ ${ADULT_AGE_YEARS} tuổi`)],
      ),
    });
  }
  if (a.endReason && a.endDate === null) {
    problems.push({
      field: 'endReason',
      verdict: deny('Có lý do thôi giữ chức vụ nhưng chưa có ngày thôi giữ chức vụ', [
        dataCheck('Lý do thôi giữ chức vụ đi cùng ngày thôi giữ chức vụ'),
      ]),
    });
  }
  return problems;
}

/** The unit must exist on the start date, and an appointment cannot outlive its unit. */
export function checkUnitInForce(
  a: Pick<AppointmentFacts, 'startDate' | 'endDate'>,
  unit: { name: string; validFrom: string; validTo: string | null },
): Verdict {
  const rule = [dataCheck('Chức vụ giữ tại tổ chức đang hoạt động')];
  if (a.startDate < unit.validFrom) {
    return deny(
      `${unit.name} được thành lập từ ${formatDate(unit.validFrom)}, sau ngày bắt đầu ${formatDate(a.startDate)}`,
      rule,
    );
  }
  if (unit.validTo !== null) {
    if (a.startDate > unit.validTo) {
      return deny(
        `${unit.name} đã kết thúc hoạt động ngày ${formatDate(unit.validTo)}, trước ngày bắt đầu ${formatDate(a.startDate)}`,
        rule,
      );
    }
    if (a.endDate === null || a.endDate > unit.validTo) {
      return deny(
        `${unit.name} kết thúc hoạt động ngày ${formatDate(unit.validTo)}: hãy ghi ngày thôi giữ chức vụ không sau ngày đó`,
        rule,
      );
    }
  }
  return allow();
}

const overlaps = (
  a: { startDate: string; endDate: string | null },
  b: { startDate: string; endDate: string | null },
) => a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

/** One person cannot hold the same post in the same unit twice at once. */
export function checkNoOverlap(
  a: AppointmentFacts,
  others: readonly (Pick<AppointmentFacts, 'postTitleId' | 'unitId' | 'startDate' | 'endDate'> & {
    id: number;
  })[],
  names: { post: string; unit: string },
): Verdict {
  const clash = others.find(
    (o) =>
      o.id !== a.id && o.postTitleId === a.postTitleId && o.unitId === a.unitId && overlaps(a, o),
  );
  if (!clash) return allow();
  const until = clash.endDate ? `đến ${formatDate(clash.endDate)}` : 'đến nay';
  return deny(
    `Đã có lần giữ chức vụ ${names.post} tại ${names.unit} từ ${formatDate(clash.startDate)} ${until}, trùng thời gian với lần này`,
    [
      dataCheck(
        'Một người không giữ cùng một chức vụ tại cùng một tổ chức hai lần trùng thời gian',
      ),
    ],
  );
}
