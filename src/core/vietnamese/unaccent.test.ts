import { describe, it, expect } from 'vitest';
import { searchKey, unaccent } from './unaccent.ts';

describe('unaccent', () => {
  it('removes tone and vowel marks and maps đ', () => {
    expect(unaccent('Nguyễn Văn Đức')).toBe('Nguyen Van Duc');
    expect(unaccent('Trần Thị Thu Hằng')).toBe('Tran Thi Thu Hang');
    expect(unaccent('Phường Hồ Gươm, Quận Hoàn Kiếm')).toBe('Phuong Ho Guom, Quan Hoan Kiem');
  });

  it('maps every vowel with every tone to its base letter, keeping case', () => {
    const lower = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';
    const expected = 'a'.repeat(18) + 'e'.repeat(12) + 'i'.repeat(6) + 'o'.repeat(18);
    const rest = 'u'.repeat(12) + 'y'.repeat(6) + 'd';
    expect(unaccent(lower)).toBe(expected + rest);
    expect(unaccent(lower.toUpperCase())).toBe((expected + rest).toUpperCase());
  });

  it('handles decomposed (NFD) input', () => {
    const nfd = 'Nguyễn Văn Đức Hằng Thuỷ'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn Đức Hằng Thuỷ'); // really decomposed
    expect(unaccent(nfd)).toBe('Nguyen Van Duc Hang Thuy');
  });

  it('leaves plain ASCII and digits untouched', () => {
    expect(unaccent('Chi bo 12 - Dang uy Khoi')).toBe('Chi bo 12 - Dang uy Khoi');
    expect(unaccent('')).toBe('');
  });
});

describe('searchKey', () => {
  it('lowercases, unaccents, collapses and trims whitespace', () => {
    expect(searchKey('  Nguyễn   Thị\tThu \n Hằng ')).toBe('nguyen thi thu hang');
  });

  it('makes unaccented queries match accented names', () => {
    expect(searchKey('Nguyễn Thị Thu Hằng')).toBe(searchKey('nguyen thi thu hang'));
    expect(searchKey('Đức')).toBe(searchKey('DUC'));
    expect(searchKey('ĐẶNG VĂN ĐỨC')).toBe('dang van duc');
    expect(searchKey('Nguyễn Thị Thu Hằng').includes(searchKey('THU HANG'))).toBe(true);
  });

  it('gives the same key for NFC and NFD input', () => {
    const name = 'Trương Thị Ngọc Ánh';
    expect(searchKey(name.normalize('NFD'))).toBe(searchKey(name.normalize('NFC')));
  });
});
