/**
 * The personnel plan of a body: its candidates with their checks (service left at the
 * reference month, discipline, dossier) and the structure of the list against CT 45's targets.
 */
import {
  bodyKindLabels,
  type BodyKind,
  type CandidateDto,
  type PlanDto,
} from '../../contracts/congress.ts';
import {
  hasPermission,
  requireReader,
  requireWriter,
  type Actor,
} from '../../core/access/actor.ts';
import { diff, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { fieldError, notFound, staleVersion } from '../../core/errors.ts';
import { getDossier } from '../dossiers/dossiers.service.ts';
import { listEntries } from '../resume/resume.repo.ts';
import { canSeeSensitive } from '../resume/resume.rules.ts';
import { loadRules } from '../rules/registry.ts';
import { QD190 } from '../rules/rules.catalog.ts';
import * as congressRepo from './congress.repo.ts';
import { canWrite, loadBody, loadCongress } from './congress.service.ts';
import { listNominees } from './nomination.service.ts';
import {
  ageOn,
  disciplineCheck,
  dossierCheck,
  isEthnicMinority,
  isYoung,
  percentOf,
  planStructure,
  postsOfBody,
  referenceDate,
  serviceCheck,
  type DisciplineRecord,
} from './plan.rules.ts';
import * as repo from './plan.repo.ts';

type Ctx = { db: Db; actor: Actor };
const CANDIDATE = 'Người trong đề án nhân sự';

/** Discipline rows per member, or null for a caller who may not read that protected section. */
async function disciplineOf(db: Db, actor: Actor, memberIds: number[]) {
  const allowed = canSeeSensitive({
    hasPermission: hasPermission(actor, 'sensitive'),
    ownRecord: false,
  }).ok;
  if (!allowed) return null;
  const rows = await listEntries(db, actor, memberIds, ['discipline']);
  const byMember = new Map<number, DisciplineRecord[]>();
  for (const r of rows) {
    const list = byMember.get(r.memberId) ?? [];
    const fields = r.fields as Record<string, unknown>;
    list.push({ form: String(fields['disciplineForm'] ?? ''), from: r.fromDate, to: r.toDate });
    byMember.set(r.memberId, list);
  }
  return byMember;
}

async function dossierOf(db: Db, actor: Actor, memberId: number) {
  const d = await getDossier({ db, actor, memberId, process: 'candidacy' });
  const missing = d.items
    .filter((i) => i.type.active && i.type.required && i.current?.status !== 'verified')
    .map((i) => i.type.typeName);
  return { required: d.requiredCount, verified: d.verifiedRequiredCount, missing };
}

export async function getPlan({
  db,
  actor,
  congressId,
  bodyId,
}: Ctx & { congressId: number; bodyId: number }): Promise<PlanDto> {
  requireReader(actor);
  const { congress, body } = await loadBody(db, actor, congressId, bodyId);
  const rules = await loadRules(db);
  const month = congress.ageReferenceMonth;
  const on = referenceDate(month);
  const rows = await repo.listCandidates(db, congress.id, body.id);
  const ids = rows.map((r) => r.c.memberId);
  const holders = await repo.holdersOn(
    db,
    congress.unitId,
    ids,
    postsOfBody[body.kind as BodyKind] ?? [],
    congress.startsOn,
  );
  const discipline = await disciplineOf(db, actor, ids);
  const nominated = new Set(
    (await listNominees({ db, actor, congressId: congress.id, bodyId: body.id })).map(
      (n) => n.memberId,
    ),
  );
  const candidates: CandidateDto[] = [];
  for (const r of rows) {
    const reelected = r.c.reelectedOverride ?? holders.has(r.c.memberId);
    const person = { birthDate: r.birthDate, gender: r.gender, reelected };
    candidates.push({
      id: r.c.id,
      bodyId: r.c.bodyId,
      memberId: r.c.memberId,
      fullName: r.fullName,
      gender: r.gender,
      birthDate: r.birthDate,
      ethnicity: r.ethnicity,
      unitName: r.unitName,
      ageAtReference: ageOn(r.birthDate, on),
      reelected,
      reelectedSource: r.c.reelectedOverride === null ? 'posts' : 'manual',
      young: isYoung(r.birthDate, month, congress.unitPath, rules),
      ethnicMinority: isEthnicMinority(r.ethnicity),
      service: serviceCheck(person, month, congress.unitPath, rules),
      discipline: disciplineCheck(discipline ? (discipline.get(r.c.memberId) ?? []) : null),
      dossier: dossierCheck(await dossierOf(db, actor, r.c.memberId), QD190),
      nominated: nominated.has(r.c.memberId),
      note: r.c.note,
      version: r.c.version,
    });
  }
  // A woman planned for the standing committee, read from that body's plan when there is one.
  const bodies = await congressRepo.listBodies(db, congress.id);
  const standing = bodies.find((b) => b.kind === 'standing_committee');
  const standingWomen = standing
    ? (await repo.listCandidates(db, congress.id, standing.id)).filter((c) => c.gender === 'female')
        .length
    : null;
  const surplus = candidates.length - body.seats;
  return {
    body: {
      id: body.id,
      kind: body.kind as BodyKind,
      kindLabel: bodyKindLabels[body.kind as BodyKind] ?? body.kind,
      name: body.name,
      seats: body.seats,
      sortOrder: body.sortOrder,
    },
    candidates,
    seats: body.seats,
    surplus,
    surplusPercent: percentOf(surplus, body.seats),
    structure: planStructure(candidates, {
      bodyKind: body.kind as BodyKind,
      referenceMonth: month,
      unitPath: congress.unitPath,
      rules,
      standingWomen,
    }),
    referenceMonth: month,
    canWrite: canWrite(actor),
  };
}

export async function addCandidates({
  db,
  actor,
  congressId,
  bodyId,
  memberIds,
}: Ctx & { congressId: number; bodyId: number; memberIds: number[] }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { congress, body } = await loadBody(tx, actor, congressId, bodyId, true);
    const ids = [...new Set(memberIds)];
    const found = await repo.membersInSubtree(tx, congress.unitPath, ids);
    if (found.length !== ids.length)
      throw fieldError(
        'memberIds',
        'Người được chọn',
        'Có người không phải đảng viên đang sinh hoạt trong đảng bộ tổ chức đại hội',
      );
    const added = await repo.insertCandidates(
      tx,
      ids.map((memberId) => ({ congressId: congress.id, bodyId: body.id, memberId })),
    );
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'congress',
      entityId: congress.id,
      scopePath: congress.unitPath,
      summary: `Đề án nhân sự ${body.name}: thêm ${added.length} người`,
      after: { memberIds: added.map((a) => a.memberId) },
    });
    return { added: added.length, alreadySummoned: ids.length - added.length };
  });
}

async function loadCandidate(tx: Db, actor: Actor, id: number) {
  const row = await repo.findCandidate(tx, id, true);
  if (!row) throw notFound(CANDIDATE);
  const congress = await loadCongress(tx, actor, row.congressId);
  return { row, congress };
}

export async function updateCandidate({
  db,
  actor,
  id,
  body,
}: Ctx & {
  id: number;
  body: { version: number; reelectedOverride?: boolean | null; note?: string };
}) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { row, congress } = await loadCandidate(tx, actor, id);
    if (row.version !== body.version) throw staleVersion();
    const before = { reelectedOverride: row.reelectedOverride, note: row.note };
    const after = {
      reelectedOverride:
        body.reelectedOverride === undefined ? row.reelectedOverride : body.reelectedOverride,
      note: body.note ?? row.note,
    };
    const changes = diff(before, after);
    if (changes) {
      const saved = await repo.updateCandidate(tx, id, row.version, after);
      if (!saved) throw staleVersion();
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'congress',
        entityId: congress.id,
        scopePath: congress.unitPath,
        summary: `Đề án nhân sự: sửa ${Object.keys(changes.after).join(', ')} của người #${row.memberId}`,
        ...changes,
      });
    }
    return { ok: true as const };
  });
}

export async function removeCandidate({
  db,
  actor,
  id,
  version,
}: Ctx & { id: number; version: number }) {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const { row, congress } = await loadCandidate(tx, actor, id);
    if (row.version !== version) throw staleVersion();
    if (!(await repo.deleteCandidate(tx, id, version))) throw staleVersion();
    await recordAudit(tx, actor, {
      action: 'delete',
      entityType: 'congress',
      entityId: congress.id,
      scopePath: congress.unitPath,
      summary: `Đề án nhân sự: bỏ người #${row.memberId}`,
      before: { memberId: row.memberId, bodyId: row.bodyId },
    });
    return { ok: true as const };
  });
}
