// Evaluation (QĐ 366-QĐ/TW): shared contracts re-exported for the pages, and small helpers.
export * from '../../../../src/contracts/evaluation.ts';
import type { RatingCode } from '../../../../src/contracts/evaluation.ts';
import { formatNumber } from '../../lib/vn.ts';

export const ratingColors: Record<RatingCode, string> = {
  excellent: 'green',
  good: 'blue',
  complete: 'gold',
  incomplete: 'red',
};

/** 89,99 — points with a decimal comma. */
export const points = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : formatNumber(n);
