export { unaccent, searchKey } from './unaccent.ts';
export { vietnameseNameSortKey, compareVietnameseNames } from './name-sort.ts';
export { formatDate, parseDate, formatNumber, formatPercent } from './format.ts';
