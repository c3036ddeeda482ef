import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import {
  makeMember,
  makeUnit,
  makeUser,
  signIn,
  type Client,
  type MemberRow,
} from '../../testing/factories.ts';
import { users } from '../accounts/accounts.schema.ts';

let t: TestApp;
let hang: MemberRow;
let binh: MemberRow;
let outsider: MemberRow;
let officer: Client;
let trusted: Client;

// Typed in decomposed form (NFD), as some keyboards send it; the files must hold NFC.
const NAME = 'Nguyễn Thị Thu Hằng';
const SCHOOL = 'Học viện Chính trị quốc gia Hồ Chí Minh'.normalize('NFD');
const SECRET = 'Cảnh cáo vì vi phạm ĐIỀUMẬT';

async function documentXml(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return zip.file('word/document.xml')!.async('string');
}
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

beforeAll(async () => {
  t = await createTestApp();
  const root = await makeUnit(t.db, { name: 'Đảng bộ Thành phố Hà Nội', type: 'province' });
  const ward = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Tây Hồ',
  });
  const cell = await makeUnit(t.db, {
    parent: ward,
    type: 'grassroots_cell',
    name: 'Chi bộ Khu dân cư số 2',
  });
  const other = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Khác',
  });
  hang = await makeMember(t.db, cell, {
    fullName: NAME,
    gender: 'female',
    birthDate: '1975-02-03',
  });
  binh = await makeMember(t.db, cell, { fullName: 'Trần Văn Bình' });
  outsider = await makeMember(t.db, other, { fullName: 'Lê Văn Ngoài' });
  const o = await makeUser(t.db, ward, { roles: ['officer'] });
  const s = await makeUser(t.db, ward, { roles: ['officer'] });
  await t.db
    .update(users)
    .set({ permissions: ['sensitive'] })
    .where(eq(users.id, s.id));
  officer = await signIn(t.app, o.username);
  trusted = await signIn(t.app, s.username);
  const add = async (payload: object) => {
    const res = await trusted.post(`/api/members/${hang.id}/resume/entries`, payload);
    expect(res.statusCode, res.body).toBe(201);
  };
  await add({
    section: 'training',
    from: '1993-09',
    to: '1997-06',
    fields: {
      school: SCHOOL,
      trainingField: 'Xây dựng Đảng',
      trainingMode: 'full_time',
      diploma: 'Cử nhân',
    },
  });
  await add({ section: 'discipline', from: '2012', fields: { disciplineForm: SECRET } });
  await add({
    section: 'family',
    fields: { familySide: 'own', relation: 'Mẹ', relativeName: 'Phạm Thị Mẹ Mật', birthYear: 1950 },
  });
});
afterAll(() => t.close());

describe('résumé export', () => {
  it('writes a .docx in the 2C layout with correct Vietnamese text and no protected part', async () => {
    const res = await officer.get(`/api/members/${hang.id}/resume.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(NAME));
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain('SƠ YẾU LÝ LỊCH');
    expect(xml).toContain(NAME);
    expect(xml).toContain('NGUYỄN THỊ THU HẰNG');
    expect(xml).toContain(SCHOOL.normalize('NFC'));
    expect(xml).not.toContain(SCHOOL); // no decomposed characters left
    expect(xml).toContain('09/1993 – 06/1997');
    expect(xml).toContain('Đảng bộ Thành phố Hà Nội');
    expect(xml).toContain('Tôi xin cam đoan');
    expect(xml).toContain('Ảnh 3x4');
    expect(xml).not.toContain('ĐIỀUMẬT');
    expect(xml).not.toContain('Mẹ Mật');
    expect(xml).not.toContain('Kỷ luật');
  });

  it('includes the protected sections for a holder of the permission', async () => {
    const res = await trusted.get(`/api/members/${hang.id}/resume.docx`);
    const xml = await documentXml(res.rawPayload);
    expect(xml).toContain(SECRET);
    expect(xml).toContain('Phạm Thị Mẹ Mật');
    expect(xml).toContain('Quan hệ gia đình');
  });

  it('writes a PDF', async () => {
    const res = await officer.get(`/api/members/${hang.id}/resume.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(res.rawPayload)).toBeGreaterThanOrEqual(1);
    // The Roboto font is embedded (it carries the Vietnamese glyphs).
    expect(res.rawPayload.toString('latin1')).toContain('Roboto');
  });

  it('prints several résumés into one file, each starting a new page', async () => {
    const one = await officer.get(`/api/members/${binh.id}/resume.pdf`);
    const two = await officer.post('/api/resumes/print', {
      memberIds: [hang.id, binh.id],
      format: 'pdf',
    });
    expect(two.statusCode).toBe(200);
    expect(pageCount(two.rawPayload)).toBeGreaterThan(pageCount(one.rawPayload));

    const docx = await officer.post('/api/resumes/print', {
      memberIds: [binh.id, hang.id],
      format: 'docx',
    });
    expect(docx.statusCode).toBe(200);
    const xml = await documentXml(docx.rawPayload);
    expect(xml.indexOf('Trần Văn Bình')).toBeGreaterThan(-1);
    expect(xml.indexOf(NAME)).toBeGreaterThan(xml.indexOf('Trần Văn Bình'));
    expect((xml.match(/<w:sectPr/g) ?? []).length).toBe(2);
    expect(xml).not.toContain('ĐIỀUMẬT');
  });

  it('refuses people outside the subtree and oversized lists', async () => {
    const out = await officer.post('/api/resumes/print', {
      memberIds: [hang.id, outsider.id],
      format: 'docx',
    });
    expect(out.statusCode).toBe(404);
    expect((await officer.get(`/api/members/${outsider.id}/resume.docx`)).statusCode).toBe(404);
    const many = Array.from({ length: 201 }, (_, i) => i + 1);
    const big = await officer.post('/api/resumes/print', { memberIds: many, format: 'pdf' });
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toContain('200');
  });
});
