import { describe, it, expect } from 'vitest';
import { compareVietnameseNames, vietnameseNameSortKey } from './name-sort.ts';

// Expected Vietnamese order: by given name (last word), then family + middle names in order,
// tones only as a final tiebreak. So Anh/Ảnh/Ánh interleave by family name (as ICU does for the
// whole string), and tones only separate names whose letters are all equal (Nguyễn Thị Anh/Ánh).
const SORTED_NAMES = [
  'Trần Văn An',
  'Lê Thị Anh',
  'Nguyễn Thị Anh',
  'Phạm Ngọc Anh',
  'Trần Thị Ảnh',
  'Hoàng Thị Ánh',
  'Nguyễn Ngọc Ánh',
  'Nguyễn Thị Ánh',
  'Đỗ Văn Ăn',
  'Lê Văn Ân',
  'Bùi Văn Ấn',
  'Nguyễn Thanh Bình',
  'Phan Văn Cường',
  'Lê Thị Dung',
  'Nguyễn Văn Dũng',
  'Trịnh Văn Đông',
  'Hoàng Minh Đức',
  'Nguyễn Văn Đức',
  'Trương Thị Giang',
  'Vũ Thị Hà',
  'Đặng Văn Hải',
  'Lý Thị Hạnh',
  'Nguyễn Thị Hằng',
  'Nguyễn Thị Thu Hằng',
  'Trần Thị Hằng',
  'Mai Văn Khánh',
  'Đinh Hoàng Long',
  'Lê Quang Minh',
  'Hà Văn On',
  'Nông Văn Ôn',
  'Lò Văn Ơn',
  'Hồ Hữu Phúc',
  'Tạ Đình Quang',
  'Đào Ngọc Sơn',
  'Lê Thị Thu',
  'Đỗ Thị Thủy',
  'Ngô Thị Thư',
  'Vương Đình Tuấn',
  'Kiều Thị Uyên',
  'Lục Văn Ưng',
  'Chu Quốc Việt',
  'Dương Thị Xuân',
  'Âu Thị Yến',
];

// Deterministic shuffle (LCG-driven Fisher–Yates) so the test does not depend on input order.
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// What PostgreSQL COLLATE "C" does: compare code units / bytes (identical for ASCII).
function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('vietnameseNameSortKey', () => {
  it('produces a short printable ASCII key', () => {
    expect(vietnameseNameSortKey('Nguyễn Thị Thu Hằng')).toBe('ha{ng 1!nguye{n-thi-thu 350');
    for (const name of SORTED_NAMES) {
      const key = vietnameseNameSortKey(name);
      expect(key).toMatch(/^[\x20-\x7e]+$/);
      expect(key.length).toBeLessThanOrEqual(name.length * 2 + 8);
    }
  });

  it('sorts a realistic list in Vietnamese order using byte comparison of keys', () => {
    for (const seed of [1, 42, 2024]) {
      const keyed = shuffled(SORTED_NAMES, seed).map((name) => ({
        name,
        key: vietnameseNameSortKey(name),
      }));
      keyed.sort((a, b) => byteCompare(a.key, b.key));
      expect(keyed.map((k) => k.name)).toEqual(SORTED_NAMES);
    }
  });

  it('compareVietnameseNames sorts the same way', () => {
    expect(shuffled(SORTED_NAMES, 7).sort(compareVietnameseNames)).toEqual(SORTED_NAMES);
    expect([...SORTED_NAMES].reverse().sort(compareVietnameseNames)).toEqual(SORTED_NAMES);
  });

  it('is case-insensitive and ignores extra whitespace', () => {
    expect(vietnameseNameSortKey('NGUYỄN VĂN ĐỨC')).toBe(vietnameseNameSortKey('nguyễn văn đức'));
    expect(vietnameseNameSortKey('  Nguyễn   Văn\tĐức ')).toBe(
      vietnameseNameSortKey('Nguyễn Văn Đức'),
    );
  });

  it('gives the same key for NFC and NFD input', () => {
    for (const name of SORTED_NAMES) {
      expect(vietnameseNameSortKey(name.normalize('NFD'))).toBe(vietnameseNameSortKey(name));
    }
  });

  it('treats old and new tone placement as the same name', () => {
    expect(vietnameseNameSortKey('Nguyễn Thị Hoà')).toBe(vietnameseNameSortKey('Nguyễn Thị Hòa'));
    expect(vietnameseNameSortKey('Lê Thị Thuỷ')).toBe(vietnameseNameSortKey('Lê Thị Thủy'));
  });

  it('puts shorter words and names first', () => {
    expect(compareVietnameseNames('Trần An', 'Trần Anh')).toBeLessThan(0);
    expect(compareVietnameseNames('Nguyễn An', 'Nguyễn Văn An')).toBeLessThan(0);
    expect(compareVietnameseNames('An', 'Nguyễn An')).toBeLessThan(0);
    // The given name is compared in full, tone included, before the family name.
    expect(compareVietnameseNames('Nguyễn Anh', 'Lê Ánh')).toBeLessThan(0);
    expect(compareVietnameseNames('Nguyễn Thị Ngọc Anh', 'Nguyễn Thị Ánh')).toBeLessThan(0);
  });

  it('uses tones only as the last tiebreak, in ICU order', () => {
    const tones = [
      'Lê Văn Anh',
      'Lê Văn Ành',
      'Lê Văn Ảnh',
      'Lê Văn Ãnh',
      'Lê Văn Ánh',
      'Lê Văn Ạnh',
    ];
    expect(shuffled(tones, 3).sort(compareVietnameseNames)).toEqual(tones);
  });

  it('handles empty and odd input', () => {
    expect(vietnameseNameSortKey('')).toBe('');
    expect(vietnameseNameSortKey('   ')).toBe('');
    expect(compareVietnameseNames('', 'An')).toBeLessThan(0);
    // Apostrophes in ethnic minority names are ignored rather than breaking the key.
    expect(vietnameseNameSortKey("H'Hen Niê")).toBe('nie{ 0!hhen 0');
  });
});

describe('agreement with Intl.Collator("vi")', () => {
  const hasViCollation = Intl.Collator.supportedLocalesOf(['vi']).length > 0;

  // Every given name from the list, plus letters outside the Vietnamese alphabet and stacked
  // marks (ậ, ặ, ợ) whose NFD mark order differs.
  const words = [
    ...new Set(SORTED_NAMES.map((n) => n.split(' ').at(-1)!)),
    ...['Fa', 'Ja', 'Wơn', 'Zô', 'Zu', 'Ăng', 'Ậu', 'Ặc', 'Ợt', 'Ơ', 'Ư', 'Ê', 'Ep', 'Đa', 'Dz'],
    ...['Hoa', 'Hoà', 'Huệ', 'Hương', 'Hưng', 'Hùng', 'Nga', 'Ngà', 'Ngân', 'Nhung', 'Yên'],
  ];

  it.skipIf(!hasViCollation)('sorts given names exactly like ICU', () => {
    const collator = new Intl.Collator('vi');
    const expected = [...words].sort(collator.compare);
    const actual = [...words].sort((a, b) =>
      byteCompare(vietnameseNameSortKey(a), vietnameseNameSortKey(b)),
    );
    expect(actual).toEqual(expected);
  });

  it.skipIf(!hasViCollation)(
    'agrees with ICU sorting by given name, then family and middle names',
    () => {
      // As a list sorted by its "Tên" column, then "Họ đệm", each with ICU's Vietnamese order.
      const collator = new Intl.Collator('vi', { sensitivity: 'accent' });
      const given = (name: string) => name.split(' ').at(-1)!;
      const rest = (name: string) => name.split(' ').slice(0, -1).join(' ');
      expect(
        shuffled(SORTED_NAMES, 5).sort(
          (a, b) => collator.compare(given(a), given(b)) || collator.compare(rest(a), rest(b)),
        ),
      ).toEqual(SORTED_NAMES);
    },
  );

  it.skipIf(!hasViCollation)('agrees with ICU on every pair', () => {
    const collator = new Intl.Collator('vi', { sensitivity: 'accent' });
    for (const a of words) {
      for (const b of words) {
        const ours = Math.sign(compareVietnameseNames(a, b));
        expect([a, b, ours]).toEqual([a, b, Math.sign(collator.compare(a, b))]);
      }
    }
  });
});
