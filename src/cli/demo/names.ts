/**
 * Generated Vietnamese personal names for demo data. Family names follow their approximate
 * share in the population of the North (Nguyễn ~38%); middle and given names depend on gender
 * and, a little, on the generation. Every combination is random: the generator never aims at a
 * real person, and any match with a real name is a coincidence of common names.
 */
import type { Gender } from '../../contracts/enums.ts';
import { type Rng, weightedTable } from './rng.ts';

/** Họ, with approximate shares (per cent) among Kinh people in and around Hà Nội. */
export const familyNameWeights: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.2],
  ['Huỳnh', 0.4],
  ['Phan', 2.2],
  ['Vũ', 3.8],
  ['Võ', 0.6],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 2.3],
  ['Hồ', 1.2],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đào', 1],
  ['Đinh', 1],
  ['Trịnh', 0.8],
  ['Đoàn', 0.7],
  ['Lương', 0.6],
  ['Trương', 0.6],
  ['Mai', 0.5],
  ['Cao', 0.5],
  ['Hà', 0.5],
  ['Lưu', 0.4],
  ['Tạ', 0.4],
  ['Phùng', 0.4],
  ['Chu', 0.3],
  ['Kiều', 0.3],
  ['Tô', 0.3],
  ['Nghiêm', 0.2],
  ['Khuất', 0.2],
  ['Lại', 0.2],
  ['Quách', 0.2],
  ['Triệu', 0.2],
  ['Vương', 0.2],
  ['Thái', 0.1],
  ['Văn', 0.1],
  ['Lã', 0.1],
  ['Khổng', 0.1],
  ['Nông', 0.1],
];

/** Family names common among some ethnic minorities, used instead of the Kinh table. */
const minorityFamilyNames: Readonly<Record<string, readonly string[]>> = {
  Tày: ['Hoàng', 'Nông', 'Lương', 'Triệu', 'Lục', 'Hà', 'Ma', 'Đàm', 'Bế'],
  Nùng: ['Hoàng', 'Nông', 'Lý', 'Lục', 'Vi', 'Triệu', 'Chu'],
  Thái: ['Lò', 'Cầm', 'Lường', 'Vi', 'Hà', 'Quàng', 'Tòng', 'Lộc'],
  Mường: ['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa', 'Bạch'],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng', 'Chảo'],
  "H'Mông": ['Giàng', 'Vàng', 'Sùng', 'Thào', 'Lầu', 'Mùa', 'Hờ'],
  'Sán Dìu': ['Trần', 'Lý', 'Diệp', 'Lam', 'Bàn'],
  'Sán Chay': ['Lý', 'Hoàng', 'Triệu', 'Lâm'],
  Hoa: ['Trương', 'Lâm', 'Lý', 'Hứa', 'Quan', 'Diệp'],
};

/** Tên đệm for men: [name, weight among younger / older generations]. */
const maleMiddle: readonly (readonly [string, number, number])[] = [
  ['Văn', 28, 62],
  ['Đức', 10, 7],
  ['Minh', 10, 4],
  ['Quang', 7, 4],
  ['Hữu', 5, 5],
  ['Công', 4, 3],
  ['Xuân', 3, 3],
  ['Mạnh', 3, 1],
  ['Thanh', 4, 2],
  ['Ngọc', 3, 2],
  ['Tiến', 3, 1],
  ['Trọng', 3, 2],
  ['Duy', 4, 1],
  ['Hoàng', 4, 1],
  ['Thế', 3, 2],
  ['Bá', 2, 2],
  ['Đình', 3, 3],
  ['Anh', 3, 0.5],
  ['Tuấn', 3, 0.5],
  ['Trung', 2, 1],
  ['Quốc', 4, 1],
  ['Hải', 2, 1],
  ['Việt', 3, 1],
  ['Khắc', 1, 1],
  ['Kim', 1, 1],
  ['Gia', 2, 0.2],
];

/** Tên đệm for women: [name, weight among younger / older generations]. */
const femaleMiddle: readonly (readonly [string, number, number])[] = [
  ['Thị', 40, 82],
  ['Thu', 8, 3],
  ['Ngọc', 8, 2],
  ['Thanh', 7, 3],
  ['Kim', 4, 2],
  ['Minh', 5, 0.5],
  ['Phương', 4, 0.5],
  ['Thúy', 3, 0.5],
  ['Hồng', 4, 1],
  ['Lan', 2, 0.5],
  ['Mai', 3, 0.5],
  ['Diệu', 2, 0.2],
  ['Bích', 2, 1],
  ['Hải', 2, 0.2],
  ['Bảo', 2, 0.1],
  ['Khánh', 3, 0.1],
  ['Hoài', 2, 0.3],
  ['Quỳnh', 2, 0.2],
  ['Tuyết', 1, 0.5],
  ['Vân', 1, 0.3],
];

/** Second middle names after "Thị" or "Văn" ("Nguyễn Thị Thu Hằng"). */
const secondMiddle: Record<Gender, readonly string[]> = {
  male: ['Minh', 'Đức', 'Quang', 'Anh', 'Hải', 'Thanh', 'Ngọc', 'Xuân', 'Tiến', 'Hữu'],
  female: ['Thu', 'Ngọc', 'Thanh', 'Kim', 'Minh', 'Hồng', 'Phương', 'Bích', 'Mai', 'Lan', 'Thúy'],
};

/** Tên (given names) for men. */
export const maleGivenNames: readonly string[] = [
  'An',
  'Anh',
  'Bách',
  'Bảo',
  'Bình',
  'Cảnh',
  'Chiến',
  'Chính',
  'Công',
  'Cường',
  'Dũng',
  'Duy',
  'Dương',
  'Đạt',
  'Định',
  'Đông',
  'Đức',
  'Giang',
  'Hải',
  'Hào',
  'Hậu',
  'Hiển',
  'Hiệp',
  'Hiếu',
  'Hòa',
  'Hoàng',
  'Hợp',
  'Hùng',
  'Huy',
  'Hưng',
  'Khải',
  'Khang',
  'Khánh',
  'Khoa',
  'Kiên',
  'Lâm',
  'Long',
  'Lộc',
  'Lợi',
  'Luân',
  'Lực',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Ngọc',
  'Nhân',
  'Ninh',
  'Phát',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quang',
  'Quý',
  'Quyết',
  'Sơn',
  'Tài',
  'Tâm',
  'Tân',
  'Thái',
  'Thắng',
  'Thanh',
  'Thành',
  'Thiện',
  'Thịnh',
  'Thông',
  'Thuận',
  'Thưởng',
  'Tiến',
  'Toàn',
  'Trí',
  'Trọng',
  'Trung',
  'Trường',
  'Tú',
  'Tuấn',
  'Tùng',
  'Tường',
  'Việt',
  'Vinh',
  'Vũ',
  'Vượng',
];

/** Tên (given names) for women. */
export const femaleGivenNames: readonly string[] = [
  'An',
  'Anh',
  'Ánh',
  'Bích',
  'Chi',
  'Cúc',
  'Diệp',
  'Dung',
  'Duyên',
  'Điệp',
  'Đào',
  'Gấm',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hảo',
  'Hậu',
  'Hiền',
  'Hoa',
  'Hoài',
  'Hòa',
  'Hồng',
  'Huệ',
  'Hương',
  'Hường',
  'Huyền',
  'Khánh',
  'Lan',
  'Lệ',
  'Liên',
  'Liễu',
  'Linh',
  'Loan',
  'Lụa',
  'Lý',
  'Mai',
  'Mến',
  'Minh',
  'My',
  'Nga',
  'Ngà',
  'Ngân',
  'Ngọc',
  'Nguyệt',
  'Nhàn',
  'Nhi',
  'Nhung',
  'Oanh',
  'Phương',
  'Phượng',
  'Quế',
  'Quyên',
  'Quỳnh',
  'Sen',
  'Sương',
  'Tâm',
  'Thảo',
  'Thắm',
  'Thanh',
  'Thơ',
  'Thoa',
  'Thủy',
  'Thư',
  'Thương',
  'Thúy',
  'Tình',
  'Trang',
  'Trâm',
  'Trinh',
  'Tươi',
  'Tuyết',
  'Uyên',
  'Vân',
  'Vui',
  'Vy',
  'Xuân',
  'Yến',
];

/** Given names that sound of an older generation; younger people get them less often. */
const olderGivenNames = new Set(['Cúc', 'Gấm', 'Lụa', 'Mến', 'Tươi', 'Vui', 'Thưởng', 'Hợp']);
/** Given names that became common only recently. */
const youngerGivenNames = new Set(['Vy', 'My', 'Nhi', 'Uyên', 'Bách', 'Khang', 'Khải', 'Bảo']);

const kinhFamily = weightedTable(familyNameWeights);
const middleTable = {
  male: {
    young: weightedTable(maleMiddle.map(([n, y]) => [n, y] as const)),
    old: weightedTable(maleMiddle.map(([n, , o]) => [n, o] as const)),
  },
  female: {
    young: weightedTable(femaleMiddle.map(([n, y]) => [n, y] as const)),
    old: weightedTable(femaleMiddle.map(([n, , o]) => [n, o] as const)),
  },
};
function givenTable(names: readonly string[], young: boolean) {
  return weightedTable(
    names.map((n) => {
      if (olderGivenNames.has(n)) return [n, young ? 0.1 : 2] as const;
      if (youngerGivenNames.has(n)) return [n, young ? 1.5 : 0.1] as const;
      return [n, 1] as const;
    }),
  );
}
const givenTables = {
  male: { young: givenTable(maleGivenNames, true), old: givenTable(maleGivenNames, false) },
  female: { young: givenTable(femaleGivenNames, true), old: givenTable(femaleGivenNames, false) },
};

export interface NameOptions {
  /** Birth year; people born before 1975 get more "Văn"/"Thị" and older given names. */
  birthYear?: number;
  /** Dân tộc; some minorities get their own family names. */
  ethnicity?: string;
}

export interface GeneratedName {
  family: string;
  middle: string;
  given: string;
  fullName: string;
}

/** A random name, split into its parts. */
export function generateNameParts(rng: Rng, gender: Gender, opts: NameOptions = {}): GeneratedName {
  const older = (opts.birthYear ?? 1980) < 1975;
  const minority = opts.ethnicity ? minorityFamilyNames[opts.ethnicity] : undefined;
  const family = minority ? rng.pick(minority) : kinhFamily(rng);
  const firstMiddle = middleTable[gender][older ? 'old' : 'young'](rng);
  let middle = firstMiddle;
  let secondWord = '';
  // Two middle names, mostly "Thị Thu …" for women, now and then "Văn Minh …" for men.
  const isPlain = firstMiddle === 'Thị' || firstMiddle === 'Văn';
  if (isPlain && rng.chance(gender === 'female' ? 0.22 : 0.06)) {
    secondWord = rng.pick(secondMiddle[gender]);
    middle = `${firstMiddle} ${secondWord}`;
  }
  const table = givenTables[gender][older ? 'old' : 'young'];
  // Avoid "Minh Minh" and the like; the tables have dozens of names, so this ends quickly.
  let given = table(rng);
  while (given === firstMiddle || given === secondWord) given = table(rng);
  return { family, middle, given, fullName: `${family} ${middle} ${given}` };
}

/** A random full name, family–middle–given ("Nguyễn Thị Thu Hằng"). */
export function generateName(rng: Rng, gender: Gender, opts: NameOptions = {}): string {
  return generateNameParts(rng, gender, opts).fullName;
}

/** Every lower-case letter of Vietnamese, with tones (NFC), for validating names. */
export const vietnameseLetters =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

const nameWord = new RegExp(`^[${vietnameseLetters.toUpperCase()}][${vietnameseLetters}]*$`, 'u');

/** A full name of 3–5 capitalised words made only of Vietnamese letters, in NFC. */
export function isVietnameseName(name: string): boolean {
  const words = name.split(' ');
  return (
    name === name.normalize('NFC') &&
    words.length >= 3 &&
    words.length <= 5 &&
    words.every((w) => nameWord.test(w))
  );
}
