/** Calendar-date arithmetic on 'yyyy-mm-dd' strings, in UTC so no time zone shifts a day. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const dayBefore = (isoDate: string) => addDays(isoDate, -1);

export function today(now = new Date()): string {
  // The organisation boards work on Vietnam time (UTC+7) whatever the server's zone.
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Month index (year × 12 + month − 1) of a 'yyyy-mm-dd' or 'yyyy-mm' string. */
export function monthIndex(isoDateOrMonth: string): number {
  return Number(isoDateOrMonth.slice(0, 4)) * 12 + Number(isoDateOrMonth.slice(5, 7)) - 1;
}

/** 'yyyy-mm' of a month index. */
export function monthOfIndex(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Last calendar day of a 'yyyy-mm' month. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${monthOfIndex(monthIndex(month) + 1)}-01`, -1);
}

/**
 * Whole months from `from` to `to` (negative when `to` is earlier): 2025-01-31 → 2025-02-28
 * is 0 months, 2025-01-15 → 2025-02-15 is 1.
 */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return -monthsBetween(to, from);
  let months = monthIndex(to) - monthIndex(from);
  if (Number(to.slice(8, 10)) < Number(from.slice(8, 10))) months -= 1;
  return months;
}

/** Calendar arithmetic for anniversaries: a month without the day ends on its last day (BLDS 2015, Điều 148). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
