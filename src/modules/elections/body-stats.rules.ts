/**
 * Statistics of an election list and of an elected body, as the personnel plan and the results
 * announcement report them (seed 001: 81 for 71 seats → surplus 14,08%; 47 re-elected =
 * 58,02%; 34 first-time = 41,98%, both of the list). Ages are taken at the congress's age
 * reference month (CT 45-CT/TW), "young" from `congress.young_max_age_years`.
 */
import { monthIndex } from '../../core/dates.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import type { ElectionRules } from './election-rule-values.ts';
import { percentOf } from './tally.rules.ts';

export interface PersonFacts {
  id: string;
  gender: 'male' | 'female';
  /** yyyy-mm-dd (or yyyy-mm). */
  birthDate: string;
  ethnicMinority: boolean;
  /** Member of the outgoing body standing again (tái cử); false = first time (lần đầu). */
  incumbent: boolean;
}

export interface Share {
  count: number;
  /** Of the group's size, two decimals. */
  percent: number;
}

export interface GroupStats {
  size: number;
  reElected: Share;
  firstTime: Share;
  women: Share;
  young: Share;
  ethnicMinority: Share;
  /** Years at the reference month, two decimals; null for an empty group. */
  averageAge: number | null;
}

export interface BodyStats {
  seats: number;
  candidates: number;
  /** Names over the seats and their percentage of the seats (10 → 14.08). */
  surplus: Share;
  list: GroupStats;
  /** Present when the elected are given. */
  elected: GroupStats | null;
  referenceMonth: string;
  citations: Citation[];
}

/** Whole months of age at the reference month ('yyyy-mm'): born 1985-04 → 480 at 2025-04. */
export function ageMonthsAt(birthDate: string, referenceMonth: string): number {
  return monthIndex(referenceMonth) - monthIndex(birthDate);
}

const share = (count: number, of: number): Share => ({ count, percent: percentOf(count, of) });

/** The statistics of one group of people (a list or an elected body). */
export function groupStats(
  people: readonly PersonFacts[],
  referenceMonth: string,
  rules: Pick<ElectionRules, 'youngMaxAgeYears'>,
): GroupStats {
  const n = people.length;
  const youngBelow = rules.youngMaxAgeYears.value * 12;
  let incumbents = 0;
  let women = 0;
  let young = 0;
  let minority = 0;
  let ageSum = 0;
  for (const p of people) {
    const age = ageMonthsAt(p.birthDate, referenceMonth);
    if (p.incumbent) incumbents++;
    if (p.gender === 'female') women++;
    if (p.ethnicMinority) minority++;
    if (age < youngBelow) young++;
    ageSum += age;
  }
  return {
    size: n,
    reElected: share(incumbents, n),
    firstTime: share(n - incumbents, n),
    women: share(women, n),
    young: share(young, n),
    ethnicMinority: share(minority, n),
    averageAge: n ? Math.round((ageSum / 12 / n) * 100) / 100 : null,
  };
}

/**
 * The list's statistics (and the elected body's when `electedIds` is given). Surplus is the
 * names over the seats as a percentage of the seats.
 */
export function bodyStats(input: {
  seats: number;
  list: readonly PersonFacts[];
  electedIds?: readonly string[];
  referenceMonth: string;
  rules: Pick<ElectionRules, 'youngMaxAgeYears'>;
}): BodyStats {
  const { seats, list, referenceMonth, rules } = input;
  const elected = input.electedIds
    ? (() => {
        const ids = new Set(input.electedIds);
        return list.filter((p) => ids.has(p.id));
      })()
    : null;
  return {
    seats,
    candidates: list.length,
    surplus: share(Math.max(0, list.length - seats), seats),
    list: groupStats(list, referenceMonth, rules),
    elected: elected ? groupStats(elected, referenceMonth, rules) : null,
    referenceMonth,
    citations: [rules.youngMaxAgeYears.citation],
  };
}
