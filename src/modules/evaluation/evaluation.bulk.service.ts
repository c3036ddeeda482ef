/**
 * "Rate a year": the competent level decides, at once, everyone in a subtree whose advisory body
 * has proposed a score. Ratings come from the pure rules (registry thresholds, task counts from
 * the tasks module); the quota keeps each unit's highest "xuất sắc" scores; writes are set-based.
 */
import type { RateResultDto } from '../../contracts/evaluation.ts';
import { ratingCodeLabels } from '../../contracts/evaluation.ts';
import { isInScope, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { conflict, fieldError, forbidden, notFound } from '../../core/errors.ts';
import { accessCheck, dataCheck, deny, explain } from '../../core/rules/verdict.ts';
import { loadRules, type RuleSet } from '../rules/registry.ts';
import { taskOutcomeSummaryBulk } from '../tasks/tasks.summary.ts';
import { findUnit } from '../units/units.repo.ts';
import * as bulkRepo from './evaluation.bulk.repo.ts';
import * as repo from './evaluation.repo.ts';
import { PERIOD } from './evaluation.periods.service.ts';
import {
  applyQuota,
  excellentQuota,
  noTasks,
  rateCollective,
  rateIndividual,
  ratingLabels,
  ratingRulesFor,
  type Rating,
  type RatingResult,
  type TaskCounts,
} from './evaluation.rules.ts';
import { taskCountsFor } from './evaluation.workflow.service.ts';

type Ctx = { db: Db; actor: Actor };
/** Rows per UPDATE: the values travel as arrays, so the batch is bounded by memory, not parameters. */
const CHUNK = 50_000;

const LEVEL_RULE = accessCheck(
  'Chỉ cấp đã mở kỳ đánh giá (cấp có thẩm quyền) được quyết định xếp loại',
);
// The same guard as one evaluation's decision: a closed period is final.
const OPEN_RULE = dataCheck('Chỉ xếp loại trong kỳ đánh giá đang mở');

/** Resolves each unit path once: a subtree may override thresholds for itself. */
function cachedBy<T>(make: (path: string) => T) {
  const cache = new Map<string, T>();
  return (path: string) => {
    let v = cache.get(path);
    if (v === undefined) {
      v = make(path);
      cache.set(path, v);
    }
    return v;
  };
}

export async function ratePeriod({
  db,
  actor,
  periodId,
  unitId,
}: Ctx & { periodId: number; unitId?: number }): Promise<RateResultDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const period = await repo.findPeriod(tx, actor, periodId, true);
    if (!period) throw notFound(PERIOD);
    if (!isInScope(actor, period.unitPath)) {
      throw forbidden(
        `${explain(deny('Bạn không thuộc cấp có thẩm quyền của kỳ này', [LEVEL_RULE]))}.`,
      );
    }
    if (period.status !== 'open') {
      throw conflict(`${explain(deny('Kỳ đánh giá đã đóng, không xếp loại được', [OPEN_RULE]))}.`);
    }
    let path = period.unitPath;
    if (unitId) {
      const unit = await findUnit(tx, actor, unitId);
      if (!unit) throw notFound('Tổ chức đảng');
      if (unit.path.startsWith(period.unitPath)) path = unit.path;
      // A unit beside the period's subtree must not silently widen the rating to the whole period.
      else if (!period.unitPath.startsWith(unit.path)) {
        throw fieldError('unitId', 'Tổ chức đảng', 'không thuộc phạm vi của kỳ đánh giá này');
      }
    }
    const candidates = await bulkRepo.advisoryCandidates(tx, periodId, path);
    const rules: RuleSet = await loadRules(tx);
    const on = today();
    const rulesFor = cachedBy((p) => ratingRulesFor(rules, p, on));
    const quotaFor = cachedBy((p) => rules.find('evaluation.excellent_quota_percent', p, on));

    const individuals = candidates.filter((c) => c.memberId !== null);
    // One set-based aggregate for the whole population (was 20,000-id chunks of bound params).
    const counts = await taskOutcomeSummaryBulk(tx, {
      memberIds: individuals.map((c) => c.memberId!),
      from: period.startDate,
      to: period.endDate,
    });
    const results = new Map<number, { result: RatingResult; tasks: TaskCounts }>();
    for (const c of individuals) {
      const tasks = counts.get(c.memberId!) ?? noTasks;
      results.set(c.id, { result: rateIndividual(c.total, tasks, rulesFor(c.unitPath)), tasks });
    }
    for (const c of candidates.filter((x) => x.targetUnitId !== null)) {
      const evaluation = { memberId: null, unitPath: c.unitPath } as Parameters<
        typeof taskCountsFor
      >[1];
      const tasks = await taskCountsFor(tx, evaluation, period);
      const disciplined = await repo.disciplinedMembers(
        tx,
        c.unitPath,
        period.startDate,
        period.endDate,
      );
      const r = rulesFor(c.unitPath);
      const result = rateCollective(c.total, tasks, { members: disciplined, subUnits: 0 }, r, {
        ...r.excellentMinScore.citation,
        rule: 'Tập thể xuất sắc: không có tổ chức trực thuộc, đảng viên bị kỷ luật',
      });
      results.set(c.id, { result, tasks });
    }

    // Quota per unit, counting decisions already made in the period.
    const unitPaths = new Map(individuals.map((c) => [c.unitId, c.unitPath]));
    const prior = await repo.unitRatingCounts(tx, periodId, [...unitPaths.keys()]);
    const rows = individuals.map((c) => ({
      id: c.id,
      unitId: c.unitId,
      score: c.total,
      rating: results.get(c.id)!.result.rating as Rating,
    }));
    const demoted = applyQuota(
      rows,
      (u, n) => {
        const quota = quotaFor(unitPaths.get(u)!);
        return quota ? excellentQuota(n, quota.value) : Number.MAX_SAFE_INTEGER;
      },
      (u) => prior.get(u) ?? { excellent: 0, goodOrAbove: 0 },
    );
    let quotaRule = '';
    const byId = new Map(individuals.map((c) => [c.id, c]));
    for (const id of demoted) {
      const entry = results.get(id)!;
      const c = byId.get(id)!;
      const quota = quotaFor(c.unitPath)!;
      quotaRule = `${quota.title}: ${quota.value}% (theo ${quota.citation.document}); số được xếp xuất sắc làm tròn xuống`;
      entry.result = {
        rating: 'good',
        rule: `${entry.result.rule.replace(/: [^:]+$/, '')}; vượt tỷ lệ xuất sắc của đơn vị (điểm thấp hơn người được giữ) → ${ratingLabels.good}`,
        citations: [...entry.result.citations, quota.citation],
      };
    }

    const decided: bulkRepo.Decided[] = candidates.map((c) => {
      const { result, tasks } = results.get(c.id)!;
      return {
        id: c.id,
        score: c.total,
        rating: result.rating,
        rule: result.rule,
        citations: JSON.stringify(result.citations),
        counts: JSON.stringify(tasks),
      };
    });
    const by = { actorName: actor.displayName };
    for (let i = 0; i < decided.length; i += CHUNK) {
      await bulkRepo.bulkDecide(tx, decided.slice(i, i + CHUNK), by);
    }
    const byRating: Record<string, number> = {};
    for (const d of decided) byRating[d.rating] = (byRating[d.rating] ?? 0) + 1;
    const summary = Object.entries(byRating)
      .map(([k, n]) => `${ratingCodeLabels[k as Rating]}: ${n}`)
      .join('; ');
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'evaluation',
      entityId: period.id,
      scopePath: path,
      summary: `Xếp loại ${decided.length} phiếu của kỳ "${period.label}"${summary ? ` — ${summary}` : ''}`,
      after: {
        count: decided.length,
        byRating,
        movedByQuota: demoted.size,
        ids: decided.length <= 1000 ? decided.map((d) => d.id) : undefined,
      },
    });
    const all = await bulkRepo.ratingDistribution(tx, periodId, path);
    const pending = all.reduce((n, r) => n + Number(r.undecided), 0);
    return {
      rated: decided.length,
      skipped: pending,
      byRating,
      movedByQuota: demoted.size,
      quotaRule,
    };
  });
}
