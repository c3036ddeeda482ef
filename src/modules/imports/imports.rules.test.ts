import { describe, expect, it } from 'vitest';
import { memberColumns } from './imports.columns.ts';
import {
  duplicatesInFile,
  excelSerialToIso,
  isExampleRow,
  matchHeaders,
  readCell,
  readDate,
} from './imports.rules.ts';

const spec = (key: string) => memberColumns.find((c) => c.key === key)!;

describe('dates', () => {
  it('reads dd/mm/yyyy as people type it, ISO, and real Excel dates', () => {
    expect(readDate('14/03/1985')).toBe('1985-03-14');
    expect(readDate('4/3/1985')).toBe('1985-03-04');
    expect(readDate('14-03-1985')).toBe('1985-03-14');
    expect(readDate('14.03.1985')).toBe('1985-03-14');
    expect(readDate('1985-03-14')).toBe('1985-03-14');
    expect(readDate(new Date(Date.UTC(1985, 2, 14)))).toBe('1985-03-14');
    // A value a hair before midnight, as Excel's floating point gives it, is still that day.
    expect(readDate(new Date(Date.UTC(1985, 2, 14) - 1))).toBe('1985-03-14');
    expect(readDate(31120)).toBe('1985-03-14');
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(readDate('31/02/1980')).toBeNull();
    expect(readDate('29/02/2023')).toBeNull();
    expect(readDate('29/02/2024')).toBe('2024-02-29');
    expect(readDate('03/14/1985')).toBeNull();
    expect(readDate('năm 1985')).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(1)).toBe('1899-12-31');
  });

  it('a bad date cell says how to write it', () => {
    const r = readCell(spec('birthDate'), '31/02/1980');
    expect(r).toEqual({
      ok: false,
      message: '"31/02/1980" không phải ngày hợp lệ (ghi theo dạng dd/mm/yyyy, ví dụ 14/03/1985)',
    });
  });
});

describe('code lists and other cells', () => {
  it('matches Vietnamese labels whatever the case, tone placement or prefix', () => {
    expect(readCell(spec('gender'), 'nữ')).toEqual({ ok: true, value: 'female' });
    expect(readCell(spec('status'), 'CHÍNH THỨC')).toEqual({ ok: true, value: 'full' });
    expect(readCell(spec('hometownProvince'), 'Tỉnh Thanh Hoá')).toEqual({
      ok: true,
      value: 'Thanh Hóa',
    });
    expect(readCell(spec('hometownProvince'), 'TP. Hồ Chí Minh')).toEqual({
      ok: true,
      value: 'Thành phố Hồ Chí Minh',
    });
    expect(readCell(spec('ethnicity'), "h'mông")).toEqual({ ok: true, value: "H'Mông" });
    expect(readCell(spec('professionalLevel'), 'master')).toEqual({ ok: true, value: 'master' });
  });

  it('names the allowed values of a short list, points to the list sheet for a long one', () => {
    expect(readCell(spec('gender'), 'Khác')).toMatchObject({
      ok: false,
      message: '"Khác" không có trong danh sách (Nam, Nữ)',
    });
    const long = readCell(spec('ethnicity'), 'Việt');
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toContain('sheet "Danh mục"');
  });

  it('required cells, yes/no cells and ID numbers typed as numbers', () => {
    expect(readCell(spec('fullName'), '  ')).toEqual({
      ok: false,
      message: 'chưa nhập (cột bắt buộc)',
    });
    expect(readCell(spec('otherNames'), '')).toEqual({ ok: true, value: undefined });
    expect(readCell(spec('exempted'), 'Có')).toEqual({ ok: true, value: true });
    expect(readCell(spec('exempted'), 'x')).toEqual({ ok: true, value: true });
    expect(readCell(spec('exempted'), 'không')).toEqual({ ok: true, value: false });
    expect(readCell(spec('exempted'), 'có lẽ').ok).toBe(false);
    expect(readCell(spec('idNumber'), 1085012345)).toEqual({ ok: true, value: '001085012345' });
    // An old 9-digit CMND typed as a number is not padded into a made-up 12-digit number.
    expect(readCell(spec('idNumber'), 123456789)).toEqual({ ok: true, value: '123456789' });
    expect(readCell(spec('idNumber'), '001 085 012 345')).toEqual({
      ok: true,
      value: '001085012345',
    });
  });
});

describe('headings', () => {
  const headings = ['STT', 'Họ và tên', 'Giới tính', 'NGÀY SINH', 'Dân tộc', 'Tôn giáo'];

  it('accepts the template headings and their common variants; names what is missing', () => {
    const m = matchHeaders(memberColumns, headings);
    expect(m.sequence).toBe(0);
    expect(m.index.get('fullName')).toBe(1);
    expect(m.index.get('birthDate')).toBe(3);
    expect(m.problems).toHaveLength(1);
    expect(m.problems[0]).toMatchObject({ row: 1, column: null });
    expect(m.problems[0]!.message).toContain('Thiếu cột bắt buộc: Tình trạng đảng viên');
  });

  it('an unknown or doubled column is named', () => {
    const m = matchHeaders(memberColumns, [
      ...headings,
      'Tình trạng',
      'Chức vụ hiện nay',
      'Họ tên',
    ]);
    expect(m.problems.map((p) => p.column)).toEqual(['Chức vụ hiện nay', 'Họ tên']);
    expect(m.problems[0]!.message).toContain('Cột "Chức vụ hiện nay" không có trong mẫu');
    expect(m.problems[1]!.message).toContain('xuất hiện hai lần');
  });

  it('a first row of data rather than headings is recognised as such', () => {
    const m = matchHeaders(memberColumns, ['Nguyễn Văn A', 'Nam', '01/01/1980']);
    expect(m.problems[0]!.message).toContain('Không nhận ra dòng tiêu đề');
  });

  it('the example row of the template is skipped', () => {
    expect(isExampleRow(['Ví dụ', 'Nguyễn Văn An'], 0)).toBe(true);
    expect(isExampleRow(['vi du', 'Nguyễn Văn An'], 0)).toBe(true);
    expect(isExampleRow(['1', 'Nguyễn Văn An'], 0)).toBe(false);
    expect(isExampleRow(['Ví dụ'], null)).toBe(false);
  });
});

describe('duplicates inside a file', () => {
  it('holds back every row of a doubled ID number, naming the others', () => {
    const problems = duplicatesInFile(
      [
        { row: 2, idNumber: '001' },
        { row: 3, idNumber: null },
        { row: 4, idNumber: '001' },
        { row: 5, idNumber: '002' },
        { row: 9, idNumber: '001' },
      ],
      'Số CCCD/định danh',
    );
    expect(problems.map((p) => p.row)).toEqual([2, 4, 9]);
    expect(problems[0]!.message).toContain('trùng số CCCD/định danh với dòng 4, 9 trong tệp');
    expect(problems[0]!.message).toContain('(theo Quy tắc kiểm tra dữ liệu của CanBo)');
  });
});
