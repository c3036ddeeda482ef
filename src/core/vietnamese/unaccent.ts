// Combining diacritical marks block. After NFD every Vietnamese tone mark and vowel mark
// (breve, circumflex, horn) lives here, so stripping the block handles both NFC and NFD input.
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Removes all Vietnamese diacritics: "Nguyễn Văn Đức" → "Nguyen Van Duc".
 * Case is preserved. đ/Đ are mapped explicitly because Unicode treats đ as its own letter
 * (a stroke, not a combining mark), so NFD leaves it intact.
 */
export function unaccent(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * The normalized form stored in the DB column `search_text` and applied to user queries, so
 * that "nguyen thi thu hang" matches "Nguyễn Thị Thu Hằng" and "DUC" matches "Đức".
 * Both sides must go through this same function, otherwise matches silently break.
 */
export function searchKey(s: string): string {
  // Lowercase first: some uppercase letters lowercase into base + combining mark (İ → i̇),
  // which unaccent then strips.
  return unaccent(s.toLowerCase()).replace(/\s+/g, ' ').trim();
}
