import { lastDayOfMonth, monthIndex, monthOfIndex } from '../../core/dates.ts';
import type { RuleSet } from '../rules/registry.ts';
import { retirementOf } from '../rules/retirement.rules.ts';

/**
 * The birth dates of people of one gender whose statutory retirement date falls between
 * `from` and `to` (inclusive), or null when none does. The retirement date depends only on
 * the birth month and never moves earlier for a later birth month, so two binary searches
 * over birth months find the window; a dashboard then reads it through the birth-date index
 * instead of computing retirement for every member.
 */
export function retirementBirthWindow(
  gender: 'male' | 'female',
  rules: RuleSet,
  unitPath: string,
  from: string,
  to: string,
): { from: string; to: string } | null {
  const retiresOn = (birthMonth: number) => {
    try {
      return retirementOf({ birthDate: `${monthOfIndex(birthMonth)}-01`, gender }, rules, unitPath)
        .retirementDate;
    } catch {
      // No retirement rule in the registry that far back: long retired.
      return '0000-01-01';
    }
  };
  // Nobody retires younger than 40 or older than 80 under any schedule CanBo knows.
  let lo = monthIndex(from) - 80 * 12;
  let hi = monthIndex(to) - 40 * 12;
  // First birth month retiring on or after `from`.
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (retiresOn(mid) >= from) b = mid;
    else a = mid + 1;
  }
  lo = a;
  // Last birth month retiring on or before `to`.
  a = lo - 1;
  b = hi;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (retiresOn(mid) <= to) a = mid;
    else b = mid - 1;
  }
  hi = a;
  if (hi < lo) return null;
  return { from: `${monthOfIndex(lo)}-01`, to: lastDayOfMonth(monthOfIndex(hi)) };
}
