/**
 * Rating the staged individuals of "rate a year" by band (see evaluation.bands.repo.ts): the
 * pure rules run once per band, the quota once per unit with "xuất sắc" people, and one INSERT
 * writes every decision. Nothing here decides a rating by itself: every verdict comes from
 * rateScoreBand / quotaDemotions / demotedByQuota of evaluation.rules.ts.
 */
import type { Db } from '../../core/db/client.ts';
import type { RuleSet } from '../rules/registry.ts';
import type { ResolvedRule } from '../rules/rules.resolve.ts';
import * as bands from './evaluation.bands.repo.ts';
import * as repo from './evaluation.repo.ts';
import {
  demotedByQuota,
  excellentQuota,
  quotaDemotions,
  ratingRuleHead,
  ratingRulesFor,
  rateScoreBand,
  scoreThresholds,
  type Rating,
  type RatingRules,
  type TaskCounts,
} from './evaluation.rules.ts';

interface RuleSetInForce {
  rating: RatingRules;
  quota: ResolvedRule<number> | undefined;
}

/** The rule-text head of every score in the bands' range, a hundredth apart (scores have 2 decimals). */
function headsFor(found: bands.Band[]) {
  if (!found.length) return { lowest: 0, heads: [] };
  const low = Math.round(Math.min(...found.map((b) => b.minScore)) * 100);
  const high = Math.round(Math.max(...found.map((b) => b.maxScore)) * 100);
  const heads = Array.from({ length: high - low + 1 }, (_, i) => ratingRuleHead((low + i) / 100));
  return { lowest: low, heads };
}

/** Units resolving to the same rule entries share a rule set (thresholds, citations, quota). */
export function unitRuleSets(unitRows: { id: number; path: string }[], rules: RuleSet, on: string) {
  const sets: RuleSetInForce[] = [];
  const seen = new Map<string, number>();
  const units: bands.UnitRuleSets = { unitIds: [], ruleSets: [], thresholds: [] };
  for (const u of unitRows) {
    const rating = ratingRulesFor(rules, u.path, on);
    const quota = rules.find('evaluation.excellent_quota_percent', u.path, on);
    const id = [...Object.values(rating), quota].map((r) => r?.entryId ?? 0).join(',');
    let i = seen.get(id);
    if (i === undefined) {
      i = sets.push({ rating, quota }) - 1;
      seen.set(id, i);
    }
    const t = scoreThresholds(rating);
    units.unitIds.push(u.id);
    units.ruleSets.push(i);
    units.thresholds.push([t[0]!, t[1] ?? null, t[2] ?? null]);
  }
  return { sets, units };
}

export interface BandRatingResult {
  rated: number;
  byRating: Partial<Record<Rating, number>>;
  movedByQuota: number;
  quotaRule: string;
}

/** Rates the individuals staged with `ruleSets` (see unitRuleSets and stageCandidates). */
export async function rateStagedIndividuals(
  db: Db,
  o: { periodId: number; ruleSets: ReturnType<typeof unitRuleSets>; actorName: string },
): Promise<BandRatingResult> {
  const { sets, units } = o.ruleSets;
  const found = await bands.stagedBands(db);
  const verdicts = found.map((band) => {
    const [set, , total, exceeded, onTime, late, notDone, open] = band.key.split(',').map(Number);
    const tasks: TaskCounts = {
      total: total!,
      exceeded: exceeded!,
      onTime: onTime!,
      late: late!,
      notDone: notDone!,
      open: open!,
    };
    return { band, set: sets[set!]!, tasks, ...rateScoreBand(band, tasks, sets[set!]!.rating) };
  });

  // The quota: only the "xuất sắc" people are read back, with their units' new counts.
  const keysRated = (...r: Rating[]) =>
    verdicts.filter((v) => r.includes(v.rating)).map((v) => v.band.key);
  const excellentKeys = keysRated('excellent');
  let demoted = new Set<number>();
  let quotaApplied: ResolvedRule<number> | undefined;
  const unitSet = new Map(units.unitIds.map((u, i) => [u, sets[units.ruleSets[i]!]!]));
  if (excellentKeys.length) {
    const excellent = await bands.stagedInBands(db, excellentKeys);
    const newGoodOrAbove = await bands.stagedCountsByUnit(db, keysRated('excellent', 'good'));
    const prior = await bands.stagedPriorCounts(db);
    demoted = quotaDemotions(
      excellent,
      (u) => newGoodOrAbove.get(u) ?? 0,
      (u, n) => {
        const quota = unitSet.get(u)!.quota;
        return quota ? excellentQuota(n, quota.value) : Number.MAX_SAFE_INTEGER;
      },
      (u) => prior.get(u) ?? { excellent: 0, goodOrAbove: 0 },
    );
    const first = excellent.find((r) => demoted.has(r.id));
    quotaApplied = first && unitSet.get(first.unitId)!.quota;
  }

  // Each band's basis, and its basis when moved down by the quota: saved once each.
  const bases: { tail: string; citations: string; taskCounts: string }[] = [];
  const byRating: Partial<Record<Rating, number>> = {};
  const quotaBasis: (number | null)[] = [];
  for (const x of verdicts) {
    const taskCounts = JSON.stringify(x.tasks);
    bases.push({ tail: x.tail, citations: JSON.stringify(x.citations), taskCounts });
    byRating[x.rating] = (byRating[x.rating] ?? 0) + x.band.count;
    if (x.rating === 'excellent' && x.set.quota) {
      const head = ratingRuleHead(x.band.minScore);
      const down = demotedByQuota(
        { rating: x.rating, rule: head + x.tail, citations: x.citations },
        x.set.quota,
      );
      quotaBasis.push(bases.length);
      bases.push({
        tail: down.rule.slice(head.length),
        citations: JSON.stringify(down.citations),
        taskCounts,
      });
    } else quotaBasis.push(null);
  }
  const ids = await repo.saveBases(db, bases);
  const v: bands.BandVerdicts = {
    keys: [],
    ratings: [],
    bases: [],
    quotaBases: [],
    ...headsFor(found),
    demoted: [...demoted],
  };
  let i = 0;
  for (const [n, x] of verdicts.entries()) {
    v.keys.push(x.band.key);
    v.ratings.push(x.rating);
    const own = ids[i++]!;
    v.bases.push(own);
    v.quotaBases.push(quotaBasis[n] === null ? own : ids[i++]!);
  }
  if (demoted.size) {
    byRating.excellent = (byRating.excellent ?? 0) - demoted.size;
    byRating.good = (byRating.good ?? 0) + demoted.size;
  }
  const rated = await bands.insertBandDecisions(db, v, { actorName: o.actorName });
  const quota = quotaApplied;
  return {
    rated,
    byRating,
    movedByQuota: demoted.size,
    quotaRule: quota
      ? `${quota.title}: ${quota.value}% (theo ${quota.citation.document}); số được xếp xuất sắc làm tròn xuống`
      : '',
  };
}
