import { isNotNull } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { ruleDefinitions, shippedRules } from './rules.catalog.ts';
import { ruleEntries } from './rules.schema.ts';

/**
 * Adds the national entries shipped with this version that the database does not have yet.
 * Entries already there are never rewritten: an administrator may have closed or corrected
 * one, and that decision stands.
 */
export async function shipRules(db: Db): Promise<number> {
  const rows = shippedRules.map((r) => ({
    key: r.key,
    value: r.value,
    valueUnit: ruleDefinitions[r.key].valueUnit,
    document: r.document,
    article: r.article ?? '',
    unitId: null,
    unitPath: '',
    validFrom: r.validFrom,
    validTo: r.validTo ?? null,
    note: r.note ?? '',
    shippedId: r.id,
  }));
  const existing = await db
    .select({ shippedId: ruleEntries.shippedId })
    .from(ruleEntries)
    .where(isNotNull(ruleEntries.shippedId));
  const have = new Set(existing.map((r) => r.shippedId));
  const missing = rows.filter((r) => !have.has(r.shippedId));
  if (missing.length) await db.insert(ruleEntries).values(missing);
  return missing.length;
}
