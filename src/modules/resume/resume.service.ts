import type { z } from 'zod';
import {
  partialDateEnd,
  partialDateStart,
  resumeFieldLabels,
  resumeSections,
  sectionSpecs,
  sensitiveFields,
  generalFields,
  type EntryBody,
  type FieldValues,
  type ResumeDto,
  type ResumeEntryDto,
  type ResumeSection,
  type saveProfileBody,
  type WorkHistoryItem,
} from '../../contracts/resume.ts';
import {
  hasPermission,
  requireReader,
  requireWriter,
  type Actor,
} from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../../core/errors.ts';
import { explain } from '../../core/rules/verdict.ts';
import { assertMemberVisible } from '../members/members.service.ts';
import { listMemberAppointments } from '../posts/posts.service.ts';
import * as repo from './resume.repo.ts';
import {
  canSeeSensitive,
  canWriteSensitive,
  checkPeriod,
  checkProfileDates,
  type FieldVerdict,
} from './resume.rules.ts';

type Ctx = { db: Db; actor: Actor };
const MEMBER = 'Hồ sơ đảng viên';
const ENTRY = 'Dòng lý lịch';
const label = (field: string) => resumeFieldLabels[field] ?? field;

// Entry rows keep the partial dates as typed ('2005', '2005-09') beside their fields; the date
// columns hold the period's first and last day for ordering.
const FROM = '_from';
const TO = '_to';

type Stored = Record<string, string | number | boolean>;

export function toEntryDto(row: repo.EntryRow): ResumeEntryDto {
  const { [FROM]: from, [TO]: to, ...fields } = row.fields as Stored;
  return {
    id: row.id,
    section: row.section as ResumeSection,
    from: typeof from === 'string' ? from : null,
    to: typeof to === 'string' ? to : null,
    fields,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

/** Drops empty strings, so stored rows hold only what was filled in. */
function compact(values: FieldValues): Stored {
  return Object.fromEntries(
    Object.entries(values).filter(
      (e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== '',
    ),
  );
}

function entryValues(body: EntryBody) {
  const from = body.from ?? null;
  const to = body.to ?? null;
  return {
    section: body.section,
    fromDate: from ? partialDateStart(from) : null,
    toDate: to ? partialDateEnd(to) : null,
    fields: {
      ...compact(body.fields as FieldValues),
      ...(from ? { [FROM]: from } : {}),
      ...(to ? { [TO]: to } : {}),
    },
    sortOrder: body.sortOrder ?? 0,
  };
}

const isSensitive = (section: ResumeSection) => sectionSpecs[section].sensitive;
const publicSections = resumeSections.filter((s) => !isSensitive(s));

/** Whether the caller may see the protected part of this person's résumé. */
const seesSensitive = (actor: Actor, memberId: number) =>
  canSeeSensitive({
    hasPermission: hasPermission(actor, 'sensitive'),
    ownRecord: actor.memberId === memberId,
  }).ok;

// ─── Reading ─────────────────────────────────────────────────────────────────────────────

/**
 * Quá trình công tác: the free-text rows for the time before CanBo plus the appointments kept
 * by the posts module, in date order.
 */
async function workHistoryOf(
  { db, actor }: Ctx,
  memberId: number,
  entries: ResumeEntryDto[],
): Promise<WorkHistoryItem[]> {
  const items: WorkHistoryItem[] = entries
    .filter((e) => e.section === 'work_history')
    .map((e) => ({
      source: 'entry',
      id: e.id,
      from: e.from,
      to: e.to,
      post: String(e.fields['workPost'] ?? ''),
      unit: String(e.fields['workUnit'] ?? ''),
      concurrent: false,
    }));
  const appointments = await listMemberAppointments({ db, actor, memberId });
  for (const a of appointments) {
    items.push({
      source: 'appointment',
      id: a.id,
      from: a.startDate,
      to: a.endDate ?? null,
      post: a.postTitleName,
      unit: a.unitName,
      concurrent: a.concurrent,
    });
  }
  const start = (i: WorkHistoryItem) => (i.from ? partialDateStart(i.from) : '9999');
  return items.sort(
    (a, b) =>
      start(a).localeCompare(start(b)) ||
      Number(a.concurrent) - Number(b.concurrent) ||
      a.source.localeCompare(b.source) ||
      a.id - b.id,
  );
}

export interface LoadedResume {
  member: repo.MemberRow;
  dto: ResumeDto;
}

/** Full résumés of visible members, in the order asked; 404 if any is out of reach. */
async function loadResumes(ctx: Ctx, memberIds: number[], access: repo.Access) {
  const { db, actor } = ctx;
  const ids = [...new Set(memberIds)];
  const rows = await repo.findMembers(db, actor, ids, access);
  if (rows.length !== ids.length) throw notFound(MEMBER);
  const profiles = await repo.findProfiles(db, actor, ids, access);
  const withSensitive = ids.filter((id) => seesSensitive(actor, id));
  const plain = ids.filter((id) => !seesSensitive(actor, id));
  const entries = [
    ...(await repo.listEntries(db, actor, withSensitive, resumeSections, access)),
    ...(await repo.listEntries(db, actor, plain, publicSections, access)),
  ];
  const result: LoadedResume[] = [];
  for (const id of ids) {
    const member = rows.find((r) => r.id === id)!;
    const profile = profiles.find((p) => p.memberId === id);
    const sensitiveIncluded = withSensitive.includes(id);
    const own = entries
      .filter((e) => e.memberId === id)
      .sort(
        (a, b) =>
          (a.fromDate ?? '9999').localeCompare(b.fromDate ?? '9999') ||
          a.sortOrder - b.sortOrder ||
          a.id - b.id,
      )
      .map(toEntryDto);
    result.push({
      member,
      dto: {
        memberId: id,
        fullName: member.fullName,
        profile: {
          general: (profile?.general ?? {}) as Stored,
          sensitive: sensitiveIncluded ? ((profile?.sensitive ?? {}) as Stored) : null,
          version: profile?.version ?? 0,
          updatedAt: profile?.updatedAt.toISOString() ?? null,
        },
        entries: own,
        workHistory: await workHistoryOf(ctx, id, own),
        sensitiveIncluded,
      },
    });
  }
  return result;
}

/** Officers and leaders read résumés in their subtree; anyone reads their own. */
async function readAccess({ db, actor }: Ctx, memberId: number): Promise<repo.Access> {
  const own = actor.memberId === memberId;
  if (!own) requireReader(actor);
  await assertMemberVisible(db, actor, memberId);
  return own ? 'own' : 'scope';
}

export async function getResume(ctx: Ctx & { memberId: number }): Promise<ResumeDto> {
  const access = await readAccess(ctx, ctx.memberId);
  const [loaded] = await loadResumes(ctx, [ctx.memberId], access);
  return loaded!.dto;
}

export async function getOwnResume(ctx: Ctx): Promise<ResumeDto> {
  const id = ctx.actor.memberId;
  if (id === null) {
    throw new AppError(
      404,
      'NOT_FOUND',
      'Tài khoản của bạn chưa được gắn với hồ sơ đảng viên nào.',
    );
  }
  const [loaded] = await loadResumes(ctx, [id], 'own');
  return loaded!.dto;
}

/** For the exports: one résumé (own or in scope) or several (in scope). */
export async function loadForPrint(ctx: Ctx & { memberIds: number[] }): Promise<LoadedResume[]> {
  if (ctx.memberIds.length === 1) {
    const access = await readAccess(ctx, ctx.memberIds[0]!);
    return loadResumes(ctx, ctx.memberIds, access);
  }
  requireReader(ctx.actor);
  return loadResumes(ctx, ctx.memberIds, 'scope');
}

// ─── Writing ─────────────────────────────────────────────────────────────────────────────

async function lockedMember({ db, actor }: Ctx, memberId: number) {
  const member = await repo.lockMember(db, actor, memberId);
  if (!member) throw notFound(MEMBER);
  return member;
}

function refuseSensitive(actor: Actor, what: string) {
  const verdict = canWriteSensitive(what, hasPermission(actor, 'sensitive'));
  if (!verdict.ok) throw forbidden(`${explain(verdict)}.`);
}

function enforceAll(problems: FieldVerdict[]) {
  if (problems.length) {
    throw invalid(
      problems.map((p) => ({ field: p.field, label: label(p.field), message: explain(p.verdict) })),
    );
  }
}

const labelsOf = (keys: string[]) => keys.map(label).join(', ');

export async function saveProfile(
  ctx: Ctx & { memberId: number; body: z.output<typeof saveProfileBody> },
): Promise<ResumeDto> {
  const { actor, memberId, body } = ctx;
  requireWriter(actor);
  if (body.sensitive !== undefined) refuseSensitive(actor, 'Nhận xét, đánh giá và kê khai tài sản');
  await ctx.db.transaction(async (tx) => {
    const member = await lockedMember({ db: tx, actor }, memberId);
    const general = compact(body.general as FieldValues);
    enforceAll(checkProfileDates(general, { birthDate: member.birthDate, today: today() }));
    const [current] = await repo.findProfiles(tx, actor, [memberId]);
    if ((current?.version ?? 0) !== body.version) throw staleVersion();
    const beforeGeneral = (current?.general ?? {}) as Stored;
    const beforeSensitive = (current?.sensitive ?? {}) as Stored;
    const sensitive = body.sensitive ? compact(body.sensitive as FieldValues) : beforeSensitive;
    const generalChanges = diff(
      Object.fromEntries(generalFields.map((f) => [f.key, beforeGeneral[f.key]])),
      Object.fromEntries(generalFields.map((f) => [f.key, general[f.key]])),
    );
    const sensitiveChanged = sensitiveFields
      .map((f) => f.key)
      .filter((k) => JSON.stringify(beforeSensitive[k]) !== JSON.stringify(sensitive[k]));
    if (!generalChanges && !sensitiveChanged.length) return;
    const saved = current
      ? await repo.updateProfile(tx, memberId, body.version, { general, sensitive })
      : await repo.insertProfile(tx, { memberId, general, sensitive });
    if (!saved) throw staleVersion();
    const changed = [...Object.keys(generalChanges?.after ?? {}), ...sensitiveChanged];
    await recordAudit(tx, actor, {
      action: current ? 'update' : 'create',
      entityType: 'member',
      entityId: memberId,
      scopePath: member.unitPath,
      summary: `Cập nhật sơ yếu lý lịch của ${member.fullName}: ${labelsOf(changed)}`,
      // The protected values never go into the log, which readers without the permission see.
      before: { ...(generalChanges?.before ?? {}) },
      after: {
        ...(generalChanges?.after ?? {}),
        ...(sensitiveChanged.length
          ? { sensitive: protectedNote(labelsOf(sensitiveChanged)) }
          : {}),
      },
    });
  });
  return getResume({ ...ctx, memberId });
}

function checkEntry(body: EntryBody, member: repo.MemberRow) {
  const problems = checkPeriod(body.section, body.from ?? null, body.to ?? null, {
    birthDate: member.birthDate,
    today: today(),
  });
  enforceAll(problems);
}

/** How the log mentions protected content: what changed, never the values. */
const protectedNote = (what: string) => `${what} (nội dung không ghi vào nhật ký)`;

/**
 * The whole content of a row, every field of its section present (null when empty), so that
 * `diff` also sees a field that was cleared.
 */
const contentOf = (dto: ResumeEntryDto): Record<string, unknown> => ({
  from: dto.from,
  to: dto.to,
  ...Object.fromEntries(
    sectionSpecs[dto.section].fields.map((f) => [f.key, dto.fields[f.key] ?? null]),
  ),
});

/**
 * What an audit row keeps of an entry. A protected row is not even named by its section
 * (that a person has a "Kỷ luật" row is itself protected): the log, which readers without the
 * permission see, says only that a protected row changed.
 */
function auditOf(dto: ResumeEntryDto): Record<string, unknown> {
  if (isSensitive(dto.section)) return { sensitive: protectedNote('một dòng') };
  const filled = Object.entries(contentOf(dto)).filter(([, v]) => v !== null);
  return { section: dto.section, ...Object.fromEntries(filled) };
}

function rowTitle(dto: ResumeEntryDto): string {
  const spec = sectionSpecs[dto.section];
  if (spec.sensitive) return 'một dòng thuộc phần mật';
  const head = spec.fields[0];
  const value = head ? dto.fields[head.key] : undefined;
  if (!head || value === undefined) return `mục “${spec.title}”`;
  // Code lists (loại lịch sử, loại quan hệ…) by their Vietnamese label, not their code.
  const shown = head.kind === 'enum' ? (head.options[String(value)] ?? String(value)) : value;
  return `mục “${spec.title}”: ${String(shown)}`;
}

export async function createEntry(
  ctx: Ctx & { memberId: number; body: EntryBody },
): Promise<ResumeEntryDto> {
  const { actor, memberId, body } = ctx;
  requireWriter(actor);
  if (isSensitive(body.section))
    refuseSensitive(actor, `Mục “${sectionSpecs[body.section].title}”`);
  return ctx.db.transaction(async (tx) => {
    const member = await lockedMember({ db: tx, actor }, memberId);
    checkEntry(body, member);
    const row = await repo.insertEntry(tx, { memberId, ...entryValues(body) });
    const dto = toEntryDto(row);
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'member',
      entityId: memberId,
      scopePath: member.unitPath,
      summary: `Thêm vào lý lịch của ${member.fullName} ${rowTitle(dto)}`,
      after: auditOf(dto),
    });
    return dto;
  });
}

async function lockedEntry(ctx: Ctx, memberId: number, entryId: number, version: number) {
  const member = await lockedMember(ctx, memberId);
  const row = await repo.findEntry(ctx.db, ctx.actor, memberId, entryId);
  // A protected row is as good as absent for a caller who may not see it: a 403 naming its
  // section would tell that the person has, say, a discipline record.
  if (!row || (isSensitive(row.section as ResumeSection) && !seesSensitive(ctx.actor, memberId))) {
    throw notFound(ENTRY);
  }
  if (row.version !== version) throw staleVersion();
  return { member, row };
}

export async function updateEntry(
  ctx: Ctx & { memberId: number; entryId: number; body: EntryBody & { version: number } },
): Promise<ResumeEntryDto> {
  const { actor, memberId, entryId, body } = ctx;
  requireWriter(actor);
  if (isSensitive(body.section))
    refuseSensitive(actor, `Mục “${sectionSpecs[body.section].title}”`);
  return ctx.db.transaction(async (tx) => {
    const { member, row } = await lockedEntry({ db: tx, actor }, memberId, entryId, body.version);
    if (isSensitive(row.section as ResumeSection)) {
      refuseSensitive(actor, `Mục “${sectionSpecs[row.section as ResumeSection].title}”`);
    }
    if (row.section !== body.section) {
      throw invalid([
        { field: 'section', label: label('section'), message: 'không được đổi mục của một dòng' },
      ]);
    }
    checkEntry(body, member);
    const before = toEntryDto(row);
    const saved = await repo.updateEntry(tx, entryId, body.version, entryValues(body));
    if (!saved) throw staleVersion();
    const after = toEntryDto(saved);
    const changes = diff(contentOf(before), contentOf(after));
    if (changes) {
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'member',
        entityId: memberId,
        scopePath: member.unitPath,
        summary: `Sửa trong lý lịch của ${member.fullName} ${rowTitle(after)}`,
        ...(isSensitive(after.section) ? { after: auditOf(after) } : changes),
      });
    }
    return after;
  });
}

export async function deleteEntry(
  ctx: Ctx & { memberId: number; entryId: number; version: number },
): Promise<void> {
  const { actor, memberId, entryId, version } = ctx;
  requireWriter(actor);
  await ctx.db.transaction(async (tx) => {
    const { member, row } = await lockedEntry({ db: tx, actor }, memberId, entryId, version);
    const dto = toEntryDto(row);
    if (isSensitive(dto.section))
      refuseSensitive(actor, `Mục “${sectionSpecs[dto.section].title}”`);
    if (!(await repo.deleteEntry(tx, entryId, version))) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'member',
      entityId: memberId,
      scopePath: member.unitPath,
      summary: `Xóa khỏi lý lịch của ${member.fullName} ${rowTitle(dto)}`,
      before: auditOf(dto),
    });
  });
}
