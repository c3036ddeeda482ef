import type { z } from 'zod';
import type {
  AppointmentDto,
  CreateAppointmentBody,
  createPostTitleBody,
  PostTitleDto,
  UpdateAppointmentBody,
  UpdatePostTitleBody,
} from '../../contracts/posts.ts';
import type { AppointmentMethod, PostLevel, PostSector } from '../../contracts/enums.ts';
import { fieldLabels } from '../../contracts/field-labels.ts';
import {
  isTopLevel,
  requireAdmin,
  requireReader,
  requireWriter,
  type Actor,
} from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { fieldError, forbidden, invalid, notFound, staleVersion } from '../../core/errors.ts';
import { accessCheck, dataCheck, deny, explain, type Verdict } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { assertMemberVisible } from '../members/members.service.ts';
import { isVisible } from '../members/members.repo.ts';
import { findUnit, namesAsOf } from '../units/units.repo.ts';
import * as repo from './posts.repo.ts';
import {
  checkAppointmentDates,
  checkNoOverlap,
  checkUnitInForce,
  type Problem,
} from './posts.rules.ts';
import { inForce } from './tenure.rules.ts';

type Ctx = { db: Db; actor: Actor };
const APPOINTMENT = 'Chức vụ';
const POST_TITLE = 'Chức danh';
/** Labels where an appointment's field means something else than elsewhere (unitId). */
const ownLabels: Record<string, string> = { unitId: 'Tổ chức nơi giữ chức vụ' };
const label = (f: string) => ownLabels[f] ?? fieldLabels[f] ?? f;
const refuse = (verdict: Verdict, field: string) =>
  enforceAll(verdict.ok ? [] : [{ field, verdict }]);

function enforceAll(problems: Problem[]) {
  if (problems.length) {
    throw invalid(
      problems.map((p) => ({ field: p.field, label: label(p.field), message: explain(p.verdict) })),
    );
  }
}

// ─── Post titles ─────────────────────────────────────────────────────────────────────────

const CATALOGUE_RULE = accessCheck(
  'Danh mục chức danh dùng chung cho toàn hệ thống do quản trị hệ thống cấp cao nhất quản lý',
);

/**
 * The catalogue is national: only an administrator of a whole tree (an account bound to a
 * root unit) may change it, so an administrator of one commune cannot rename a title for all.
 */
function requireCatalogueAdmin(actor: Actor) {
  requireAdmin(actor);
  if (!isTopLevel(actor)) {
    throw forbidden(
      `${explain(deny('Chỉ quản trị viên cấp cao nhất được sửa danh mục chức danh', [CATALOGUE_RULE]))}.`,
    );
  }
}

const toPostTitleDto = (r: repo.PostTitleRow): PostTitleDto => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level as PostLevel,
  sector: r.sector as PostSector,
  managingBody: r.managingBody,
  isKey: r.isKey,
  sortOrder: r.sortOrder,
  active: r.active,
  version: r.version,
});
const titleFields = (r: repo.PostTitleRow) => {
  const { id, version, createdAt, updatedAt, ...rest } = r;
  void id;
  void version;
  void createdAt;
  void updatedAt;
  return rest;
};

export async function listPostTitles({
  db,
  actor,
  includeInactive,
}: Ctx & { includeInactive: boolean }): Promise<PostTitleDto[]> {
  requireReader(actor);
  return (await repo.listPostTitles(db, includeInactive)).map(toPostTitleDto);
}

async function assertCodeFree(tx: Db, code: string, exceptId?: number) {
  if (await repo.postTitleCodeTaken(tx, code, exceptId)) {
    throw fieldError('code', 'Mã chức danh', `Mã "${code}" đã được dùng cho chức danh khác`);
  }
}

export async function createPostTitle({
  db,
  actor,
  body,
}: Ctx & { body: z.output<typeof createPostTitleBody> }): Promise<PostTitleDto> {
  requireCatalogueAdmin(actor);
  return db.transaction(async (tx) => {
    await assertCodeFree(tx, body.code);
    const row = await repo.insertPostTitle(tx, body);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'post_title',
      entityId: row.id,
      scopePath: actor.scopePath,
      summary: `Thêm chức danh ${row.name}`,
      after: titleFields(row),
    });
    return toPostTitleDto(row);
  });
}

export async function updatePostTitle({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdatePostTitleBody }): Promise<PostTitleDto> {
  requireCatalogueAdmin(actor);
  const { version, ...patch } = body;
  return db.transaction(async (tx) => {
    const row = await repo.findPostTitle(tx, id, true);
    if (!row) throw notFound(POST_TITLE);
    if (row.version !== version) throw staleVersion();
    const values = Object.fromEntries(
      Object.entries(patch).filter(([, v]) => v !== undefined),
    ) as Partial<repo.PostTitleRow>;
    const changes = diff(titleFields(row), { ...titleFields(row), ...values });
    if (!changes) return toPostTitleDto(row);
    if (values.code !== undefined && values.code !== row.code)
      await assertCodeFree(tx, values.code, id);
    const saved = await repo.updatePostTitle(tx, id, version, values);
    if (!saved) throw staleVersion();
    const deactivated = values.active === false && row.active;
    await recordAudit(tx, actor, {
      action: deactivated ? 'archive' : 'update',
      entityType: 'post_title',
      entityId: id,
      scopePath: actor.scopePath,
      summary: deactivated
        ? `Ngừng sử dụng chức danh ${row.name}`
        : `Sửa chức danh ${saved.name}: ${Object.keys(changes.after).join(', ')}`,
      ...changes,
    });
    return toPostTitleDto(saved);
  });
}

// ─── Appointments ────────────────────────────────────────────────────────────────────────

async function present(
  db: Db,
  rows: repo.AppointmentWithTitle[],
  date = today(),
): Promise<AppointmentDto[]> {
  const nameOf = await namesAsOf(
    db,
    rows.map((r) => ({ unitId: r.a.unitId, date: r.a.startDate })),
  );
  return rows.map(({ a, postTitleName, postLevel, isKey }) => ({
    id: a.id,
    memberId: a.memberId,
    postTitleId: a.postTitleId,
    postTitleName,
    postLevel: postLevel as PostLevel,
    isKey,
    unitId: a.unitId,
    unitName: nameOf(a.unitId, a.startDate) ?? '',
    startDate: a.startDate,
    endDate: a.endDate,
    decisionNumber: a.decisionNumber,
    decisionDate: a.decisionDate,
    method: a.method as AppointmentMethod,
    concurrent: a.concurrent,
    term: a.term,
    endReason: a.endReason,
    note: a.note,
    current: inForce(a, date),
    version: a.version,
  }));
}

/**
 * A person's appointments, oldest first (the résumé builds the 2C work history from them).
 * Readers see the posts held inside their subtree of a member they may see; a person sees
 * all of their own.
 */
export async function listMemberAppointments({
  db,
  actor,
  memberId,
}: Ctx & { memberId: number }): Promise<AppointmentDto[]> {
  const own = actor.memberId === memberId;
  if (!own) requireReader(actor);
  await assertMemberVisible(db, actor, memberId);
  return present(db, await repo.appointmentsOfMember(db, memberId, own ? null : actor));
}

async function writableMember(ctx: Ctx, memberId: number) {
  requireWriter(ctx.actor);
  if (!(await isVisible(ctx.db, ctx.actor, memberId))) throw notFound('Hồ sơ đảng viên');
  await repo.lockMemberRow(ctx.db, memberId);
  const person = await repo.memberFacts(ctx.db, memberId);
  if (!person) throw notFound('Hồ sơ đảng viên');
  return person;
}

type Fields = CreateAppointmentBody;

/** Every rule on the new state of an appointment; returns the unit and title it points at. */
async function checkAppointment(
  ctx: Ctx,
  person: NonNullable<Awaited<ReturnType<typeof repo.memberFacts>>>,
  fields: Fields,
  id: number | undefined,
  previousTitleId: number | undefined,
) {
  const title = await repo.findPostTitle(ctx.db, fields.postTitleId);
  if (!title) throw fieldError('postTitleId', label('postTitleId'), 'không tồn tại');
  if (!title.active && title.id !== previousTitleId) {
    refuse(
      deny(`Chức danh ${title.name} đã ngừng sử dụng`, [
        dataCheck('Chức vụ mới dùng chức danh đang sử dụng trong danh mục'),
      ]),
      'postTitleId',
    );
  }
  const unit = await findUnit(ctx.db, ctx.actor, fields.unitId);
  if (!unit) {
    throw fieldError(
      'unitId',
      label('unitId'),
      'không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn',
    );
  }
  enforceAll(checkAppointmentDates({ ...fields, id }, person));
  refuse(checkUnitInForce(fields, unit), 'unitId');
  const others = (await repo.appointmentsOfMember(ctx.db, person.id, null)).map((r) => r.a);
  refuse(
    checkNoOverlap({ ...fields, id }, others, { post: title.name, unit: unit.name }),
    'startDate',
  );
  return { title, unit };
}

const summaryOf = (title: string, unit: string, f: { startDate: string; endDate: string | null }) =>
  `${title} tại ${unit} từ ${formatDate(f.startDate)}${f.endDate ? ` đến ${formatDate(f.endDate)}` : ''}`;

const storedFields = (a: repo.AppointmentRow) => ({
  postTitleId: a.postTitleId,
  unitId: a.unitId,
  startDate: a.startDate,
  endDate: a.endDate,
  decisionNumber: a.decisionNumber,
  decisionDate: a.decisionDate,
  method: a.method,
  concurrent: a.concurrent,
  term: a.term,
  endReason: a.endReason,
  note: a.note,
});

async function presentOne(db: Db, a: repo.AppointmentRow) {
  const [dto] = await present(
    db,
    (await repo.appointmentsOfMember(db, a.memberId, null)).filter((r) => r.a.id === a.id),
  );
  return dto!;
}

export async function createAppointment({
  db,
  actor,
  memberId,
  body,
}: Ctx & { memberId: number; body: CreateAppointmentBody }): Promise<AppointmentDto> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const ctx = { db: tx, actor };
    const person = await writableMember(ctx, memberId);
    const { title, unit } = await checkAppointment(ctx, person, body, undefined, undefined);
    const row = await repo.insertAppointment(tx, { ...body, memberId, unitPath: unit.path });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'member',
      entityId: memberId,
      scopePath: person.unitPath,
      summary: `Thêm chức vụ ${summaryOf(title.name, unit.name, body)}`,
      after: { appointmentId: row.id, ...storedFields(row) },
    });
    return presentOne(tx, row);
  });
}

export async function updateAppointment({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: UpdateAppointmentBody }): Promise<AppointmentDto> {
  requireWriter(actor);
  const { version, ...fields } = body;
  return db.transaction(async (tx) => {
    const ctx = { db: tx, actor };
    const row = await repo.findAppointment(tx, actor, id, true);
    if (!row) throw notFound(APPOINTMENT);
    const person = await writableMember(ctx, row.memberId);
    if (row.version !== version) throw staleVersion();
    const { title, unit } = await checkAppointment(ctx, person, fields, id, row.postTitleId);
    const before = storedFields(row);
    const changes = diff(before, { ...before, ...fields });
    if (!changes) return presentOne(tx, row);
    const saved = await repo.updateAppointment(tx, actor, id, version, {
      ...fields,
      memberId: row.memberId,
      unitPath: unit.path,
    });
    if (!saved) throw staleVersion();
    const ended = !row.endDate && fields.endDate;
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'member',
      entityId: row.memberId,
      scopePath: person.unitPath,
      summary: ended
        ? `Thôi giữ chức vụ ${summaryOf(title.name, unit.name, fields)}`
        : `Sửa chức vụ ${summaryOf(title.name, unit.name, fields)}: ${Object.keys(changes.after).map(label).join(', ')}`,
      before: { appointmentId: id, ...changes.before },
      after: { appointmentId: id, ...changes.after },
    });
    return presentOne(tx, saved);
  });
}

export async function deleteAppointment({
  db,
  actor,
  id,
  version,
}: Ctx & { id: number; version: number }): Promise<{ ok: true }> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const row = await repo.findAppointment(tx, actor, id, true);
    if (!row) throw notFound(APPOINTMENT);
    const person = await writableMember({ db: tx, actor }, row.memberId);
    if (row.version !== version) throw staleVersion();
    const [shown] = await present(
      tx,
      (await repo.appointmentsOfMember(tx, row.memberId, null)).filter((r) => r.a.id === id),
    );
    if (!(await repo.deleteAppointment(tx, actor, id, version))) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'member',
      entityId: row.memberId,
      scopePath: person.unitPath,
      summary: `Xóa chức vụ ${summaryOf(shown!.postTitleName, shown!.unitName, row)}`,
      before: { appointmentId: id, ...storedFields(row) },
    });
    return { ok: true as const };
  });
}
