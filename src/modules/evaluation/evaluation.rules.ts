/**
 * Rating on the 100-point scale of QĐ 366-QĐ/TW (30/8/2025), as pure functions: every
 * threshold comes from the rule registry (evaluation.*) and every verdict names the rule used.
 */
import type { RuleSet } from '../rules/registry.ts';
import type { ResolvedRule } from '../rules/rules.resolve.ts';
import { formatRuleValue } from '../rules/rules.resolve.ts';
import { dataCheck, type Citation } from '../../core/rules/verdict.ts';
import { formatNumber } from '../../core/vietnamese/index.ts';

export const ratings = ['excellent', 'good', 'complete', 'incomplete'] as const;
export type Rating = (typeof ratings)[number];

/** Task outcomes of one person in the period, as the tasks module counts them. */
export interface TaskCounts {
  total: number;
  exceeded: number;
  onTime: number;
  late: number;
  notDone: number;
  open: number;
}

export const noTasks: TaskCounts = {
  total: 0,
  exceeded: 0,
  onTime: 0,
  late: 0,
  notDone: 0,
  open: 0,
};

/** The thresholds in force for one unit on one date. */
export interface RatingRules {
  excellentMinScore: ResolvedRule<number>;
  excellentMinExceededPercent: ResolvedRule<number>;
  goodMinScore: ResolvedRule<number>;
  completeMinScore: ResolvedRule<number>;
  completeMaxLatePercent: ResolvedRule<number>;
}

export function ratingRulesFor(rules: RuleSet, unitPath: string, date: string): RatingRules {
  return {
    excellentMinScore: rules.get('evaluation.excellent_min_score', unitPath, date),
    excellentMinExceededPercent: rules.get(
      'evaluation.excellent_min_exceeded_percent',
      unitPath,
      date,
    ),
    goodMinScore: rules.get('evaluation.good_min_score', unitPath, date),
    completeMinScore: rules.get('evaluation.complete_min_score', unitPath, date),
    completeMaxLatePercent: rules.get('evaluation.complete_max_late_percent', unitPath, date),
  };
}

export interface RatingResult {
  rating: Rating;
  /** The rule as users read it: why this level and not the one above. */
  rule: string;
  citations: Citation[];
}

/**
 * "No tasks registered": CanBo decides (and says so in the rule text) that a person with no
 * registered task has no task behind schedule, so "all on time" and "≤ 20% late" hold; but
 * "xuất sắc" needs at least 30% of tasks exceeding requirements (QĐ 366), which cannot be shown
 * with no task, so such a person is rated at most "tốt".
 */
export const NO_TASKS_RULE = dataCheck(
  'Không đăng ký nhiệm vụ trong kỳ: coi như không có nhiệm vụ chậm tiến độ, nhưng không đủ căn cứ "vượt yêu cầu" để xếp loại xuất sắc',
);

/** Tasks still open when the level decides are not done on time: they count as behind. */
export const behindCount = (t: TaskCounts) => t.late + t.notDone + t.open;

const pct = (part: number, total: number) => (total === 0 ? 0 : (part * 100) / total);
// formatNumber rather than toLocaleString: "rate a year" formats 100,000 rules, and Intl per call is slow.
const points = (n: number) => formatNumber(Math.round(n * 100) / 100);
const percent = (n: number) => `${formatNumber(Math.round(n * 10) / 10)}%`;
const formatted = new WeakMap<ResolvedRule<number>, string>();
const v = (r: ResolvedRule<number>) => {
  let text = formatted.get(r);
  if (text === undefined) {
    text = formatRuleValue(r.value, r.valueUnit);
    formatted.set(r, text);
  }
  return text;
};

export const ratingLabels: Record<Rating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ',
  incomplete: 'Không hoàn thành nhiệm vụ',
};

/**
 * The rating of one individual from the decided score and the task counts. Scores are compared
 * as given (two decimals): 89,99 is below 90. Percentages are exact fractions, so exactly 20%
 * late passes "≤ 20%".
 */
export function rateIndividual(score: number, tasks: TaskCounts, rules: RatingRules): RatingResult {
  const behind = behindCount(tasks);
  const allOnTime = behind === 0;
  const exceededPct = pct(tasks.exceeded, tasks.total);
  const behindPct = pct(behind, tasks.total);
  const taskText =
    tasks.total === 0
      ? 'không đăng ký nhiệm vụ nào'
      : `${tasks.total} nhiệm vụ: ${tasks.exceeded} vượt yêu cầu (${percent(exceededPct)}), ${behind} chậm hoặc chưa hoàn thành (${percent(behindPct)})`;
  const head = `${points(score)} điểm; ${taskText}`;
  const noTaskCitation = tasks.total === 0 ? [NO_TASKS_RULE] : [];

  const ex = rules.excellentMinScore;
  const exPct = rules.excellentMinExceededPercent;
  if (score >= ex.value && allOnTime && tasks.total > 0 && exceededPct >= exPct.value) {
    return {
      rating: 'excellent',
      rule: `${head} → ≥ ${v(ex)}, tất cả đúng hạn, ≥ ${v(exPct)} vượt yêu cầu: ${ratingLabels.excellent}`,
      citations: [ex.citation, exPct.citation],
    };
  }
  const good = rules.goodMinScore;
  if (score >= good.value && allOnTime) {
    const why =
      score >= ex.value
        ? tasks.total === 0
          ? ' (không có nhiệm vụ để xác định tỷ lệ vượt yêu cầu)'
          : ` (chưa đủ ${v(exPct)} nhiệm vụ vượt yêu cầu)`
        : '';
    return {
      rating: 'good',
      rule: `${head} → ≥ ${v(good)} và tất cả đúng hạn: ${ratingLabels.good}${why}`,
      citations: [good.citation, ...(score >= ex.value ? [exPct.citation] : []), ...noTaskCitation],
    };
  }
  const complete = rules.completeMinScore;
  const late = rules.completeMaxLatePercent;
  if (score >= complete.value && behindPct <= late.value) {
    const why = score >= good.value ? ' (có nhiệm vụ chậm tiến độ)' : '';
    return {
      rating: 'complete',
      rule: `${head} → ≥ ${v(complete)} và chậm tiến độ ≤ ${v(late)}: ${ratingLabels.complete}${why}`,
      citations: [complete.citation, late.citation, ...noTaskCitation],
    };
  }
  const why =
    score >= complete.value
      ? `nhiệm vụ chậm tiến độ ${percent(behindPct)} > ${v(late)}`
      : `dưới ${v(complete)}`;
  return {
    rating: 'incomplete',
    rule: `${head} → ${why}: ${ratingLabels.incomplete}`,
    citations: [complete.citation, late.citation],
  };
}

/**
 * The condition of QĐ 366 on collectives, cited from the document that sets the "xuất sắc"
 * threshold in force (the registry's entry says which).
 */
export const collectiveCitation = (rules: RatingRules): Citation => ({
  ...rules.excellentMinScore.citation,
  rule: 'Tập thể xuất sắc: không có tổ chức trực thuộc, đảng viên bị kỷ luật',
});

/**
 * Collectives (QĐ 366): "xuất sắc" also needs no sub-unit and no member disciplined in the
 * period; otherwise the collective is rated at most "tốt".
 */
export function rateCollective(
  score: number,
  tasks: TaskCounts,
  disciplined: { members: number; subUnits: number },
  rules: RatingRules,
  qd366: Citation,
): RatingResult {
  const base = rateIndividual(score, tasks, rules);
  if (base.rating !== 'excellent' || (disciplined.members === 0 && disciplined.subUnits === 0)) {
    return base;
  }
  return {
    rating: 'good',
    rule: `${base.rule.replace(/: [^:]+$/, '')}; nhưng có ${disciplined.members} đảng viên, ${disciplined.subUnits} tổ chức trực thuộc bị kỷ luật trong kỳ → ${ratingLabels.good}`,
    citations: [...base.citations, qd366],
  };
}

/**
 * Quota: at most `percent`% of those rated "tốt" or above in a unit may be "xuất sắc". "Không
 * vượt quá" means the allowed number is rounded down: 12 × 20% = 2,4 → 2; 4 × 20% = 0,8 → 0.
 */
export function excellentQuota(goodOrAbove: number, percentValue: number): number {
  // Integer arithmetic first, so 15 × 20 / 100 is exactly 3 and not 2,9999….
  return Math.floor((goodOrAbove * Math.round(percentValue * 100)) / 10_000);
}

export interface QuotaCheck {
  ok: boolean;
  allowed: number;
  message: string;
  citation: Citation;
}

/** Whether one more "xuất sắc" fits the unit's quota. */
export function checkExcellentQuota(
  counts: { excellent: number; goodOrAbove: number },
  quota: ResolvedRule<number>,
): QuotaCheck {
  const allowed = excellentQuota(counts.goodOrAbove, quota.value);
  const exact = (counts.goodOrAbove * quota.value) / 100;
  const calc = `${counts.goodOrAbove} × ${v(quota)} = ${points(exact)}, làm tròn xuống ${allowed}`;
  const ok = counts.excellent + 1 <= allowed;
  return {
    ok,
    allowed,
    message: ok
      ? `Trong tỷ lệ xuất sắc: ${counts.excellent + 1}/${allowed} (${calc})`
      : `Vượt tỷ lệ xuất sắc: đã có ${counts.excellent}, tối đa ${allowed} (${calc})`,
    citation: quota.citation,
  };
}

/**
 * Bulk rating: in each unit, keep the quota's allowed number of "xuất sắc" (highest scores
 * first, then lowest id) and rate the rest "tốt", saying why. Returns the ids moved down.
 */
export function applyQuota<T extends { id: number; unitId: number; score: number; rating: Rating }>(
  rows: T[],
  allowedFor: (unitId: number, goodOrAbove: number) => number,
  already: (unitId: number) => { excellent: number; goodOrAbove: number } = () => ({
    excellent: 0,
    goodOrAbove: 0,
  }),
): Set<number> {
  const goodOrAbove = new Map<number, number>();
  for (const r of rows) {
    if (r.rating !== 'excellent' && r.rating !== 'good') continue;
    goodOrAbove.set(r.unitId, (goodOrAbove.get(r.unitId) ?? 0) + 1);
  }
  return quotaDemotions(
    rows.filter((r) => r.rating === 'excellent'),
    (u) => goodOrAbove.get(u) ?? 0,
    allowedFor,
    already,
  );
}

/**
 * applyQuota when only the "xuất sắc" rows are at hand and the units' new "tốt"-or-above counts
 * come separately (rating a whole city without reading every row back).
 */
export function quotaDemotions(
  excellentRows: { id: number; unitId: number; score: number }[],
  newGoodOrAbove: (unitId: number) => number,
  allowedFor: (unitId: number, goodOrAbove: number) => number,
  already: (unitId: number) => { excellent: number; goodOrAbove: number },
): Set<number> {
  const byUnit = new Map<number, { id: number; score: number }[]>();
  for (const r of excellentRows) {
    const list = byUnit.get(r.unitId) ?? [];
    list.push(r);
    byUnit.set(r.unitId, list);
  }
  const demoted = new Set<number>();
  for (const [unitId, list] of byUnit) {
    const prior = already(unitId);
    const allowed =
      allowedFor(unitId, prior.goodOrAbove + newGoodOrAbove(unitId)) - prior.excellent;
    list.sort((a, b) => b.score - a.score || a.id - b.id);
    list.slice(Math.max(0, allowed)).forEach((r) => demoted.add(r.id));
  }
  return demoted;
}

/** A "xuất sắc" moved down to "tốt" by its unit's quota in a bulk decision, saying why. */
export function demotedByQuota(result: RatingResult, quota: ResolvedRule<number>): RatingResult {
  return {
    rating: 'good',
    rule: `${result.rule.replace(/: [^:]+$/, '')}; vượt tỷ lệ xuất sắc của đơn vị (điểm thấp hơn người được giữ) → ${ratingLabels.good}`,
    citations: [...result.citations, quota.citation],
  };
}

/** The start of every individual rating rule: the score, as rateIndividual writes it. */
export const ratingRuleHead = (score: number) => `${points(score)} điểm; `;

/**
 * The verdict shared by everyone with the same task counts and rules whose scores lie in the
 * same band between the rules' score thresholds: only the score at the head of the rule text
 * differs. It is computed at both ends of the band and must agree there (a rule that compared
 * the score with anything else would make them differ, and this throws rather than guess).
 */
export function rateScoreBand(
  band: { minScore: number; maxScore: number },
  tasks: TaskCounts,
  rules: RatingRules,
): { rating: Rating; tail: string; citations: Citation[] } {
  const low = rateIndividual(band.minScore, tasks, rules);
  const high = rateIndividual(band.maxScore, tasks, rules);
  const lowHead = ratingRuleHead(band.minScore);
  const tail = low.rule.slice(lowHead.length);
  if (
    !low.rule.startsWith(lowHead) ||
    low.rating !== high.rating ||
    high.rule !== ratingRuleHead(band.maxScore) + tail
  ) {
    throw new Error(`Score band ${band.minScore}–${band.maxScore} does not share one verdict`);
  }
  return { rating: low.rating, tail, citations: low.citations };
}

/** The score thresholds of a rule set, lowest first: the bands of rateScoreBand lie between them. */
export const scoreThresholds = (rules: RatingRules) =>
  [
    ...new Set([
      rules.completeMinScore.value,
      rules.goodMinScore.value,
      rules.excellentMinScore.value,
    ]),
  ].sort((a, b) => a - b);
/** Scores of one step: each criterion within its maximum, totals within the part's points. */
export function checkScores(
  scores: Record<string, number>,
  criteria: { id: number; part: string; name: string; maxPoints: number }[],
  parts: { general: ResolvedRule<number>; tasks: ResolvedRule<number> },
): { ok: boolean; problems: string[]; total: number; citations: Citation[] } {
  const problems: string[] = [];
  const byPart = { general: 0, tasks: 0 } as Record<string, number>;
  const known = new Map(criteria.map((c) => [String(c.id), c]));
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) problems.push(`Tiêu chí #${key} không thuộc khung tiêu chí của kỳ này`);
  }
  for (const c of criteria) {
    const value = scores[String(c.id)];
    if (value === undefined) {
      problems.push(`Chưa chấm tiêu chí "${c.name}"`);
      continue;
    }
    if (value < 0 || value > c.maxPoints) {
      problems.push(`Tiêu chí "${c.name}": ${points(value)} ngoài khoảng 0–${points(c.maxPoints)}`);
    }
    byPart[c.part] = (byPart[c.part] ?? 0) + value;
  }
  const general = round2(byPart.general ?? 0);
  const tasks = round2(byPart.tasks ?? 0);
  if (general > parts.general.value) {
    problems.push(`Tiêu chí chung ${points(general)} điểm > ${v(parts.general)}`);
  }
  if (tasks > parts.tasks.value) {
    problems.push(`Kết quả thực hiện nhiệm vụ ${points(tasks)} điểm > ${v(parts.tasks)}`);
  }
  return {
    ok: problems.length === 0,
    problems,
    total: round2(general + tasks),
    citations: [parts.general.citation, parts.tasks.citation],
  };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
