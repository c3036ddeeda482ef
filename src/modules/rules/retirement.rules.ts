import {
  addDays,
  lastDayOfMonth,
  monthIndex,
  monthOfIndex,
  monthsBetween,
} from '../../core/dates.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import type { RuleSet } from './registry.ts';
import type { ResolvedRule } from './rules.resolve.ts';

export interface RetirementFacts {
  birthDate: string;
  gender: 'male' | 'female';
}

export interface Retirement {
  /** The retirement age that applies to this person, in months (e.g. 738 = 61 tuổi 6 tháng). */
  ageMonths: number;
  /** 'yyyy-mm': the month the person reaches that age. */
  reachMonth: string;
  /** Retirement takes effect at the end of the last day of that month. */
  retirementDate: string;
  /** Pension from the first day of the next month. */
  pensionFrom: string;
  citations: Citation[];
}

const TIMING: Citation = {
  rule: 'Thời điểm nghỉ hưu là kết thúc ngày cuối cùng của tháng đủ tuổi nghỉ hưu',
  document: 'Nghị định 135/2020/NĐ-CP ngày 18/11/2020 về tuổi nghỉ hưu',
};

/** "61 tuổi 6 tháng" */
export function formatAge(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m ? `${y} tuổi ${m} tháng` : `${y} tuổi`;
}

/**
 * Statutory retirement under normal working conditions. The age rises each calendar year
 * (BLLĐ 2019: men 60y3m in 2021 + 3 months a year up to 62; women 55y4m + 4 months up to 60);
 * the age that applies is the one of the year in which the person reaches it, which is how
 * NĐ 135/2020's appendix maps birth months to ages (born 10/1961: 60y3m falls in 2022, whose
 * age is 60y6m, so he retires in 4/2022). Years before the schedule use the rules then in
 * force (BLLĐ 2012: 60 and 55). `adjustMonths` moves the date for early (negative) or late
 * (positive) retirement, checked separately against its limits.
 */
export function retirementOf(
  person: RetirementFacts,
  rules: RuleSet,
  unitPath: string,
  adjustMonths = 0,
): Retirement {
  const birth = monthIndex(person.birthDate);
  const birthYear = Number(person.birthDate.slice(0, 4));
  const used = new Map<number, ResolvedRule<number>>();
  const ageFor = (year: number) => {
    const on = `${year}-01-01`;
    const get = (key: Parameters<RuleSet['get']>[0]) => {
      const r = rules.get<number>(key, unitPath, on);
      return r;
    };
    const g = person.gender;
    const base = get(`retirement.${g}.base_months`);
    const step = get(`retirement.${g}.step_months`);
    const max = get(`retirement.${g}.max_months`);
    const start = get('retirement.schedule_start_year');
    const age = Math.min(base.value + step.value * Math.max(0, year - start.value), max.value);
    return { age, rules: [base, step, max] };
  };
  // Start at the youngest possible year; the reach year only moves forward by months.
  for (let year = birthYear + 50; year < birthYear + 80; year++) {
    const { age, rules: applied } = ageFor(year);
    const reach = birth + age;
    if (Math.floor(reach / 12) > year) continue;
    for (const r of applied) used.set(r.entryId, r);
    const reachIdx = reach + adjustMonths;
    const reachMonth = monthOfIndex(reachIdx);
    const retirementDate = lastDayOfMonth(reachMonth);
    const citations = uniqueCitations([...used.values()].map((r) => r.citation));
    return {
      ageMonths: age + adjustMonths,
      reachMonth,
      retirementDate,
      pensionFrom: addDays(retirementDate, 1),
      citations: [...citations, TIMING],
    };
  }
  throw new Error(`Không xác định được tuổi nghỉ hưu cho ngày sinh ${person.birthDate}.`);
}

/** Whole months of service left on `onDate` until the retirement date (0 when past it). */
export function serviceMonthsLeft(retirement: Retirement, onDate: string): number {
  return Math.max(0, monthsBetween(onDate, addDays(retirement.retirementDate, 1)));
}

function uniqueCitations(list: Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.rule}|${c.document}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
