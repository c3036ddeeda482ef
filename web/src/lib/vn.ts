// Vietnamese display helpers shared with the server (dates dd/mm/yyyy, '12.405', '14,08%').
export {
  formatDate,
  parseDate,
  formatNumber,
  formatPercent,
  searchKey,
} from '../../../src/core/vietnamese/index.ts';
