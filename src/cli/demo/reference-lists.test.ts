import { describe, expect, it } from 'vitest';
import {
  centralCities,
  ethnicities,
  provinces,
  provincesOnly,
  religions,
} from '../../contracts/reference-lists.ts';
import { idProvinceCodes } from './members.ts';

function clean(list: readonly string[]) {
  expect(new Set(list).size).toBe(list.length);
  for (const s of list) {
    expect(s).toBe(s.normalize('NFC'));
    expect(s).toBe(s.trim());
  }
}

describe('reference lists', () => {
  it('has the 54 ethnic groups', () => {
    expect(ethnicities).toHaveLength(54);
    clean(ethnicities);
    expect(ethnicities[0]).toBe('Kinh');
    for (const e of ['Tày', 'Thái', 'Mường', 'Khmer', 'Hoa', 'Nùng', "H'Mông", 'Dao', 'Gia Rai']) {
      expect(ethnicities).toContain(e);
    }
    for (const e of ['Ê Đê', 'Ba Na', 'Chăm', 'Ơ Đu', 'Brâu', 'Rơ Măm', 'Pu Péo', 'Si La']) {
      expect(ethnicities).toContain(e);
    }
  });

  it('has religions, none first', () => {
    clean(religions);
    expect(religions[0]).toBe('Không');
    for (const r of [
      'Phật giáo',
      'Công giáo',
      'Tin Lành',
      'Cao Đài',
      'Phật giáo Hòa Hảo',
      'Hồi giáo',
    ]) {
      expect(religions).toContain(r);
    }
  });

  it('has the 34 province-level units after 1 July 2025', () => {
    expect(provinces).toHaveLength(34);
    expect(centralCities).toHaveLength(6);
    expect(provincesOnly).toHaveLength(28);
    clean(provinces);
    expect([...centralCities]).toEqual([
      'Hà Nội',
      'Huế',
      'Hải Phòng',
      'Đà Nẵng',
      'Thành phố Hồ Chí Minh',
      'Cần Thơ',
    ]);
    for (const gone of ['Hà Giang', 'Yên Bái', 'Bắc Kạn', 'Vĩnh Phúc', 'Hòa Bình', 'Bắc Giang']) {
      expect(provinces).not.toContain(gone);
    }
    for (const gone of ['Thái Bình', 'Hà Nam', 'Nam Định', 'Quảng Bình', 'Quảng Nam', 'Kon Tum']) {
      expect(provinces).not.toContain(gone);
    }
    for (const gone of ['Bình Định', 'Ninh Thuận', 'Đắk Nông', 'Bình Thuận', 'Phú Yên']) {
      expect(provinces).not.toContain(gone);
    }
    for (const gone of ['Bình Phước', 'Bình Dương', 'Bà Rịa - Vũng Tàu', 'Long An', 'Tiền Giang']) {
      expect(provinces).not.toContain(gone);
    }
    for (const gone of [
      'Bến Tre',
      'Trà Vinh',
      'Sóc Trăng',
      'Hậu Giang',
      'Bạc Liêu',
      'Kiên Giang',
    ]) {
      expect(provinces).not.toContain(gone);
    }
    expect(provinces).not.toContain('Thừa Thiên Huế');
  });

  it('maps every province to 3-digit id codes, each code used once', () => {
    const all: string[] = [];
    for (const p of provinces) {
      const codes = idProvinceCodes[p];
      expect(codes.length).toBeGreaterThan(0);
      for (const c of codes) expect(c).toMatch(/^\d{3}$/);
      all.push(...codes);
    }
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(63); // the 63 provinces before the merger
    expect(idProvinceCodes['Hà Nội']).toEqual(['001']);
  });
});
