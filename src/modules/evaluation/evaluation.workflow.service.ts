/**
 * One evaluation's workflow: self-assessment → the collective's comments → proposal by the
 * advising body → decision by the competent level. Each step keeps its scores and comment.
 */
import type { z } from 'zod';
import type {
  decideBody,
  EvaluationDto,
  RatingCode,
  StepBody,
  StepCode,
  StepDto,
  TaskCountsDto,
} from '../../contracts/evaluation.ts';
import { ratingCodeLabels, stepLabels } from '../../contracts/evaluation.ts';
import { hasRole, isInScope, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../core/errors.ts';
import { accessCheck, dataCheck, deny, explain } from '../../core/rules/verdict.ts';
import { loadRules } from '../rules/registry.ts';
import { taskOutcomeSummary } from '../tasks/tasks.summary.ts';
import { writeDecisions } from './evaluation.decisions.ts';
import * as repo from './evaluation.repo.ts';
import { toCriterionDto, toRowDto } from './evaluation.periods.service.ts';
import {
  checkExcellentQuota,
  checkScores,
  collectiveCitation,
  noTasks,
  rateCollective,
  rateIndividual,
  ratingLabels,
  ratingRulesFor,
  type RatingResult,
  type TaskCounts,
} from './evaluation.rules.ts';

type Ctx = { db: Db; actor: Actor };
const EVALUATION = 'Phiếu đánh giá';

type Loaded = NonNullable<Awaited<ReturnType<typeof repo.findEvaluation>>>;

const ORDER: Record<string, number> = { none: 0, self: 1, collective: 2, advisory: 3, decided: 4 };
const STEP_STAGE: Record<Exclude<StepCode, 'decision'>, string> = {
  self: 'self',
  collective: 'collective',
  advisory: 'advisory',
};

const WORKFLOW_RULE = dataCheck(
  'Trình tự đánh giá: tự đánh giá → tập thể nhận xét → cơ quan tham mưu đề xuất → cấp có thẩm quyền quyết định',
);
const OWN_RULE = accessCheck(
  'Cá nhân chỉ tự đánh giá; nhận xét, đề xuất, quyết định do tập thể và cấp có thẩm quyền thực hiện',
);

/** Who may write which step of this evaluation (the UI shows the same answers). */
export function permissions(actor: Actor, e: Loaded['e'], period: repo.PeriodRow) {
  const open = period.status === 'open' && e.stage !== 'decided';
  const own = e.memberId !== null && actor.memberId === e.memberId;
  const writer = hasRole(actor, 'admin', 'officer') && isInScope(actor, e.unitPath) && !own;
  const stage = ORDER[e.stage] ?? 0;
  const selfAllowed = e.memberId !== null ? own : writer;
  return {
    self: open && selfAllowed && stage <= 1,
    collective: open && writer && stage >= 1 && stage <= 2,
    advisory: open && writer && stage >= 2 && stage <= 3,
    decide: open && writer && stage === 3 && isInScope(actor, period.unitPath),
    // The framework sets the criteria the steps score: it can change only before the first step.
    framework: open && writer && stage === 0,
  };
}

export async function load(db: Db, actor: Actor, id: number, forUpdate = false) {
  const row = await repo.findEvaluation(db, actor, id, forUpdate);
  if (!row) throw notFound(EVALUATION);
  const own = row.e.memberId !== null && row.e.memberId === actor.memberId;
  // Outside one's own record, reading needs a reading role.
  if (!own && !hasRole(actor, 'admin', 'officer', 'reader')) throw notFound(EVALUATION);
  const period = await repo.findPeriodById(db, row.e.periodId);
  return { row, period: period! };
}

/** Task counts of the person (or of the collective's members) in the period, from the tasks module. */
export async function taskCountsFor(db: Db, e: Loaded['e'], period: repo.PeriodRow) {
  const memberIds = e.memberId !== null ? [e.memberId] : await repo.memberIdsUnder(db, e.unitPath);
  const summary = await taskOutcomeSummary(db, {
    memberIds,
    from: period.startDate,
    to: period.endDate,
  });
  const sum: TaskCounts = { ...noTasks };
  for (const c of summary.values()) {
    sum.total += c.total;
    sum.exceeded += c.exceeded;
    sum.onTime += c.onTime;
    sum.late += c.late;
    sum.notDone += c.notDone;
    sum.open += c.open;
  }
  return sum;
}

async function rate(
  db: Db,
  e: Loaded['e'],
  period: repo.PeriodRow,
  score: number,
  tasks: TaskCounts,
  subUnitsDisciplined = 0,
): Promise<RatingResult> {
  const rules = await loadRules(db);
  const on = today();
  const ratingRules = ratingRulesFor(rules, e.unitPath, on);
  if (e.targetUnitId === null) return rateIndividual(score, tasks, ratingRules);
  const members = await repo.disciplinedMembers(db, e.unitPath, period.startDate, period.endDate);
  return rateCollective(
    score,
    tasks,
    { members, subUnits: subUnitsDisciplined },
    ratingRules,
    collectiveCitation(ratingRules),
  );
}

const toStepDto = (s: repo.StepRow): StepDto => ({
  step: s.step as StepCode,
  scores: s.scores as Record<string, number>,
  total: Number(s.total),
  proposedRating: (s.proposedRating as RatingCode | null) ?? null,
  comment: s.comment,
  actorName: s.actorName,
  at: s.updatedAt.toISOString(),
});

export async function getEvaluation({
  db,
  actor,
  id,
}: Ctx & { id: number }): Promise<EvaluationDto> {
  const { row, period } = await load(db, actor, id);
  const [steps, criteria, tasks] = await Promise.all([
    repo.stepsOf(db, id),
    repo.criteriaFor(db, row.e.frameworkId, row.e.postTitleCode),
    taskCountsFor(db, row.e, period),
  ]);
  const latest = [...steps].reverse().find((s) => s.step !== 'decision') ?? null;
  const preview =
    latest && row.e.stage !== 'decided'
      ? {
          ...(await rate(db, row.e, period, Number(latest.total), tasks)),
          score: Number(latest.total),
        }
      : null;
  return {
    ...toRowDto(row),
    periodLabel: period.label,
    periodStart: period.startDate,
    periodEnd: period.endDate,
    periodStatus: period.status,
    subject: row.e.targetUnitId === null ? 'individual' : 'collective',
    ratingRule: row.e.ratingRule,
    ratingCitations: row.e.ratingCitations as EvaluationDto['ratingCitations'],
    decidedAt: row.e.decidedAt?.toISOString() ?? null,
    decidedBy: row.e.decidedBy,
    steps: steps.map(toStepDto),
    criteria: criteria.map(toCriterionDto),
    taskCounts: tasks,
    decidedTaskCounts: (row.e.taskCounts as TaskCountsDto | null) ?? null,
    preview: preview && { ...preview, rating: preview.rating },
    can: permissions(actor, row.e, period),
  };
}

/** A member's own evaluations (every role: members self-assess from here). */
export async function listMine({ db, actor }: Ctx) {
  if (!actor.memberId) return [];
  const rows = await repo.memberEvaluations(db, actor.memberId);
  return rows.map((r) => ({
    evaluationId: r.e.id,
    periodId: r.period.id,
    periodLabel: r.period.label,
    kind: r.period.kind as 'year',
    year: r.period.year,
    stage: r.e.stage,
    finalScore: r.e.finalScore === null ? null : Number(r.e.finalScore),
    rating: (r.e.rating as RatingCode | null) ?? null,
    ratingRule: r.e.ratingRule,
    decidedAt: r.e.decidedAt?.toISOString() ?? null,
  }));
}

export async function writeStep({
  db,
  actor,
  id,
  step,
  body,
}: Ctx & {
  id: number;
  step: Exclude<StepCode, 'decision'>;
  body: StepBody;
}): Promise<EvaluationDto> {
  await db.transaction(async (tx) => {
    const { row, period } = await load(tx, actor, id, true);
    const can = permissions(actor, row.e, period);
    if (!can[step]) refuseStep(actor, row.e, period, step);
    if (row.e.version !== body.version) throw staleVersion();
    const rules = await loadRules(tx);
    const on = today();
    const criteria = await repo.criteriaFor(tx, row.e.frameworkId, row.e.postTitleCode);
    const checked = checkScores(body.scores, criteria.map(toCriterionDto), {
      general: rules.get('evaluation.general_points', row.e.unitPath, on),
      tasks: rules.get('evaluation.task_points', row.e.unitPath, on),
    });
    if (!checked.ok) {
      const sources = checked.citations.map((c) => c.document);
      throw invalid(
        checked.problems.map((message) => ({
          field: 'scores',
          label: 'Điểm',
          message: `${message} (theo ${[...new Set(sources)].join('; ')})`,
        })),
      );
    }
    await repo.upsertStep(tx, {
      evaluationId: id,
      step,
      scores: body.scores,
      total: checked.total,
      proposedRating: body.proposedRating,
      comment: body.comment,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    const stage = ORDER[row.e.stage]! > ORDER[STEP_STAGE[step]]! ? row.e.stage : STEP_STAGE[step];
    const updated = await repo.updateEvaluation(tx, id, body.version, { stage });
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'evaluation',
      entityId: id,
      scopePath: row.e.unitPath,
      summary: `${stepLabels[step]}: ${row.memberName ?? row.unitName} — ${checked.total.toLocaleString('vi-VN')} điểm`,
      after: {
        step,
        total: checked.total,
        comment: body.comment,
        proposedRating: body.proposedRating,
      },
    });
  });
  return getEvaluation({ db, actor, id });
}

function refuseStep(actor: Actor, e: Loaded['e'], period: repo.PeriodRow, step: string): never {
  if (period.status !== 'open' || e.stage === 'decided') {
    throw conflict(
      explain(
        deny('Kỳ đánh giá đã đóng hoặc phiếu đã có quyết định, không sửa được', [WORKFLOW_RULE]),
      ),
    );
  }
  const own = e.memberId !== null && actor.memberId === e.memberId;
  if (own && step !== 'self')
    throw forbidden(`${explain(deny('Bạn chỉ được tự đánh giá', [OWN_RULE]))}.`);
  if (step === 'self' && e.memberId !== null && !own) {
    throw forbidden(`${explain(deny('Chỉ người được đánh giá tự đánh giá', [OWN_RULE]))}.`);
  }
  if (!hasRole(actor, 'admin', 'officer') && !own) throw forbidden();
  if (step === 'decision' && !isInScope(actor, period.unitPath)) {
    throw forbidden(
      `${explain(deny('Chỉ cấp đã mở kỳ đánh giá (cấp có thẩm quyền) được quyết định xếp loại', [OWN_RULE]))}.`,
    );
  }
  throw conflict(
    explain(
      deny(`Chưa đến bước "${stepLabels[step as StepCode]}" hoặc bước này đã qua`, [WORKFLOW_RULE]),
    ),
  );
}

/**
 * The competent level decides: the advisory proposal's score and the task counts give the
 * rating (with its rule); a "xuất sắc" beyond the unit's quota is rated "tốt", and the rule says so.
 */
export async function decide({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: z.output<typeof decideBody> }): Promise<EvaluationDto> {
  await db.transaction(async (tx) => {
    const { row, period } = await load(tx, actor, id, true);
    if (!permissions(actor, row.e, period).decide) refuseStep(actor, row.e, period, 'decision');
    if (row.e.version !== body.version) throw staleVersion();
    await repo.sharePeriodRatings(tx, row.e.periodId);
    const steps = await repo.stepsOf(tx, id);
    const proposal = steps.find((s) => s.step === 'advisory')!;
    const score = Number(proposal.total);
    const tasks = await taskCountsFor(tx, row.e, period);
    let result = await rate(tx, row.e, period, score, tasks, body.subUnitsDisciplined);
    if (result.rating === 'excellent' && row.e.memberId !== null) {
      const quota = (await loadRules(tx)).find(
        'evaluation.excellent_quota_percent',
        row.e.unitPath,
        today(),
      );
      if (quota) {
        await repo.lockUnitRatings(tx, row.e.periodId, row.e.unitId);
        const counts = (await repo.unitRatingCounts(tx, row.e.periodId, [row.e.unitId])).get(
          row.e.unitId,
        ) ?? { excellent: 0, goodOrAbove: 0 };
        const check = checkExcellentQuota(
          { excellent: counts.excellent, goodOrAbove: counts.goodOrAbove + 1 },
          quota,
        );
        result = check.ok
          ? {
              ...result,
              rule: `${result.rule}. ${check.message}`,
              citations: [...result.citations, check.citation],
            }
          : {
              rating: 'good',
              rule: `${result.rule.replace(/: [^:]+$/, '')}; ${check.message} → ${ratingLabels.good}`,
              citations: [...result.citations, check.citation],
            };
      }
    }
    await repo.upsertStep(tx, {
      evaluationId: id,
      step: 'decision',
      scores: proposal.scores,
      total: score,
      proposedRating: result.rating,
      comment: body.comment,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    // The version bump keeps a concurrent step save from passing; the decision row marks "decided".
    const updated = await repo.updateEvaluation(tx, id, body.version, {});
    if (updated) {
      await writeDecisions(tx, [{ evaluationId: id, score, result, tasks }], actor.displayName);
    }
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'decide',
      entityType: 'evaluation',
      entityId: id,
      scopePath: row.e.unitPath,
      summary: `Xếp loại ${row.memberName ?? row.unitName}: ${ratingCodeLabels[result.rating]} (${period.label})`,
      after: { score, rating: result.rating, rule: result.rule, tasks },
    });
  });
  return getEvaluation({ db, actor, id });
}
