/**
 * Nomination rounds (quy trình 5 bước giới thiệu nhân sự): configurable steps per body, each a
 * meeting whose secret-ballot tally is kept as counts per name; a name passes with more than
 * `congress.nomination_pass_percent` % (the elections module's nomination rule), and only names
 * that passed a step may enter the next. Names passing the last step are the nominees.
 */
import {
  bodyKindLabels,
  type BodyKind,
  type NominationDto,
  type NomineeDto,
  type StepDto,
  type UpdateStepBody,
} from '../../contracts/congress.ts';
import { requireReader, requireWriter, type Actor } from '../../core/access/actor.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { conflict, fieldError, invalid, notFound, staleVersion } from '../../core/errors.ts';
import { today } from '../../core/dates.ts';
import {
  nominationFunnel,
  nominationStep,
  type NominationRules,
} from '../elections/nomination.rules.ts';
import { loadRules } from '../rules/registry.ts';
import * as congressRepo from './congress.repo.ts';
import { canWrite, loadBody, loadCongress } from './congress.service.ts';
import * as repo from './plan.repo.ts';

type Ctx = { db: Db; actor: Actor };

/** The guidance's five steps; each congress may rename, add or drop steps. */
export const defaultStepNames = [
  'Bước 1: Ban Thường vụ thảo luận, thống nhất cơ cấu, tiêu chuẩn và giới thiệu nhân sự',
  'Bước 2: Hội nghị cán bộ chủ chốt giới thiệu nhân sự',
  'Bước 3: Ban Thường vụ tổng hợp, xem xét, giới thiệu nhân sự',
  'Bước 4: Hội nghị Ban Chấp hành thảo luận, giới thiệu nhân sự',
  'Bước 5: Ban Thường vụ xem xét, lựa chọn nhân sự trình cấp trên',
];

async function nominationRules(db: Db, unitPath: string, on: string): Promise<NominationRules> {
  const r = (await loadRules(db)).get<number>('congress.nomination_pass_percent', unitPath, on);
  return { nominationPassPercent: { value: r.value, citation: r.citation } };
}

/** Each step with its outcome per name; `passed` of a step feeds the next. */
async function computeSteps(db: Db, unitPath: string, bodyId: number, on: string) {
  const steps = await repo.listSteps(db, bodyId);
  const rows = await repo.tallies(
    db,
    steps.map((s) => s.id),
  );
  const rules = await nominationRules(db, unitPath, on);
  return steps.map((s) => {
    const own = rows.filter((r) => r.t.stepId === s.id);
    const result = nominationStep({
      summoned: Math.max(1, s.summoned),
      votes: own.map((r) => ({ id: String(r.t.memberId), name: r.fullName, votes: r.t.votes })),
      rules,
    });
    // Without the number summoned nothing can pass: the meeting is not recorded yet.
    const outcomes = result.outcomes.map((o) => ({ ...o, passed: s.summoned > 0 && o.passed }));
    return { step: s, outcomes, rules };
  });
}

type Computed = Awaited<ReturnType<typeof computeSteps>>[number];

function toStepDto(c: Computed): StepDto {
  const min = c.rules.nominationPassPercent;
  return {
    id: c.step.id,
    bodyId: c.step.bodyId,
    stepNo: c.step.stepNo,
    name: c.step.name,
    meetingDate: c.step.meetingDate,
    summoned: c.step.summoned,
    present: c.step.present,
    tallies: c.outcomes.map((o) => ({
      memberId: Number(o.id),
      fullName: o.name,
      votes: o.votes,
      percent: o.percent,
      passed: o.passed,
    })),
    entered: c.outcomes.length,
    passed: c.outcomes.filter((o) => o.passed).length,
    passRule: {
      message: `Qua bước khi được trên ${min.value}% số người được triệu tập dự hội nghị bỏ phiếu giới thiệu`,
      citations: [min.citation],
    },
    version: c.step.version,
  };
}

export async function getNomination({
  db,
  actor,
  congressId,
  bodyId,
}: Ctx & { congressId: number; bodyId: number }): Promise<NominationDto> {
  requireReader(actor);
  const { congress, body } = await loadBody(db, actor, congressId, bodyId);
  const steps = (await computeSteps(db, congress.unitPath, body.id, congress.startsOn)).map(
    toStepDto,
  );
  return {
    body: {
      id: body.id,
      kind: body.kind as BodyKind,
      kindLabel: bodyKindLabels[body.kind as BodyKind] ?? body.kind,
      name: body.name,
      seats: body.seats,
      sortOrder: body.sortOrder,
    },
    steps,
    funnel: nominationFunnel(
      steps.map((s) => ({ label: s.name, entered: s.entered, passed: s.passed })),
    ).map((f, i) => ({
      stepNo: steps[i]!.stepNo,
      name: f.label,
      entered: f.entered,
      passed: f.passed,
    })),
    canWrite: canWrite(actor),
  };
}

/** Creates the default five steps, or appends the named ones after the existing steps. */
export async function addSteps({
  db,
  actor,
  congressId,
  bodyId,
  names,
}: Ctx & { congressId: number; bodyId: number; names?: string[] }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { congress, body } = await loadBody(tx, actor, congressId, bodyId, true);
    const existing = await repo.listSteps(tx, body.id);
    const list = names ?? (existing.length ? null : defaultStepNames);
    if (!list) throw fieldError('names', 'Tên bước', 'Hãy nhập tên bước cần thêm');
    const start = existing.reduce((m, s) => Math.max(m, s.stepNo), 0);
    await repo.insertSteps(
      tx,
      list.map((name, i) => ({
        congressId: congress.id,
        bodyId: body.id,
        stepNo: start + i + 1,
        name,
      })),
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: congress.id,
      scopePath: congress.unitPath,
      summary: `${body.name}: thêm ${list.length} bước giới thiệu nhân sự`,
      after: { steps: list },
    });
    return getNomination({ db: tx, actor, congressId, bodyId });
  });
}

async function loadStep(tx: Db, actor: Actor, stepId: number) {
  const step = await repo.findStep(tx, stepId, true);
  if (!step) throw notFound('Bước giới thiệu');
  // Through its congress: 404 when that congress lies outside the caller's subtree.
  const congress = await loadCongress(tx, actor, step.congressId);
  return { step, congress };
}

export async function updateStep({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdateStepBody }): Promise<NominationDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { step, congress } = await loadStep(tx, actor, id);
    if (step.version !== body.version) throw staleVersion();
    const summoned = body.summoned ?? step.summoned;
    const presentN = body.present ?? step.present;
    if (presentN > summoned)
      throw fieldError('present', 'Số có mặt', 'Số có mặt không được lớn hơn số được triệu tập');
    const computed = await computeSteps(tx, congress.unitPath, step.bodyId, congress.startsOn);
    const index = computed.findIndex((c) => c.step.id === step.id);
    if (body.tallies) {
      const problems = await checkTallies(
        tx,
        congress.unitPath,
        body.tallies,
        presentN,
        computed[index - 1],
      );
      if (problems.length) throw invalid(problems);
    }
    const saved = await repo.updateStep(tx, id, step.version, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.meetingDate !== undefined ? { meetingDate: body.meetingDate } : {}),
      summoned,
      present: presentN,
    });
    if (!saved) throw staleVersion();
    if (body.tallies) await repo.replaceTallies(tx, id, body.tallies);
    await refuseBrokenChain(tx, congress, step.bodyId, index);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'congress',
      entityId: congress.id,
      scopePath: congress.unitPath,
      summary: `${saved.name}: triệu tập ${summoned}, có mặt ${presentN}${body.tallies ? `, kết quả phiếu của ${body.tallies.length} người` : ''}`,
      before: {
        name: step.name,
        meetingDate: step.meetingDate,
        summoned: step.summoned,
        present: step.present,
      },
      after: {
        name: saved.name,
        meetingDate: saved.meetingDate,
        summoned,
        present: presentN,
        ...(body.tallies ? { tallies: body.tallies } : {}),
      },
    });
    return getNomination({ db: tx, actor, congressId: congress.id, bodyId: step.bodyId });
  });
}

async function checkTallies(
  tx: Db,
  unitPath: string,
  tallies: { memberId: number; votes: number }[],
  presentN: number,
  previous: Computed | undefined,
) {
  const problems: { field: string; label: string; message: string }[] = [];
  const ids = tallies.map((t) => t.memberId);
  if (new Set(ids).size !== ids.length)
    problems.push({
      field: 'tallies',
      label: 'Kết quả phiếu',
      message: 'Một người được nhập hai lần',
    });
  const over = tallies.find((t) => t.votes > presentN);
  if (over)
    problems.push({
      field: 'tallies',
      label: 'Kết quả phiếu',
      message: `Số phiếu (${over.votes}) lớn hơn số người có mặt bỏ phiếu (${presentN})`,
    });
  const known = new Set((await repo.membersInSubtree(tx, unitPath, ids)).map((m) => m.id));
  if (known.size !== new Set(ids).size)
    problems.push({
      field: 'tallies',
      label: 'Kết quả phiếu',
      message: 'Có người không phải đảng viên đang sinh hoạt trong đảng bộ',
    });
  if (previous) {
    const passed = new Set(previous.outcomes.filter((o) => o.passed).map((o) => Number(o.id)));
    const outsiders = tallies.filter((t) => !passed.has(t.memberId));
    if (outsiders.length)
      problems.push({
        field: 'tallies',
        label: 'Kết quả phiếu',
        message: `Chỉ người đã qua ${previous.step.name.split(':')[0]} mới được đưa vào bước này (${outsiders.length} người chưa qua)`,
      });
  }
  return problems;
}

/** A change that drops a name some later step still lists is refused, naming the step. */
async function refuseBrokenChain(
  tx: Db,
  congress: congressRepo.CongressRow,
  bodyId: number,
  from: number,
) {
  const computed = await computeSteps(tx, congress.unitPath, bodyId, congress.startsOn);
  for (let i = Math.max(1, from + 1); i < computed.length; i++) {
    const passed = new Set(computed[i - 1]!.outcomes.filter((o) => o.passed).map((o) => o.id));
    const stray = computed[i]!.outcomes.find((o) => !passed.has(o.id));
    if (stray)
      throw conflict(
        `${stray.name} có trong ${computed[i]!.step.name.split(':')[0]} nhưng không còn qua bước trước; hãy sửa bước sau trước.`,
      );
  }
}

/** Only the last step may be removed, so the chain of steps stays whole. */
export async function deleteStep({
  db,
  actor,
  id,
  version,
}: Ctx & { id: number; version: number }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { step, congress } = await loadStep(tx, actor, id);
    if (step.version !== version) throw staleVersion();
    const steps = await repo.listSteps(tx, step.bodyId);
    if (steps[steps.length - 1]!.id !== step.id) throw conflict('Chỉ xóa được bước cuối cùng.');
    await repo.deleteStep(tx, id);
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'congress',
      entityId: congress.id,
      scopePath: congress.unitPath,
      summary: `Xóa ${step.name}`,
      before: { name: step.name, summoned: step.summoned, present: step.present },
    });
    return getNomination({ db: tx, actor, congressId: congress.id, bodyId: step.bodyId });
  });
}

/**
 * The convening committee's nominees for a body: the names that passed the last step, with
 * their facts (for the elections module's list). Empty until a step passes anyone.
 */
export async function listNominees({
  db,
  actor,
  congressId,
  bodyId,
}: Ctx & { congressId: number; bodyId: number }): Promise<NomineeDto[]> {
  requireReader(actor);
  const { congress, body } = await loadBody(db, actor, congressId, bodyId);
  const computed = await computeSteps(db, congress.unitPath, body.id, congress.startsOn ?? today());
  const last = computed[computed.length - 1];
  if (!last) return [];
  const passed = last.outcomes.filter((o) => o.passed);
  const facts = new Map(
    (
      await repo.people(
        db,
        passed.map((o) => Number(o.id)),
      )
    ).map((p) => [p.id, p]),
  );
  return passed.map((o) => {
    const p = facts.get(Number(o.id))!;
    return {
      memberId: p.id,
      fullName: p.fullName,
      gender: p.gender,
      birthDate: p.birthDate,
      ethnicity: p.ethnicity,
      unitName: p.unitName,
      votes: o.votes,
      percent: o.percent,
    };
  });
}
