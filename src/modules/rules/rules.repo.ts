import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { ruleEntries } from './rules.schema.ts';
import type { RuleEntry } from './rules.resolve.ts';

/**
 * Every entry of the given keys, all subtrees. Registry rows are few (hundreds), and rules
 * are public regulation, so resolution reads them whole and picks in memory.
 */
export async function loadEntries(db: Db, keys?: readonly string[]): Promise<RuleEntry[]> {
  const rows = await db
    .select({
      id: ruleEntries.id,
      key: ruleEntries.key,
      value: ruleEntries.value,
      valueUnit: ruleEntries.valueUnit,
      document: ruleEntries.document,
      article: ruleEntries.article,
      unitPath: ruleEntries.unitPath,
      validFrom: ruleEntries.validFrom,
      validTo: ruleEntries.validTo,
    })
    .from(ruleEntries)
    .where(keys ? inArray(ruleEntries.key, [...keys]) : undefined)
    .orderBy(asc(ruleEntries.key), asc(ruleEntries.validFrom));
  return rows;
}
