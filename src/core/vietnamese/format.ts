// Display formats used throughout Vietnamese personnel records: dates as dd/mm/yyyy, numbers
// with '.' for thousands and ',' for decimals.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const VN_DATE = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this month; UTC avoids DST quirks.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Formats a date as "dd/mm/yyyy"; '' for null/undefined/invalid.
 * ISO strings ('yyyy-mm-dd', as DB `date` columns arrive) are read as calendar dates straight
 * from their digits: going through `new Date()` would parse them as UTC midnight and shift the
 * day in timezones west of UTC. Date objects are shown in local time, i.e. the day the user sees.
 */
export function formatDate(d: Date | string | null | undefined): string {
  if (d === null || d === undefined) return '';
  if (typeof d === 'string') {
    const m = ISO_DATE.exec(d);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
  }
  if (Number.isNaN(d.getTime())) return '';
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${String(d.getFullYear()).padStart(4, '0')}`;
}

/**
 * Parses "dd/mm/yyyy" (single-digit day/month accepted, as people type them) into ISO
 * 'yyyy-mm-dd'. Returns null unless it is a real calendar date (31/02, 29/02/2023 are rejected).
 */
export function parseDate(s: string): string | null {
  const m = VN_DATE.exec(s);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return `${m[3]}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Vietnamese number format: 12405 → "12.405", 14.0845 with 2 digits → "14,08".
 * Without fractionDigits the number is shown as-is (up to 3 decimals); with it, exactly that
 * many. Formatted by hand rather than with Intl.NumberFormat('vi-VN') so the output does not
 * depend on the ICU data shipped with the runtime (small-icu builds fall back to English); the
 * tests check it agrees with Intl where vi data is available. Non-finite input gives ''.
 */
export function formatNumber(n: number, fractionDigits?: number): string {
  if (!Number.isFinite(n)) return '';
  // toFixed switches to exponent form from 1e21; such values never occur in personnel data.
  if (Math.abs(n) >= 1e21) return String(n);
  let fixed: string;
  if (fractionDigits === undefined) {
    // Round to 3 decimals, then drop trailing zeros (Intl's default maximumFractionDigits).
    fixed = n.toFixed(3).replace(/\.?0+$/, '');
  } else {
    fixed = n.toFixed(fractionDigits);
  }
  const negative = fixed.startsWith('-');
  const [intPart = '', fracPart] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const body = fracPart ? `${grouped},${fracPart}` : grouped;
  // Rounding can produce "-0" / "-0,00"; drop the sign (Intl would keep it), a negative zero
  // in a report reads as an error.
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/**
 * part/whole as a Vietnamese percentage: formatPercent(10, 71) → "14,08%".
 * '' when whole is 0, since the ratio is undefined (e.g. an empty unit in a report).
 */
export function formatPercent(part: number, whole: number, digits = 2): string {
  if (whole === 0) return '';
  const formatted = formatNumber((part / whole) * 100, digits);
  return formatted === '' ? '' : `${formatted}%`;
}
