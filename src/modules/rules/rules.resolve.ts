import type { Citation } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import { ruleDefinitions, type RuleKey } from './rules.catalog.ts';

/** A registry row as resolution needs it. */
export interface RuleEntry {
  id: number;
  key: string;
  value: unknown;
  valueUnit: string;
  document: string;
  article: string;
  unitPath: string;
  validFrom: string;
  validTo: string | null;
}

/** The value of a rule for a unit on a date, and where it comes from. */
export interface ResolvedRule<T = number | string> {
  key: RuleKey;
  title: string;
  value: T;
  valueUnit: string;
  entryId: number;
  /** '' when the national entry applies; the overriding subtree's path otherwise. */
  unitPath: string;
  validFrom: string;
  validTo: string | null;
  citation: Citation;
}

/** "Quy định 190-QĐ/TW…, Điều 8" — the source as users read it. */
export function sourceOf(entry: Pick<RuleEntry, 'document' | 'article'>): string {
  return entry.article ? `${entry.document}, ${entry.article}` : entry.document;
}

export function toResolved<T>(entry: RuleEntry): ResolvedRule<T> {
  const key = entry.key as RuleKey;
  const title = ruleDefinitions[key]?.title ?? key;
  return {
    key,
    title,
    value: entry.value as T,
    valueUnit: entry.valueUnit,
    entryId: entry.id,
    unitPath: entry.unitPath,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    citation: { rule: title, document: sourceOf(entry) },
  };
}

/**
 * The entry in force for `unitPath` on `date`: among entries of the key whose subtree contains
 * the unit and whose dates include the day, the deepest subtree wins; among those, the latest
 * start. Pure, so every caller (one check or a 100,000-row dashboard) resolves the same way.
 */
export function resolveEntry(
  entries: readonly RuleEntry[],
  key: string,
  unitPath: string,
  date: string,
): RuleEntry | undefined {
  let best: RuleEntry | undefined;
  for (const e of entries) {
    if (e.key !== key) continue;
    if (!unitPath.startsWith(e.unitPath)) continue;
    if (e.validFrom > date || (e.validTo !== null && e.validTo < date)) continue;
    if (
      !best ||
      e.unitPath.length > best.unitPath.length ||
      (e.unitPath.length === best.unitPath.length && e.validFrom > best.validFrom)
    ) {
      best = e;
    }
  }
  return best;
}

/** "Còn 41 tháng < 48 tháng theo Chỉ thị 45-CT/TW…" — value with its unit, for messages. */
export function formatRuleValue(value: unknown, valueUnit: string, key?: string): string {
  const options = key
    ? (ruleDefinitions[key as RuleKey] as { options?: Record<string, string> })?.options
    : undefined;
  if (options && typeof value === 'string' && options[value]) return options[value];
  if (valueUnit === 'month' && typeof value === 'string') {
    const [y, m] = value.split('-');
    return `${m}/${y}`;
  }
  if (typeof value === 'number') {
    const n = value.toLocaleString('vi-VN');
    if (valueUnit === 'percent') return `${n}%`;
    const unit = { months: 'tháng', years: 'năm', days: 'ngày', persons: 'người', points: 'điểm' }[
      valueUnit
    ];
    return unit ? `${n} ${unit}` : n;
  }
  return String(value);
}

export const describeValidity = (e: Pick<RuleEntry, 'validFrom' | 'validTo'>) =>
  e.validTo
    ? `từ ${formatDate(e.validFrom)} đến ${formatDate(e.validTo)}`
    : `từ ${formatDate(e.validFrom)}`;
