// Sort key for Vietnamese full names, designed so that plain byte-order comparison
// (PostgreSQL `COLLATE "C"`, or JS `<` on strings) gives the Vietnamese order. That lets the DB
// sort and paginate on an indexed column without depending on the server's ICU/locale setup.
//
// Key layout, e.g. "Nguyễn Thị Thu Hằng" → "ha{ng-nguye{n-thi-thu 1350":
//   <given>-<family>-<middle...> <tone digits, one per word in the same order>
//
// - Given name (last word) first, then the remaining words in their written order, because
//   Vietnamese lists are ordered by given name.
// - Each plain letter is itself (lowercase, so comparison is case-insensitive). A letter with a
//   vowel mark is its base letter followed by '{' or '|', which sort after every ASCII letter:
//   ă = "a{", â = "a|", đ = "d{", ê = "e{", ô = "o{", ơ = "o|", ư = "u{". Thus every "a…" word
//   sorts before every "ă…" word, which sorts before every "â…" word, matching the alphabet
//   a ă â b c d đ e ê … o ô ơ … u ư v x y. f, j, w, z keep their Latin positions for free.
// - '-' separates words and ' ' ends the letter section. Both are below every letter and digit,
//   so a shorter word sorts before a longer one with the same prefix ("An" < "Anh"), and a
//   name with fewer words before one that extends it ("Nguyễn An" < "Nguyễn Văn An").
//   ' ' < '-' so that end-of-name beats another word.
// - Tones are compared only when all letters are equal (as in ICU's secondary level). One digit
//   per word: 0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng (the order used by Intl.Collator('vi')).
//   Recording the tone per word rather than per vowel makes old/new tone placement ("hoà" and
//   "hòa", "Thuỷ" and "Thủy") produce the same key, since they are the same name.

const WORD_SEPARATOR = '-';
const TONE_SEPARATOR = ' ';
/** Between the given-name segment and the rest; below every letter and digit. */
const SEGMENT_SEPARATOR = '!';

// NFD combining marks that encode tones.
const TONES: Record<string, string> = {
  '\u0300': '1', // huyền (grave)
  '\u0309': '2', // hỏi (hook above)
  '\u0303': '3', // ngã (tilde)
  '\u0301': '4', // sắc (acute)
  '\u0323': '5', // nặng (dot below)
};

const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031b';

// Suffix appended to the base letter for a vowel mark; '{' < '|' orders ă before â and ô before ơ.
function vowelMarkSuffix(base: string, mark: string): string {
  if (base === 'a') return mark === BREVE ? '{' : mark === CIRCUMFLEX ? '|' : '';
  if (base === 'e') return mark === CIRCUMFLEX ? '{' : '';
  if (base === 'o') return mark === CIRCUMFLEX ? '{' : mark === HORN ? '|' : '';
  if (base === 'u') return mark === HORN ? '{' : '';
  return '';
}

function isCombiningMark(ch: string): boolean {
  return ch >= '\u0300' && ch <= '\u036f';
}

interface WordKey {
  letters: string;
  tone: string;
}

function wordKey(word: string): WordKey {
  // NFD splits precomposed letters into base + marks; the marks' order varies (canonical
  // ordering puts dot below before circumflex in "ậ" but after horn in "ợ"), so we collect all
  // marks of a base letter before deciding.
  const chars = [...word.normalize('NFD').toLowerCase()];
  let letters = '';
  let tone = '0';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (isCombiningMark(ch)) continue; // stray mark without a base letter
    let suffix = '';
    while (i + 1 < chars.length && isCombiningMark(chars[i + 1]!)) {
      const mark = chars[++i]!;
      const t = TONES[mark];
      if (t !== undefined) tone = t;
      else suffix ||= vowelMarkSuffix(ch, mark);
    }
    if (ch >= 'a' && ch <= 'z') letters += ch + suffix;
    else if (ch === 'đ') letters += 'd{';
    else if (ch >= '0' && ch <= '9') letters += ch;
    // Anything else (apostrophes in names like "H'Hen", hyphens, dots) is ignored so that the
    // key stays within the character set the separators were chosen against.
  }
  return { letters, tone };
}

/**
 * ASCII sort key for a Vietnamese full name; compare keys byte-wise (COLLATE "C").
 * See the file header for the layout.
 */
export function vietnameseNameSortKey(fullName: string): string {
  const words = fullName
    .split(/\s+/)
    .map(wordKey)
    .filter((w) => w.letters !== '');
  if (words.length === 0) return '';
  // Given name is the last word; family and middle names follow in their written order.
  // The given name, tone included, is compared in full before the family and middle names,
  // as when a list is sorted by its "Tên" column and then "Họ đệm": every Anh before any Ánh.
  const segment = (ws: WordKey[]) =>
    ws.map((w) => w.letters).join(WORD_SEPARATOR) + TONE_SEPARATOR + ws.map((w) => w.tone).join('');
  return segment([words[words.length - 1]!]) + SEGMENT_SEPARATOR + segment(words.slice(0, -1));
}

export function compareVietnameseNames(a: string, b: string): number {
  const ka = vietnameseNameSortKey(a);
  const kb = vietnameseNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
