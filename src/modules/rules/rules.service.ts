import type {
  CreateRuleEntryBody,
  RuleEntryDto,
  updateRuleEntryBody,
} from '../../contracts/rules.ts';
import type { z } from 'zod';
import { isTopLevel, requireAdmin, requireReader, type Actor } from '../../core/access/actor.ts';
import { diff, listAudit, recordAudit } from '../../core/audit/audit.ts';
import type { Db } from '../../core/db/client.ts';
import { today } from '../../core/dates.ts';
import { fieldError, forbidden, notFound, staleVersion } from '../../core/errors.ts';
import { enforce } from '../../core/rules/enforce.ts';
import { explain, accessCheck, deny } from '../../core/rules/verdict.ts';
import { findUnit } from '../units/units.repo.ts';
import { forgetCachedRules } from './registry.ts';
import { ruleDefinitions, ruleGroups, ruleKeys, type RuleKey } from './rules.catalog.ts';
import * as repo from './rules.repo.ts';
import { formatRuleValue, resolveEntry, sourceOf } from './rules.resolve.ts';
import { checkNewEnd, checkRuleValue, checkValidity, planNewVersion } from './rules.rules.ts';

type Ctx = { db: Db; actor: Actor };
const RULE = 'Quy định';

const definitionOf = (key: string) => {
  if (!(ruleKeys as string[]).includes(key)) throw notFound(RULE);
  return { key: key as RuleKey, def: ruleDefinitions[key as RuleKey] };
};

function stateOn(e: { validFrom: string; validTo: string | null }, date: string) {
  if (e.validFrom > date) return 'upcoming' as const;
  if (e.validTo !== null && e.validTo < date) return 'ended' as const;
  return 'in_force' as const;
}

export function toEntryDto(row: repo.RuleEntryRow, date = today()): RuleEntryDto {
  return {
    id: row.id,
    key: row.key,
    value: row.value as number | string,
    valueText: formatRuleValue(row.value, row.valueUnit, row.key),
    valueUnit: row.valueUnit,
    document: row.document,
    article: row.article,
    unitId: row.unitId,
    unitName: row.unitName,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
    shipped: row.shippedId !== null,
    state: stateOn(row, date),
    version: row.version,
  };
}

function summarise(key: RuleKey, entries: repo.RuleEntryRow[], date: string) {
  const def = ruleDefinitions[key];
  const national = resolveEntry(
    entries.filter((e) => e.unitPath === ''),
    key,
    '',
    date,
  ) as repo.RuleEntryRow | undefined;
  return {
    key,
    title: def.title,
    group: def.group,
    groupLabel: ruleGroups[def.group],
    valueUnit: def.valueUnit,
    kind: def.kind,
    current: national ? toEntryDto(national, date) : null,
    overrideCount: entries.filter((e) => e.unitPath !== '').length,
    versionCount: entries.length,
  };
}

/** Every parameter with its national value today and how many local overrides the caller sees. */
export async function listRules({ db, actor }: Ctx) {
  requireReader(actor);
  const date = today();
  const entries = await repo.listVisibleEntries(db, actor);
  const byKey = new Map<string, repo.RuleEntryRow[]>();
  for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  return ruleKeys.map((key) => summarise(key, byKey.get(key) ?? [], date));
}

export async function getRule({ db, actor, key }: Ctx & { key: string }) {
  requireReader(actor);
  const { key: k } = definitionOf(key);
  const date = today();
  const entries = await repo.listVisibleEntries(db, actor, k);
  return { ...summarise(k, entries, date), entries: entries.map((e) => toEntryDto(e, date)) };
}

/** `rule(key, unit, date)` as users ask it: which value applies to this unit on this day, and why. */
export async function resolveForUnit({
  db,
  actor,
  key,
  unitId,
  date = today(),
}: Ctx & { key: string; unitId: number; date?: string }) {
  requireReader(actor);
  const { key: k, def } = definitionOf(key);
  const unit = await findUnit(db, actor, unitId);
  if (!unit) throw notFound('Tổ chức');
  const entries = await repo.listVisibleEntries(db, actor, k);
  const entry = resolveEntry(entries, k, unit.path, date) as repo.RuleEntryRow | undefined;
  if (!entry) throw notFound(`Quy định "${def.title}" có hiệu lực ngày ${date}`);
  const valueText = formatRuleValue(entry.value, entry.valueUnit, entry.key);
  return {
    key: k,
    title: def.title,
    value: entry.value as number | string,
    valueText,
    entryId: entry.id,
    overriddenBy: entry.unitPath ? entry.unitName : null,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    citation: { rule: def.title, document: sourceOf(entry) },
    explanation: `${def.title}: ${valueText} (theo ${sourceOf(entry)})`,
  };
}

const NATIONAL_RULE = accessCheck(
  'Chỉ quản trị viên ở cấp cao nhất của hệ thống được nhập quy định áp dụng toàn quốc',
);

/** National entries belong to the top of the tree; an override to a unit in the caller's subtree. */
async function scopeOf({ db, actor }: Ctx, unitId: number | null) {
  if (unitId === null) {
    if (!isTopLevel(actor)) throw forbidden(explain(deny('Bạn không có quyền', [NATIONAL_RULE])));
    return { unitId: null, unitPath: '' };
  }
  const unit = await findUnit(db, actor, unitId);
  if (!unit)
    throw fieldError(
      'unitId',
      'Áp dụng cho tổ chức',
      'không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn',
    );
  return { unitId: unit.id, unitPath: unit.path };
}

const auditScope = (actor: Actor, unitPath: string) => unitPath || actor.scopePath;

/**
 * A new version of a parameter, national or for a subtree, from a start date. The version in
 * force before it ends the day before, so past decisions still read the value then in force.
 */
export async function createEntry({
  db,
  actor,
  key,
  body,
}: Ctx & { key: string; body: CreateRuleEntryBody }) {
  requireAdmin(actor);
  const { key: k, def } = definitionOf(key);
  enforce(checkRuleValue(def, body.value), 'value');
  enforce(checkValidity(body.validFrom, body.validTo), 'validTo');
  const created = await db.transaction(async (tx) => {
    const scope = await scopeOf({ db: tx, actor }, body.unitId);
    const existing = await repo.lockScopeVersions(tx, k, scope.unitPath);
    const plan = planNewVersion(existing, body.validFrom, body.validTo ?? null);
    enforce(plan.verdict, 'validFrom');
    if (plan.close) {
      const before = existing.find((e) => e.id === plan.close!.id)!;
      await repo.updateEntry(tx, plan.close.id, { validTo: plan.close.validTo });
      await recordAudit(tx, actor, {
        action: 'update',
        entityType: 'rule',
        entityId: plan.close.id,
        scopePath: auditScope(actor, scope.unitPath),
        summary: `Kết thúc hiệu lực "${def.title}" ngày ${plan.close.validTo} do có phiên bản mới`,
        before: { validTo: before.validTo },
        after: { validTo: plan.close.validTo },
      });
    }
    const row = await repo.insertEntry(tx, {
      key: k,
      value: body.value,
      valueUnit: def.valueUnit,
      document: body.document,
      article: body.article,
      unitId: scope.unitId,
      unitPath: scope.unitPath,
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
      note: body.note,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'rule',
      entityId: row.id,
      scopePath: auditScope(actor, scope.unitPath),
      summary: `${scope.unitId ? 'Quy định riêng' : 'Phiên bản mới'} "${def.title}": ${formatRuleValue(body.value, def.valueUnit, k)} từ ${body.validFrom}`,
      after: {
        value: body.value,
        document: body.document,
        article: body.article,
        validFrom: body.validFrom,
        validTo: body.validTo ?? null,
        unitId: scope.unitId,
      },
    });
    return row.id;
  });
  forgetCachedRules();
  return toEntryDto((await repo.findVisibleEntry(db, actor, created))!);
}

/** Corrects the source or closes an entry; the value itself only changes through a new version. */
export async function updateEntry({
  db,
  actor,
  id,
  body,
}: Ctx & { id: number; body: z.infer<typeof updateRuleEntryBody> }) {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const entry = await repo.findVisibleEntry(tx, actor, id, true);
    if (!entry) throw notFound(RULE);
    await scopeOf({ db: tx, actor }, entry.unitId);
    if (entry.version !== body.version) throw staleVersion();
    const { def } = definitionOf(entry.key);
    if (body.validTo !== undefined) {
      const others = await repo.lockScopeVersions(tx, entry.key, entry.unitPath);
      enforce(checkNewEnd(entry, others, body.validTo), 'validTo');
    }
    const set = {
      document: body.document ?? entry.document,
      article: body.article ?? entry.article,
      validTo: body.validTo === undefined ? entry.validTo : body.validTo,
      note: body.note ?? entry.note,
    };
    const changes = diff(entry, set);
    if (!changes) return;
    await repo.updateEntry(tx, id, set);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'rule',
      entityId: id,
      scopePath: auditScope(actor, entry.unitPath),
      summary: `Sửa "${def.title}" (phiên bản từ ${entry.validFrom})`,
      ...changes,
    });
  });
  forgetCachedRules();
  return toEntryDto((await repo.findVisibleEntry(db, actor, id))!);
}

/** Changes to the versions of one parameter the caller can see, newest first. */
export async function ruleHistory({ db, actor, key }: Ctx & { key: string }) {
  requireReader(actor);
  const { key: k } = definitionOf(key);
  const entries = await repo.listVisibleEntries(db, actor, k);
  const everywhere = { ...actor, scopePath: '/' };
  const rows = (
    await Promise.all(
      entries.map((e) =>
        listAudit(db, everywhere, { entityType: 'rule', entityId: e.id, limit: 200 }),
      ),
    )
  ).flat();
  return rows.sort((a, b) => b.id - a.id);
}
