import { QD65 } from '../rules/rules.catalog.ts';
/**
 * Tenure, term limits, retirement, eligibility and local/non-local status: pure functions of
 * the facts and the rule registry, each returning a status, a Vietnamese explanation and the
 * rules it used. The dashboard, the member tab and the statistic all call these.
 */
import type { CheckDto } from '../../contracts/posts.ts';
import type { PostLevel } from '../../contracts/enums.ts';
import { addDays, monthsBetween } from '../../core/dates.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import { formatDate, searchKey } from '../../core/vietnamese/index.ts';
import { addMonths } from '../../core/dates.ts';
import type { RuleSet } from '../rules/registry.ts';
import { ruleDefinitions } from '../rules/rules.catalog.ts';
import { formatRuleValue, type ResolvedRule } from '../rules/rules.resolve.ts';
import {
  formatAge,
  retirementOf,
  serviceMonthsLeft,
  type Retirement,
} from '../rules/retirement.rules.ts';

/** A check as the API shows it, plus the date a limit falls due (for sorting and export). */
export type Check = CheckDto & { dueDate?: string };

/** One appointment as tenure rules need it. */
export interface TenureAppointment {
  id: number;
  postTitleId: number;
  postTitleName: string;
  unitId: number;
  unitPath: string;
  unitName: string;
  startDate: string;
  endDate: string | null;
  term: string;
  level: PostLevel;
  isKey: boolean;
}

/**
 * Same day of the month `n` months later (or earlier), clamped to the month's last day: the
 * members module's one implementation, re-exported for this module's callers (its natural
 * home is src/core/dates.ts).
 */

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const inForce = (a: { startDate: string; endDate: string | null }, date: string) =>
  a.startDate <= date && (a.endDate === null || a.endDate >= date);

const months = (n: number) => `${n.toLocaleString('vi-VN')} tháng`;
const sourceOf = (r: ResolvedRule<unknown>) => r.citation.document;
const uniq = (list: Citation[]) => {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.rule}|${c.document}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};
const check = (
  status: Check['status'],
  message: string,
  citations: Citation[] = [],
  dueDate?: string,
): Check => ({ status, message, citations: uniq(citations), ...(dueDate ? { dueDate } : {}) });

// ─── Continuous run in one post in one place ─────────────────────────────────────────────

export interface Run {
  /** Start of the unbroken run that ends with the given appointment. */
  since: string;
  /** The appointments of the run, oldest first. */
  parts: TenureAppointment[];
  /** Whole months from `since` to the reference date (or the run's end, if earlier). */
  months: number;
  /** Consecutive terms: distinct term labels, or estimated from the length when unlabelled. */
  terms: number;
  termsEstimated: boolean;
  citations: Citation[];
}

/**
 * The unbroken run in the same post in the same unit that `appointment` belongs to: earlier
 * appointments of the person to that post there, each ending no more than
 * `tenure.consecutive_gap_days` before the next one starts (overlaps count as continuous).
 */
export function runOf(
  appointment: TenureAppointment,
  all: readonly TenureAppointment[],
  rules: RuleSet,
  date: string,
): Run {
  // Before any gap rule was in force only overlapping or back-to-back appointments join.
  const gap = rules.find<number>('tenure.consecutive_gap_days', appointment.unitPath, date);
  const same = all
    .filter(
      (a) =>
        a.postTitleId === appointment.postTitleId &&
        a.unitId === appointment.unitId &&
        a.startDate <= appointment.startDate,
    )
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id - b.id));
  const parts: TenureAppointment[] = [appointment];
  let since = appointment.startDate;
  for (let i = same.length - 1; i >= 0; i--) {
    const prev = same[i]!;
    if (prev.id === appointment.id || parts.includes(prev)) continue;
    const joined =
      prev.endDate === null || daysBetween(prev.endDate, since) - 1 <= (gap?.value ?? 0);
    if (!joined) break;
    parts.unshift(prev);
    if (prev.startDate < since) since = prev.startDate;
  }
  const end =
    appointment.endDate !== null && appointment.endDate < date ? appointment.endDate : date;
  const runMonths = Math.max(0, monthsBetween(since, end));
  const labels = new Set(parts.map((p) => p.term).filter(Boolean));
  const termLength = rules.find<number>('congress.term_months', appointment.unitPath, date);
  let terms = labels.size;
  let termsEstimated = false;
  const citations: Citation[] = parts.length > 1 && gap ? [gap.citation] : [];
  if (parts.some((p) => !p.term) && termLength) {
    const estimate = Math.max(1, Math.ceil(runMonths / termLength.value));
    if (estimate > terms) {
      terms = estimate;
      termsEstimated = true;
      citations.push(termLength.citation);
    }
  }
  return { since, parts, months: runMonths, terms: Math.max(terms, 1), termsEstimated, citations };
}

// ─── Term limit ──────────────────────────────────────────────────────────────────────────

const rank: Record<Check['status'], number> = {
  none: 0,
  unknown: 0,
  ok: 1,
  local: 1,
  nonlocal: 1,
  near: 2,
  ineligible: 3,
  over: 3,
  retired: 3,
};

/** ok / near / over against a limit in months counted from `since`. */
function monthLimit(
  what: string,
  run: Run,
  limit: ResolvedRule<number>,
  warn: ResolvedRule<number> | undefined,
  date: string,
): Check {
  const limitDate = addMonths(run.since, limit.value);
  const held = `${what} ${months(run.months)} (liên tục từ ${formatDate(run.since)})`;
  const limitText = `${formatRuleValue(limit.value, 'months')} theo ${sourceOf(limit)}`;
  if (date > limitDate) {
    return check(
      'over',
      `${held} > ${limitText}; đã quá giới hạn từ ${formatDate(addDays(limitDate, 1))}`,
      [limit.citation, ...run.citations],
      limitDate,
    );
  }
  if (warn && date >= addMonths(limitDate, -warn.value)) {
    const left = monthsBetween(date, limitDate);
    return check(
      'near',
      `${held}; đến ${formatDate(limitDate)} đủ ${limitText} (còn ${months(left)}, trong ngưỡng cảnh báo ${months(warn.value)})`,
      [limit.citation, warn.citation, ...run.citations],
      limitDate,
    );
  }
  return check(
    'ok',
    `${held}; giới hạn ${limitText}, đến ${formatDate(limitDate)}`,
    [limit.citation, ...run.citations],
    limitDate,
  );
}

/**
 * Term-limit status of an appointment on `date`, resolving the rules in force then for the
 * unit where the post is held:
 * - heads of key posts: `tenure.max_consecutive_terms` (QĐ 65) and `tenure.max_months_head`;
 * - any head or deputy where a locality sets its own limit (`tenure.max_months_head` /
 *   `tenure.max_months_deputy` overridden for the subtree, e.g. Tây Hồ's 8 and 5 years).
 * The national month limit only concerns key posts; a local override applies to all heads
 * (or deputies) of its subtree.
 */
export function termLimitCheck(
  appointment: TenureAppointment,
  run: Run,
  rules: RuleSet,
  date: string,
): Check {
  const path = appointment.unitPath;
  const warn = rules.find<number>('tenure.warning_months', path, date);
  const checks: Check[] = [];
  const what = `Giữ chức vụ ${appointment.postTitleName}`;
  if (appointment.level === 'head') {
    const limit = rules.find<number>('tenure.max_months_head', path, date);
    if (limit && (appointment.isKey || limit.unitPath !== '')) {
      checks.push(monthLimit(what, run, limit, warn, date));
    }
    const terms = appointment.isKey
      ? rules.find<number>('tenure.max_consecutive_terms', path, date)
      : undefined;
    if (terms) {
      const count = `${run.terms} nhiệm kỳ liên tiếp${run.termsEstimated ? ' (ước tính theo thời gian giữ chức vụ)' : ''}`;
      const cite = [terms.citation, ...run.citations];
      if (run.terms > terms.value) {
        checks.push(
          check('over', `Đã giữ ${count} > ${terms.value} nhiệm kỳ theo ${sourceOf(terms)}`, cite),
        );
      } else if (run.terms === terms.value) {
        checks.push(
          check(
            'ok',
            `Đang ở nhiệm kỳ liên tiếp thứ ${run.terms}/${terms.value} theo ${sourceOf(terms)}: không tiếp tục giữ chức vụ này ở đây nhiệm kỳ sau`,
            cite,
          ),
        );
      } else {
        checks.push(check('ok', `${count} / tối đa ${terms.value} theo ${sourceOf(terms)}`, cite));
      }
    }
  } else if (appointment.level === 'deputy') {
    const limit = rules.find<number>('tenure.max_months_deputy', path, date);
    if (limit) checks.push(monthLimit(what, run, limit, warn, date));
  }
  if (!checks.length) {
    return check(
      'none',
      `Không có giới hạn thời gian giữ chức vụ ${appointment.postTitleName} theo các quy định đang áp dụng ngày ${formatDate(date)}`,
    );
  }
  const worst = Math.max(...checks.map((c) => rank[c.status]));
  const shown = checks.filter((c) => rank[c.status] === worst);
  const due = shown
    .map((c) => c.dueDate)
    .filter((d): d is string => !!d)
    .sort()[0];
  return check(
    shown[0]!.status,
    shown.map((c) => c.message).join('; '),
    checks.flatMap((c) => c.citations),
    due,
  );
}

/**
 * Periodic change of position (NĐ 59/2019): a non-key post held in the same place longer
 * than `position_change.max_months`. Key posts follow the term limit instead.
 */
export function samePostCheck(
  appointment: TenureAppointment,
  run: Run,
  rules: RuleSet,
  date: string,
): Check {
  if (appointment.isKey) {
    return check(
      'none',
      'Chức danh chủ chốt: xét theo giới hạn nhiệm kỳ, không xét chuyển đổi vị trí',
    );
  }
  const limit = rules.find<number>('position_change.max_months', appointment.unitPath, date);
  if (!limit) {
    return check(
      'none',
      `Chưa có quy định về thời hạn chuyển đổi vị trí có hiệu lực ngày ${formatDate(date)}`,
    );
  }
  const warn = rules.find<number>('tenure.warning_months', appointment.unitPath, date);
  return monthLimit(`Giữ vị trí ${appointment.postTitleName}`, run, limit, warn, date);
}

// ─── Retirement and eligibility ──────────────────────────────────────────────────────────

export interface Person {
  birthDate: string;
  gender: string;
}

export interface RetirementCheck {
  retirement: Retirement | null;
  monthsLeft: number | null;
  check: Check;
}

export function retirementCheck(
  person: Person,
  rules: RuleSet,
  unitPath: string,
  date: string,
): RetirementCheck {
  if (person.gender !== 'male' && person.gender !== 'female') {
    return {
      retirement: null,
      monthsLeft: null,
      check: check('unknown', 'Chưa rõ giới tính nên chưa xác định được tuổi nghỉ hưu'),
    };
  }
  let ret: Retirement;
  try {
    ret = retirementOf({ birthDate: person.birthDate, gender: person.gender }, rules, unitPath);
  } catch (e) {
    return {
      retirement: null,
      monthsLeft: null,
      check: check('unknown', e instanceof Error ? e.message : String(e)),
    };
  }
  const left = serviceMonthsLeft(ret, date);
  const age = formatAge(ret.ageMonths);
  const when = `hết ngày ${formatDate(ret.retirementDate)} (đủ ${age}), hưởng lương hưu từ ${formatDate(ret.pensionFrom)}`;
  if (date > ret.retirementDate) {
    return {
      retirement: ret,
      monthsLeft: 0,
      check: check('retired', `Đã đến tuổi nghỉ hưu: ${when}`, ret.citations, ret.retirementDate),
    };
  }
  const warn = rules.find<number>('tenure.warning_months', unitPath, date);
  const near = warn !== undefined && ret.retirementDate <= addMonths(date, warn.value);
  return {
    retirement: ret,
    monthsLeft: left,
    check: check(
      near ? 'near' : 'ok',
      `Nghỉ hưu ${when}; còn ${months(left)} công tác`,
      near ? [...ret.citations, warn.citation] : ret.citations,
      ret.retirementDate,
    ),
  };
}

/**
 * "Còn 41 tháng công tác < 48 tháng theo Chỉ thị 45-CT/TW…": whether the service left on
 * `date` reaches the minimum a rule sets (first-time committee membership, re-election).
 */
export function serviceLeftCheck(
  key: 'congress.first_time_min_service_months' | 'congress.reelection_min_service_months',
  what: string,
  retirement: RetirementCheck,
  rules: RuleSet,
  unitPath: string,
  date: string,
): Check {
  const min = rules.find<number>(key, unitPath, date);
  if (!min) {
    return check(
      'unknown',
      `Chưa có quy định "${ruleDefinitions[key].title}" có hiệu lực ngày ${formatDate(date)}`,
    );
  }
  if (retirement.monthsLeft === null || !retirement.retirement) {
    return check('unknown', retirement.check.message, [min.citation]);
  }
  const left = retirement.monthsLeft;
  const cites = [min.citation, ...retirement.retirement.citations];
  const limit = `${formatRuleValue(min.value, 'months')} theo ${sourceOf(min)}`;
  return left >= min.value
    ? check('ok', `Còn ${months(left)} công tác ≥ ${limit}: đủ điều kiện ${what}`, cites)
    : check(
        'ineligible',
        `Còn ${months(left)} công tác < ${limit}: không đủ điều kiện ${what}`,
        cites,
      );
}

// ─── Local / non-local ───────────────────────────────────────────────────────────────────

export interface HomeFacts {
  hometownCommune: string | null;
  hometownProvince: string | null;
  residence: string | null;
}

export interface PlaceFacts {
  /** The unit's locality: "Xã Tứ Hiệp" (commune level) or "Hà Nội" (province level). */
  locality: string;
  /** The province the unit lies in, when known ("Hà Nội"). */
  province: string | null;
}

const COMMUNE_PREFIXES = ['xa ', 'phuong ', 'thi tran ', 'dac khu '];
/** District level (before 1/7/2025): CanBo holds no district of quê quán to compare with. */
const DISTRICT_PREFIXES = ['huyen ', 'quan ', 'thi xa '];
const PROVINCE_PREFIXES = ['tinh ', 'thanh pho ', 'tp. ', 'tp '];

/** Folded place name without its administrative prefix and anything after a comma. */
export function placeKey(s: string): string {
  let k = searchKey(s.split(',')[0] ?? '');
  for (const p of [...COMMUNE_PREFIXES, ...PROVINCE_PREFIXES]) {
    if (k.startsWith(p)) {
      k = k.slice(p.length);
      break;
    }
  }
  return k.trim();
}

export const isCommuneLocality = (locality: string) =>
  COMMUNE_PREFIXES.some((p) => searchKey(locality).startsWith(p));

const NONLOCAL_POLICY: Citation = {
  rule: 'Bố trí chức danh chủ chốt không là người địa phương',
  document: QD65,
};

/**
 * Whether the holder counts as a local of the place. Commune-level units (locality "Xã …",
 * "Phường …") compare the commune of the person's quê quán (and the province when both are
 * known); province-level units compare the province; district-level ones ("Huyện …", "Quận …")
 * stay undetermined, as CanBo holds no district of quê quán. The basis is the rule `nonlocal.basis`:
 * 'hometown' (default) or 'hometown_or_residence', where a current residence in the locality
 * also makes a local; CanBo holds no date the residence began, so that basis cannot check the
 * `nonlocal.long_residence_years` minimum and says so.
 */
export function localityCheck(
  person: HomeFacts,
  place: PlaceFacts,
  rules: RuleSet,
  unitPath: string,
  date: string,
): Check {
  const basis = rules.find<string>('nonlocal.basis', unitPath, date);
  const cites = [NONLOCAL_POLICY, ...(basis ? [basis.citation] : [])];
  const locality = place.locality.trim();
  if (!locality) return check('unknown', 'Tổ chức chưa ghi địa bàn nên chưa xác định được', cites);
  const commune = isCommuneLocality(locality);
  const district = !commune && DISTRICT_PREFIXES.some((p) => searchKey(locality).startsWith(p));
  const home = district ? null : commune ? person.hometownCommune : person.hometownProvince;
  const homeText = [person.hometownCommune, person.hometownProvince].filter(Boolean).join(', ');
  let local: boolean | null = null;
  if (home) {
    local = placeKey(home) === placeKey(locality);
    if (local && commune && place.province && person.hometownProvince) {
      local = placeKey(person.hometownProvince) === placeKey(place.province);
    }
  }
  if (!local && basis?.value === 'hometown_or_residence' && person.residence) {
    const there = searchKey(person.residence).includes(searchKey(locality));
    if (there) {
      const years = rules.find<number>('nonlocal.long_residence_years', unitPath, date);
      return check(
        'local',
        `Nơi ở hiện nay (${person.residence}) thuộc địa bàn ${locality}: tính là người địa phương${years ? ` (quy định yêu cầu cư trú từ ${formatRuleValue(years.value, 'years')}; CanBo chưa lưu ngày bắt đầu cư trú nên chưa kiểm được)` : ''}`,
        [...cites, ...(years ? [years.citation] : [])],
      );
    }
  }
  if (local === null && district) {
    return check(
      'unknown',
      `${locality} là địa bàn cấp huyện: CanBo chỉ lưu quê quán cấp xã và cấp tỉnh nên chưa xác định được là người địa phương hay không`,
      cites,
    );
  }
  if (local === null) {
    return check(
      'unknown',
      `Chưa ghi quê quán (${commune ? 'xã, phường' : 'tỉnh, thành phố'}) nên chưa xác định được là người địa phương của ${locality} hay không`,
      cites,
    );
  }
  return local
    ? check('local', `Quê quán ${homeText} thuộc địa bàn ${locality}: là người địa phương`, cites)
    : check(
        'nonlocal',
        `Quê quán ${homeText} ngoài địa bàn ${locality}: không là người địa phương`,
        cites,
      );
}
