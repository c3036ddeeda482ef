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
import { findUnit, subtreePaths } from '../units/units.repo.ts';
import { stageCandidates } from './evaluation.bands.repo.ts';
import { rateStagedIndividuals, unitRuleSets } from './evaluation.bulk.bands.ts';
import { writeDecisions, type DecisionToWrite } from './evaluation.decisions.ts';
import * as bulkRepo from './evaluation.bulk.repo.ts';
import * as repo from './evaluation.repo.ts';
import { PERIOD } from './evaluation.periods.service.ts';
import {
  collectiveCitation,
  rateCollective,
  ratingRulesFor,
  type Rating,
} from './evaluation.rules.ts';
import { taskCountsFor } from './evaluation.workflow.service.ts';

type Ctx = { db: Db; actor: Actor };

const LEVEL_RULE = accessCheck(
  'Chỉ cấp đã mở kỳ đánh giá (cấp có thẩm quyền) được quyết định xếp loại',
);
// The same guard as one evaluation's decision: a closed period is final.
const OPEN_RULE = dataCheck('Chỉ xếp loại trong kỳ đánh giá đang mở');

/**
 * Collectives (units) are few: each is rated on its own, with its members' task counts and
 * disciplined members, and written in one INSERT. One that reaches "xuất sắc" is held back for
 * its own decision: QĐ 366 also asks that no sub-unit was disciplined, a count the level enters
 * when deciding that collective (a bulk run has no way to know it).
 */
async function rateStagedCollectives(
  tx: Db,
  period: repo.PeriodRow,
  rules: RuleSet,
  on: string,
  by: { actorName: string },
) {
  const decided: DecisionToWrite[] = [];
  const byRating: Partial<Record<Rating, number>> = {};
  let heldBack = 0;
  for (const c of await bulkRepo.stagedCollectives(tx)) {
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
    const r = ratingRulesFor(rules, c.unitPath, on);
    const counts = { members: disciplined, subUnits: 0 };
    const result = rateCollective(c.total, tasks, counts, r, collectiveCitation(r));
    if (result.rating === 'excellent') {
      heldBack++;
      continue;
    }
    byRating[result.rating] = (byRating[result.rating] ?? 0) + 1;
    decided.push({ evaluationId: c.id, score: c.total, result, tasks });
  }
  const written = await writeDecisions(tx, decided, by.actorName);
  return { written, heldBack, byRating };
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
    await repo.lockPeriodRatings(tx, periodId);
    const rules: RuleSet = await loadRules(tx);
    const on = today();
    const by = { actorName: actor.displayName };
    const ruleSets = unitRuleSets(await subtreePaths(tx, path), rules, on);
    const { proposed: staged, notProposed: skipped } = await stageCandidates(
      tx,
      { periodId, path, from: period.startDate, to: period.endDate },
      ruleSets.units,
    );
    const individuals = await rateStagedIndividuals(tx, {
      periodId,
      ruleSets,
      actorName: actor.displayName,
    });
    const collectives = await rateStagedCollectives(tx, period, rules, on, by);
    const written = individuals.rated + collectives.written;
    if (written + collectives.heldBack !== staged) {
      // Someone decided one of these meanwhile: that decision stands, and the counts below must
      // not claim this run's rating for it, so the whole run is refused and nothing is kept.
      throw conflict(
        'Trong lúc xếp loại, một số phiếu đã được quyết định riêng. Vui lòng xếp loại lại.',
      );
    }
    const byRating: Record<string, number> = {};
    for (const counts of [individuals.byRating, collectives.byRating]) {
      for (const [k, n] of Object.entries(counts)) if (n) byRating[k] = (byRating[k] ?? 0) + n;
    }
    const summary = Object.entries(byRating)
      .map(([k, n]) => `${ratingCodeLabels[k as Rating]}: ${n}`)
      .join('; ');
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'evaluation',
      entityId: period.id,
      scopePath: path,
      summary: `Xếp loại ${written} phiếu của kỳ "${period.label}"${summary ? ` — ${summary}` : ''}`,
      after: {
        count: written,
        byRating,
        movedByQuota: individuals.movedByQuota,
        ids: written <= 1000 ? await bulkRepo.stagedIds(tx) : undefined,
      },
    });
    return {
      rated: written,
      skipped,
      byRating,
      movedByQuota: individuals.movedByQuota,
      quotaRule: individuals.quotaRule,
      heldForDecision: collectives.heldBack,
    };
  });
}
