import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { searchKey } from '../vietnamese/index.ts';

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Vietnamese letters (both cases, every tone) and their plain ASCII forms, for a SQL
 * `translate()` that makes display names searchable without diacritics. Done in SQL rather
 * than with the unaccent extension or lower(), because lower() of 'Đ' depends on the server's
 * locale and PGlite has none: translate() behaves the same on both databases.
 */
export const foldMap = (() => {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'đ'];
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  let from = '';
  let to = '';
  for (const base of bases) {
    for (const tone of base === 'đ' ? [''] : tones) {
      for (const ch of [
        (base + tone).normalize('NFC'),
        (base + tone).normalize('NFC').toUpperCase(),
      ]) {
        if (ch.length === 1 && ch.charCodeAt(0) > 127 && !from.includes(ch)) {
          from += ch;
          to += searchKey(ch);
        }
      }
    }
  }
  return { from, to };
})();

/**
 * `column` contains `text`, ignoring case, diacritics and đ/d. For free-text fields that have
 * no unaccented copy of their own; not indexed, so meant for lists already narrowed otherwise.
 */
export function containsFolded(column: AnyPgColumn, text: string): SQL {
  const pattern = `%${escapeLike(searchKey(text))}%`;
  return sql`lower(translate(${column}, ${foldMap.from}, ${foldMap.to})) like ${pattern}`;
}
