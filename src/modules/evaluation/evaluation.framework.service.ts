/**
 * Choosing an evaluation's criteria framework (QĐ 366-QĐ/TW has five): opening a period picks
 * "leaders" for a post holder and "without a post" otherwise; the level changes it — e.g. to the
 * Central-managed or the outside-the-political-system framework — before the first step.
 */
import type { z } from 'zod';
import type { EvaluationDto, frameworkBody } from '../../contracts/evaluation.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import type { Actor } from '../../core/access/actor.ts';
import { conflict, fieldError, forbidden, staleVersion } from '../../core/errors.ts';
import { accessCheck, dataCheck, deny, explain } from '../../core/rules/verdict.ts';
import * as repo from './evaluation.repo.ts';
import { getEvaluation, load, permissions } from './evaluation.workflow.service.ts';

const FRAMEWORK_RULE = dataCheck(
  'Khung tiêu chí quyết định các tiêu chí được chấm: chỉ đổi trước khi có bước đánh giá đầu tiên',
);
const LEVEL_RULE = accessCheck('Cấp ủy, cơ quan tổ chức trong phạm vi chọn khung tiêu chí');

export async function changeFramework({
  db,
  actor,
  id,
  body,
}: {
  db: Db;
  actor: Actor;
  id: number;
  body: z.output<typeof frameworkBody>;
}): Promise<EvaluationDto> {
  await db.transaction(async (tx) => {
    const { row, period } = await load(tx, actor, id, true);
    if (!permissions(actor, row.e, period).framework) {
      const open = { ...period, status: 'open' };
      if (!permissions(actor, { ...row.e, stage: 'none' }, open).framework) {
        throw forbidden(`${explain(deny('Bạn không được đổi khung tiêu chí', [LEVEL_RULE]))}.`);
      }
      const why = period.status !== 'open' ? 'Kỳ đánh giá đã đóng' : 'Phiếu đã có bước đánh giá';
      throw conflict(`${explain(deny(why, [FRAMEWORK_RULE]))}.`);
    }
    if (row.e.version !== body.version) throw staleVersion();
    const framework = await repo.findFramework(tx, body.frameworkId);
    const subject = row.e.targetUnitId === null ? 'individual' : 'collective';
    if (!framework || !framework.active || framework.subject !== subject) {
      throw fieldError(
        'frameworkId',
        'Khung tiêu chí',
        subject === 'individual'
          ? 'phải là một khung tiêu chí đang dùng cho cá nhân'
          : 'phải là một khung tiêu chí đang dùng cho tập thể',
      );
    }
    const updated = await repo.updateEvaluation(tx, id, body.version, {
      frameworkId: framework.id,
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'evaluation',
      entityId: id,
      scopePath: row.e.unitPath,
      summary: `Đổi khung tiêu chí của ${row.memberName ?? row.unitName}: ${row.frameworkName} → ${framework.name}`,
      before: { framework: row.frameworkName },
      after: { framework: framework.name },
    });
  });
  return getEvaluation({ db, actor, id });
}
