import { describe, expect, it } from 'vitest';
import { explain } from '../../core/rules/verdict.ts';
import {
  canHandleFile,
  canManageCatalogue,
  checkReview,
  checkUpload,
  completenessSummary,
  sanitizeFileName,
  type UploadFacts,
} from './dossiers.rules.ts';

const facts = (over: Partial<UploadFacts> = {}): UploadFacts => ({
  type: {
    typeName: 'Giấy khám sức khỏe',
    active: true,
    allowedKinds: ['pdf', 'jpg'],
    maxSizeMb: 2,
  },
  sizeBytes: 1000,
  detectedKind: 'pdf',
  detectedLabel: 'pdf',
  memberArchived: false,
  ...over,
});

describe('checkUpload', () => {
  it('accepts a file of an allowed kind within the limit', () => {
    expect(checkUpload(facts())).toBeNull();
    expect(checkUpload(facts({ sizeBytes: 2 * 1024 * 1024 }))).toBeNull();
  });

  it('refuses one byte over the limit, naming size, limit and type', () => {
    const p = checkUpload(facts({ sizeBytes: 2 * 1024 * 1024 + 1 }))!;
    expect(p.field).toBe('file');
    expect(explain(p.verdict)).toBe(
      'Tệp 2,0 MB vượt dung lượng tối đa 2 MB của loại giấy tờ “Giấy khám sức khỏe” (theo Quy tắc kiểm tra dữ liệu của CanBo)',
    );
  });

  it('judges the kind by content, not by name', () => {
    const exe = checkUpload(facts({ detectedKind: null, detectedLabel: 'exe' }))!;
    expect(exe.verdict.message).toBe(
      'Nội dung thật của tệp là tệp EXE; loại giấy tờ “Giấy khám sức khỏe” chỉ nhận PDF, JPG',
    );
    const png = checkUpload(facts({ detectedKind: 'png', detectedLabel: 'png' }))!;
    expect(png.verdict.message).toContain('là tệp PNG');
    const unknown = checkUpload(facts({ detectedKind: null, detectedLabel: null }))!;
    expect(unknown.verdict.message).toContain('không phải loại tệp nào được nhận');
  });

  it('refuses empty files, retired types and archived records first', () => {
    expect(checkUpload(facts({ sizeBytes: 0, detectedKind: null }))!.verdict.message).toContain(
      'Tệp rỗng',
    );
    const retired = checkUpload(facts({ type: { ...facts().type, active: false } }))!;
    expect(retired.field).toBe('typeId');
    expect(checkUpload(facts({ memberArchived: true }))!.verdict.message).toContain('lưu trữ');
  });
});

describe('sanitizeFileName', () => {
  it('drops folders and control characters and takes the real extension', () => {
    expect(sanitizeFileName('../../etc/Sơ yếu lý lịch.PDF', 'pdf')).toBe('Sơ yếu lý lịch.pdf');
    expect(sanitizeFileName('C:\\Users\\a\\"ảnh"<1>.exe', 'png')).toBe('ảnh1.png');
    expect(sanitizeFileName('...', 'pdf')).toBe('giay-to.pdf');
    expect(sanitizeFileName('a\u0000b\r\n.pdf', 'pdf')).toBe('ab.pdf');
    expect(sanitizeFileName('x'.repeat(400) + '.pdf', 'pdf')).toHaveLength(154);
    // A right-to-left override shows this name on screen as "hop-dongfdp.png".
    expect(sanitizeFileName('hop-dong\u202Egnp.pdf', 'png')).toBe('hop-donggnp.png');
  });

  it('keeps Vietnamese in composed form', () => {
    const decomposed = 'Quyết định'.normalize('NFD');
    expect(sanitizeFileName(`${decomposed}.pdf`, 'pdf')).toBe('Quyết định.pdf'.normalize('NFC'));
  });
});

describe('access to the catalogue and to sensitive files', () => {
  it('only an administrator at the top of the tree edits the shared catalogue', () => {
    expect(canManageCatalogue({ roles: ['admin'], scopePath: '/1/' }).ok).toBe(true);
    expect(canManageCatalogue({ roles: ['admin'], scopePath: '/1/7/' }).ok).toBe(false);
    expect(canManageCatalogue({ roles: ['officer'], scopePath: '/1/' }).ok).toBe(false);
  });

  it('sensitive types need the permission, others do not', () => {
    expect(canHandleFile({ sensitive: false }, false).ok).toBe(true);
    expect(canHandleFile({ sensitive: true }, true).ok).toBe(true);
    const denied = canHandleFile({ sensitive: true }, false);
    expect(denied.ok).toBe(false);
    expect(explain(denied)).toContain('Quy định phân quyền của CanBo');
  });
});

describe('review and completeness', () => {
  it('reviews only the current upload', () => {
    expect(checkReview({ superseded: false }).ok).toBe(true);
    expect(checkReview({ superseded: true }).ok).toBe(false);
  });

  it('summarises counts in Vietnamese', () => {
    expect(completenessSummary(11, 11)).toBe('Đủ 11/11 loại bắt buộc đã xác minh');
    expect(completenessSummary(9, 11)).toBe('Còn thiếu 2 loại: 9/11 loại bắt buộc đã xác minh');
    expect(completenessSummary(0, 0)).toBe('Quy trình này chưa có loại giấy tờ bắt buộc');
  });
});
