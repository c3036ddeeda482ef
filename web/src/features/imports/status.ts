import type { ImportJobDto } from '../../lib/contracts.ts';
import { formatDate } from '../../lib/vn.ts';

export const statusColors: Record<ImportJobDto['status'], string> = {
  checking: 'processing',
  previewed: 'gold',
  importing: 'processing',
  done: 'success',
  failed: 'error',
  cancelled: 'default',
};

/** Background work still going on: the page polls. */
export const isRunning = (s: ImportJobDto['status']) => s === 'checking' || s === 'importing';

/** "14/03/2026 09:05" in the user's local time. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatDate(d)} ${hh}:${mm}`;
}
