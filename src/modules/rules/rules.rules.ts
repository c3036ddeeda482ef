import { dayBefore } from '../../core/dates.ts';
import { allow, dataCheck, deny, type Verdict } from '../../core/rules/verdict.ts';
import { formatDate } from '../../core/vietnamese/index.ts';
import type { RuleDefinition } from './rules.catalog.ts';

const VALUE_RULE = dataCheck('Giá trị tham số phải đúng kiểu và đơn vị của quy định');
const DATES_RULE = dataCheck('Ngày hết hiệu lực không trước ngày có hiệu lực');
const OVERLAP_RULE = dataCheck(
  'Cùng một quy định, cùng phạm vi áp dụng: các phiên bản không được trùng thời gian hiệu lực',
);

/** The value fits the parameter: a number in range for its unit, or a 'yyyy-mm' month. */
export function checkRuleValue(def: RuleDefinition, value: number | string): Verdict {
  if (def.kind === 'text') {
    if (
      def.valueUnit === 'month' &&
      !(typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value))
    )
      return deny('phải là tháng dạng yyyy-mm, ví dụ 2025-07', [VALUE_RULE]);
    if (def.options && !(typeof value === 'string' && value in def.options))
      return deny(`phải là một trong: ${Object.keys(def.options).join(', ')}`, [VALUE_RULE]);
    return typeof value === 'string' ? allow() : deny('phải là văn bản', [VALUE_RULE]);
  }
  if (typeof value !== 'number' || !Number.isFinite(value))
    return deny('phải là một số', [VALUE_RULE]);
  if (value < 0) return deny('không được âm', [VALUE_RULE]);
  if (def.valueUnit === 'percent' && value > 100)
    return deny('tỷ lệ phần trăm không quá 100', [VALUE_RULE]);
  if (def.valueUnit !== 'percent' && !Number.isInteger(value))
    return deny('phải là số nguyên', [VALUE_RULE]);
  return allow();
}

export function checkValidity(validFrom: string, validTo: string | null | undefined): Verdict {
  return validTo && validTo < validFrom
    ? deny(`không được trước ngày có hiệu lực ${formatDate(validFrom)}`, [DATES_RULE])
    : allow();
}

export interface DatedEntry {
  id: number;
  validFrom: string;
  validTo: string | null;
  document: string;
}

/**
 * A new version of a rule for one scope. An open-ended version that starts earlier ends the
 * day before the new one (the old value stays for the past); any other overlap is refused.
 */
export function planNewVersion(
  existing: readonly DatedEntry[],
  validFrom: string,
  validTo: string | null,
): { verdict: Verdict; close?: { id: number; validTo: string } } {
  const open = existing.find((e) => e.validTo === null && e.validFrom < validFrom);
  const others = existing.filter((e) => e !== open);
  const end = validTo ?? '9999-12-31';
  const clash = others.find((e) => e.validFrom <= end && (e.validTo ?? '9999-12-31') >= validFrom);
  if (clash) {
    const range = clash.validTo
      ? `từ ${formatDate(clash.validFrom)} đến ${formatDate(clash.validTo)}`
      : `từ ${formatDate(clash.validFrom)}`;
    return {
      verdict: deny(`trùng thời gian với phiên bản có hiệu lực ${range} (${clash.document})`, [
        OVERLAP_RULE,
      ]),
    };
  }
  return {
    verdict: allow(),
    close: open ? { id: open.id, validTo: dayBefore(validFrom) } : undefined,
  };
}

/** Closing or correcting an entry must not make it overlap its neighbours either. */
export function checkNewEnd(
  entry: DatedEntry,
  others: readonly DatedEntry[],
  validTo: string | null,
): Verdict {
  const dates = checkValidity(entry.validFrom, validTo);
  if (!dates.ok) return dates;
  const end = validTo ?? '9999-12-31';
  const clash = others.find(
    (e) =>
      e.id !== entry.id && e.validFrom <= end && (e.validTo ?? '9999-12-31') >= entry.validFrom,
  );
  return clash
    ? deny(`trùng thời gian với phiên bản có hiệu lực từ ${formatDate(clash.validFrom)}`, [
        OVERLAP_RULE,
      ])
    : allow();
}
