import { describe, expect, it } from 'vitest';
import { genders } from '../../contracts/enums.ts';
import {
  familyNameWeights,
  femaleGivenNames,
  generateName,
  generateNameParts,
  isVietnameseName,
  maleGivenNames,
  vietnameseLetters,
} from './names.ts';
import { Rng } from './rng.ts';

const word = new RegExp(`^[${vietnameseLetters.toUpperCase()}][${vietnameseLetters}]*$`, 'u');

describe('generated Vietnamese names', () => {
  it('name lists are clean', () => {
    for (const list of [maleGivenNames, femaleGivenNames, familyNameWeights.map((f) => f[0])]) {
      expect(new Set(list).size).toBe(list.length);
      for (const n of list) {
        expect(n).toBe(n.normalize('NFC'));
        expect(n).toMatch(word);
      }
    }
    expect(maleGivenNames.length).toBeGreaterThanOrEqual(75);
    expect(femaleGivenNames.length).toBeGreaterThanOrEqual(75);
  });

  it('uses only Vietnamese letters and has family, middle and given names', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 5000; i++) {
      const gender = genders[i % 2] ?? 'male';
      const ethnicity = i % 50 === 0 ? 'Thái' : i % 51 === 0 ? "H'Mông" : 'Kinh';
      const parts = generateNameParts(rng, gender, { birthYear: 1940 + (i % 70), ethnicity });
      expect(isVietnameseName(parts.fullName), parts.fullName).toBe(true);
      expect(parts.fullName).toBe(`${parts.family} ${parts.middle} ${parts.given}`);
      expect(parts.middle.split(' ')).not.toContain(parts.given);
    }
    expect(isVietnameseName('Nguyễn Thị Thu Hằng')).toBe(true);
    expect(isVietnameseName('Nguyen Fzw Anh')).toBe(false);
  });

  it('has realistic family-name and middle-name shares', () => {
    const rng = new Rng(2);
    const n = 20_000;
    let nguyen = 0;
    let thi = 0;
    let twoMiddle = 0;
    for (let i = 0; i < n; i++) {
      const p = generateNameParts(rng, 'female', { birthYear: 1960 });
      if (p.family === 'Nguyễn') nguyen++;
      if (p.middle.startsWith('Thị')) thi++;
      if (p.middle.includes(' ')) twoMiddle++;
    }
    expect(nguyen / n).toBeGreaterThan(0.33);
    expect(nguyen / n).toBeLessThan(0.43);
    expect(thi / n).toBeGreaterThan(0.6);
    expect(twoMiddle / n).toBeGreaterThan(0.1);
    expect(twoMiddle / n).toBeLessThan(0.3);
  });

  it('is deterministic for a seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => generateName(new Rng(i), 'male'));
    const b = Array.from({ length: 50 }, (_, i) => generateName(new Rng(i), 'male'));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(40);
  });
});
