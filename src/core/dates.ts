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
