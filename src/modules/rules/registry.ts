import type { Db } from '../../core/db/client.ts';
import { ruleDefinitions, shippedRules, type RuleKey } from './rules.catalog.ts';
import { loadEntries } from './rules.repo.ts';
import { resolveEntry, toResolved, type ResolvedRule, type RuleEntry } from './rules.resolve.ts';

/**
 * Rules loaded once and resolved in memory for any unit and date: what a check of one person
 * or a dashboard over a whole subtree uses. `get` throws when nothing is in force, since a
 * check that silently skips its rule would give a wrong verdict; `find` is for optional rules
 * (e.g. a local limit that only some subtrees set).
 */
export class RuleSet {
  constructor(readonly entries: readonly RuleEntry[]) {}

  find<T = number>(key: RuleKey, unitPath: string, date: string): ResolvedRule<T> | undefined {
    const entry = resolveEntry(this.entries, key, unitPath, date);
    return entry ? toResolved<T>(entry) : undefined;
  }

  get<T = number>(key: RuleKey, unitPath: string, date: string): ResolvedRule<T> {
    const found = this.find<T>(key, unitPath, date);
    if (!found) {
      throw new Error(
        `Chưa có quy định "${ruleDefinitions[key]?.title ?? key}" (${key}) có hiệu lực ngày ${date}.`,
      );
    }
    return found;
  }
}

// The registry changes rarely; a short cache spares every request a read, and a write in this
// process drops it at once (other processes see a change within `ttlMs`).
const ttlMs = 5_000;
let cached: { at: number; set: RuleSet; db: Db } | null = null;

export async function loadRules(db: Db): Promise<RuleSet> {
  if (cached && cached.db === db && Date.now() - cached.at < ttlMs) return cached.set;
  const set = new RuleSet(await loadEntries(db));
  cached = { at: Date.now(), set, db };
  return set;
}

export function forgetCachedRules(): void {
  cached = null;
}

/** `rule(key, unit, date)`: the value in force for the unit on the date, with its citation. */
export async function rule<T = number>(
  db: Db,
  key: RuleKey,
  unitPath: string,
  date: string,
): Promise<ResolvedRule<T>> {
  return (await loadRules(db)).get<T>(key, unitPath, date);
}

/** The national entries CanBo ships, as a rule set without a database (pure tests, templates). */
export function shippedRuleSet(): RuleSet {
  return new RuleSet(
    shippedRules.map((r, i) => ({
      id: -(i + 1),
      key: r.key,
      value: r.value,
      valueUnit: ruleDefinitions[r.key].valueUnit,
      document: r.document,
      article: r.article ?? '',
      unitPath: '',
      validFrom: r.validFrom,
      validTo: r.validTo ?? null,
    })),
  );
}
