import type { ImportJobDto } from '../../lib/contracts.ts';

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
