/**
 * Rating the staged individuals of "rate a year" by band (see evaluation.bands.repo.ts): the
 * pure rules run once per band, the quota once per unit with "xuất sắc" people, and one INSERT
 * writes every decision. Nothing here decides a rating by itself: every verdict comes from
 * rateScoreBand / quotaDemotions / demotedByQuota of evaluation.rules.ts.
 */
import type { Db } from '../../core/db/client.ts';
import type { Citation } from '../../core/rules/verdict.ts';
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

/** Each distinct value once; `ref` gives its 1-based index (an SQL array subscript). */
function distinct() {
  const list: string[] = [];
  const index = new Map<string, number>();
  return {
    list,
    ref(value: string) {
      let i = index.get(value);
      if (i === undefined) {
        i = list.push(value);
        index.set(value, i);
      }
      return i;
    },
  };
}

const citationsJson = (list: Citation[]) => JSON.stringify(list);

/** Units resolving to the same rule entries share a rule set (thresholds, citations, quota). */
async function unitRuleSets(db: Db, rules: RuleSet, on: string) {
  const sets: RuleSetInForce[] = [];
  const seen = new Map<string, number>();
  const units: bands.UnitRuleSets = { unitIds: [], ruleSets: [], thresholds: [] };
  for (const u of await bands.stagedUnits(db)) {
    const rating = ratingRulesFor(rules, u.unit_path, on);
    const quota = rules.find('evaluation.excellent_quota_percent', u.unit_path, on);
    const id = [...Object.values(rating), quota].map((r) => r?.entryId ?? 0).join(',');
    let i = seen.get(id);
    if (i === undefined) {
      i = sets.push({ rating, quota }) - 1;
      seen.set(id, i);
    }
    const t = scoreThresholds(rating);
    units.unitIds.push(u.unit_id);
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

export async function rateStagedIndividuals(
  db: Db,
  o: { periodId: number; rules: RuleSet; on: string; actorName: string },
): Promise<BandRatingResult> {
  const { sets, units } = await unitRuleSets(db, o.rules, o.on);
  const found = await bands.stagedBands(db, units);
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
    return { band, set: sets[set!]!, ...rateScoreBand(band, tasks, sets[set!]!.rating) };
  });

  // The quota: only the "xuất sắc" people are read back, with their units' new counts.
  const keysRated = (...r: Rating[]) =>
    verdicts.filter((v) => r.includes(v.rating)).map((v) => v.band.key);
  const excellentKeys = keysRated('excellent');
  let demoted = new Set<number>();
  let quotaApplied: ResolvedRule<number> | undefined;
  const unitSet = new Map(units.unitIds.map((u, i) => [u, sets[units.ruleSets[i]!]!]));
  if (excellentKeys.length) {
    const excellent = await bands.stagedInBands(db, units, excellentKeys);
    const newGoodOrAbove = await bands.stagedCountsByUnit(
      db,
      units,
      keysRated('excellent', 'good'),
    );
    const prior = await repo.unitRatingCounts(db, o.periodId, [
      ...new Set(excellent.map((r) => r.unitId)),
    ]);
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

  const tails = distinct();
  const citations = distinct();
  const v: bands.BandVerdicts = {
    keys: [],
    ratings: [],
    tails: [],
    citations: [],
    quotaTails: [],
    quotaCitations: [],
    tailTexts: tails.list,
    citationJson: citations.list,
    scores: [],
    heads: [],
    demoted: [...demoted],
  };
  const byRating: Partial<Record<Rating, number>> = {};
  for (const x of verdicts) {
    v.keys.push(x.band.key);
    v.ratings.push(x.rating);
    const tail = tails.ref(x.tail);
    const cit = citations.ref(citationsJson(x.citations));
    v.tails.push(tail);
    v.citations.push(cit);
    byRating[x.rating] = (byRating[x.rating] ?? 0) + x.band.count;
    if (x.rating === 'excellent' && x.set.quota) {
      const head = ratingRuleHead(x.band.minScore);
      const down = demotedByQuota(
        { rating: x.rating, rule: head + x.tail, citations: x.citations },
        x.set.quota,
      );
      v.quotaTails.push(tails.ref(down.rule.slice(head.length)));
      v.quotaCitations.push(citations.ref(citationsJson(down.citations)));
    } else {
      v.quotaTails.push(tail);
      v.quotaCitations.push(cit);
    }
  }
  if (demoted.size) {
    byRating.excellent = (byRating.excellent ?? 0) - demoted.size;
    byRating.good = (byRating.good ?? 0) + demoted.size;
  }
  for (const score of await bands.stagedScores(db)) {
    v.scores.push(score);
    v.heads.push(ratingRuleHead(score));
  }
  const rated = await bands.insertBandDecisions(db, units, v, { actorName: o.actorName });
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
