/**
 * The `rules` argument of the counting functions: every regulatory value they use, each with
 * the citation of the entry in force. Built from the shipped national catalogue (offline: the
 * `tally` CLI) or from the registry for a unit and a date (services), so the same pure code
 * runs in both places and every result can say which rule it applied.
 */
import { AppError } from '../../core/errors.ts';
import type { Citation } from '../../core/rules/verdict.ts';
import type { Db } from '../../core/db/client.ts';
import type { RuleSet } from '../rules/registry.ts';
import { ruleDefinitions, shippedRules, type RuleKey } from '../rules/rules.catalog.ts';
import { resolveEntry, toResolved, type RuleEntry } from '../rules/rules.resolve.ts';

/** One rule value and where it comes from. */
export interface RuleValue<T = number> {
  value: T;
  citation: Citation;
}

/** Every regulation parameter the election rules read (keys of the rule registry). */
export interface ElectionRules {
  /** election.elected_min_percent — elected with MORE than this % of the base (50). */
  electedMinPercent: RuleValue;
  /** election.surplus_max_percent — surplus at most this % of the seats (30). */
  surplusMaxPercent: RuleValue;
  /** election.committee_surplus_min_percent / _max_percent — the convening committee's list (10–15). */
  committeeSurplusMinPercent: RuleValue;
  committeeSurplusMaxPercent: RuleValue;
  /** election.small_body_min_seats / _max_seats / _max_surplus — a body of 3–5 seats: surplus ≤ 1. */
  smallBodyMinSeats: RuleValue;
  smallBodyMaxSeats: RuleValue;
  smallBodyMaxSurplus: RuleValue;
  /** election.floor_nomination_min_percent — a floor/self nominee needs MORE than this % of those present (30). */
  floorNominationMinPercent: RuleValue;
  /** congress.nomination_pass_percent — a name passes a nomination step with MORE than this % (50). */
  nominationPassPercent: RuleValue;
  /** congress.young_max_age_years — "young" means under this age at the reference month (40). */
  youngMaxAgeYears: RuleValue;
}

const keys: Record<keyof ElectionRules, RuleKey> = {
  electedMinPercent: 'election.elected_min_percent',
  surplusMaxPercent: 'election.surplus_max_percent',
  committeeSurplusMinPercent: 'election.committee_surplus_min_percent',
  committeeSurplusMaxPercent: 'election.committee_surplus_max_percent',
  smallBodyMinSeats: 'election.small_body_min_seats',
  smallBodyMaxSeats: 'election.small_body_max_seats',
  smallBodyMaxSurplus: 'election.small_body_max_surplus',
  floorNominationMinPercent: 'election.floor_nomination_min_percent',
  nominationPassPercent: 'congress.nomination_pass_percent',
  youngMaxAgeYears: 'congress.young_max_age_years',
};

/** The registry key behind each field, e.g. for showing the rule page of a value. */
export const electionRuleKeys: Readonly<Record<keyof ElectionRules, RuleKey>> = keys;

/**
 * The values in force for `unitPath` on `date` (yyyy-mm-dd) from a loaded rule set. Throws a
 * Vietnamese 400 error naming the rule when one is not in force on that date: counting with a
 * missing rule would give a wrong result.
 */
export function electionRulesFrom(
  set: Pick<RuleSet, 'get'>,
  unitPath: string,
  date: string,
): ElectionRules {
  const out = {} as ElectionRules;
  for (const [field, key] of Object.entries(keys) as [keyof ElectionRules, RuleKey][]) {
    let resolved;
    try {
      resolved = set.get<number>(key, unitPath, date);
    } catch (err) {
      throw new AppError(400, 'RULE_MISSING', err instanceof Error ? err.message : String(err));
    }
    out[field] = { value: Number(resolved.value), citation: resolved.citation };
  }
  return out;
}

/**
 * Offline: the national entries CanBo ships, in force on `date` (the CLI uses today). Resolved
 * here rather than through registry.ts, which loads the database layer the offline counting
 * station does not need (the same entries and the same resolution as `shippedRuleSet`).
 */
export function shippedElectionRules(date: string): ElectionRules {
  const entries: RuleEntry[] = shippedRules.map((r, i) => ({
    id: -(i + 1),
    key: r.key,
    value: r.value,
    valueUnit: ruleDefinitions[r.key].valueUnit,
    document: r.document,
    article: r.article ?? '',
    unitPath: '',
    validFrom: r.validFrom,
    validTo: r.validTo ?? null,
  }));
  const set: Pick<RuleSet, 'get'> = {
    get<T>(key: RuleKey, unitPath: string, on: string) {
      const entry = resolveEntry(entries, key, unitPath, on);
      if (!entry) {
        throw new Error(
          `Chưa có quy định "${ruleDefinitions[key].title}" (${key}) có hiệu lực ngày ${on}.`,
        );
      }
      return toResolved<T>(entry);
    },
  };
  return electionRulesFrom(set, '', date);
}

/** Online: the registry (with local overrides) for the unit holding the election, on `date`. */
export async function loadElectionRules(
  db: Db,
  unitPath: string,
  date: string,
): Promise<ElectionRules> {
  const { loadRules } = await import('../rules/registry.ts');
  return electionRulesFrom(await loadRules(db), unitPath, date);
}
