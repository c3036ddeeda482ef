import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResumeDto, ResumeEntryDto } from '../../contracts/resume.ts';
import type { Permission } from '../../contracts/enums.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
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
import { appointments, postTitles } from '../posts/posts.schema.ts';
import { memberProfiles } from './resume.schema.ts';

let t: TestApp;
let person: MemberRow;
let outsider: MemberRow;
let officer: Client;
let trusted: Client;
let reader: Client;
let self: Client;

async function user(
  unit: Parameters<typeof makeUser>[1],
  roles: Parameters<typeof makeUser>[2],
  perms: Permission[] = [],
) {
  const u = await makeUser(t.db, unit, roles);
  if (perms.length) await t.db.update(users).set({ permissions: perms }).where(eq(users.id, u.id));
  return signIn(t.app, u.username);
}

const training = {
  section: 'training',
  from: '2003-09',
  to: '2007-06',
  fields: {
    school: 'Trường Đại học Luật Hà Nội',
    trainingField: 'Luật kinh tế',
    trainingMode: 'full_time',
    diploma: 'Cử nhân',
  },
};
const discipline = {
  section: 'discipline',
  from: '2019-03',
  to: '2020-03',
  fields: { disciplineForm: 'Khiển trách', disciplineReason: 'Vi phạm quy chế bí mật XYZ' },
};

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
    name: 'Chi bộ Khu dân cư số 1',
  });
  const other = await makeUnit(t.db, {
    parent: root,
    type: 'commune',
    name: 'Đảng bộ phường Khác',
  });
  person = await makeMember(t.db, cell, {
    fullName: 'Nguyễn Thị Thu Hằng',
    gender: 'female',
    birthDate: '1985-04-12',
  });
  outsider = await makeMember(t.db, other, { fullName: 'Lê Văn Ngoài' });
  officer = await user(ward, { roles: ['officer'] });
  trusted = await user(ward, { roles: ['officer'] }, ['sensitive']);
  reader = await user(ward, { roles: ['reader'] });
  self = await user(cell, { roles: ['member'], memberId: person.id });
});
afterAll(() => t.close());

const resumeOf = async (c: Client, id = person.id) => {
  const res = await c.get(`/api/members/${id}/resume`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ResumeDto>();
};

describe('the 2C résumé', () => {
  it('starts empty at version 0; the protected part only for holders of the permission', async () => {
    const plain = await resumeOf(officer);
    expect(plain.profile.version).toBe(0);
    expect(plain.entries).toEqual([]);
    expect(plain.sensitiveIncluded).toBe(false);
    expect(plain.profile.sensitive).toBeNull();
    const full = await resumeOf(trusted);
    expect(full.sensitiveIncluded).toBe(true);
    expect(full.profile.sensitive).toEqual({});
  });

  it('saves the profile with a version, audited under the member, and refuses a stale one', async () => {
    const general = {
      familyOrigin: 'Công nhân',
      recruitmentDate: '2007-08',
      heightCm: 158,
      salaryCoefficient: 4.98,
    };
    const res = await officer.send({
      method: 'PUT',
      url: `/api/members/${person.id}/resume/profile`,
      payload: { version: 0, general },
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json<ResumeDto>();
    expect(saved.profile.version).toBe(1);
    expect(saved.profile.general).toMatchObject(general);
    const stale = await officer.send({
      method: 'PUT',
      url: `/api/members/${person.id}/resume/profile`,
      payload: { version: 0, general: { familyOrigin: 'Nông dân' } },
    });
    expect(stale.statusCode).toBe(409);
    const history = await officer.get(`/api/history/member/${person.id}`);
    expect(history.body).toContain('Thành phần gia đình xuất thân');
  });

  it('refuses impossible profile dates with the field and the rule', async () => {
    const res = await officer.send({
      method: 'PUT',
      url: `/api/members/${person.id}/resume/profile`,
      payload: { version: 1, general: { enlistDate: '2010-05', dischargeDate: '2008' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'dischargeDate', label: 'Ngày xuất ngũ' });
    expect(res.json().message).toContain('Quy tắc kiểm tra dữ liệu của CanBo');
  });

  it('refuses the protected part without the permission, with the reason, and saves nothing', async () => {
    const res = await officer.send({
      method: 'PUT',
      url: `/api/members/${person.id}/resume/profile`,
      payload: { version: 1, general: {}, sensitive: { politicalAssessment: 'Tốt' } },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('phần mật');
    expect(res.json().message).toContain('Quy định phân quyền của CanBo');
    const [row] = await t.db
      .select()
      .from(memberProfiles)
      .where(eq(memberProfiles.memberId, person.id));
    expect(row!.version).toBe(1);
    expect(row!.general).toMatchObject({ familyOrigin: 'Công nhân' });
  });

  it('keeps the protected part when a plain officer saves the general part', async () => {
    const before = await resumeOf(trusted);
    const res = await trusted.send({
      method: 'PUT',
      url: `/api/members/${person.id}/resume/profile`,
      payload: {
        version: before.profile.version,
        general: before.profile.general,
        sensitive: { politicalAssessment: 'Lập trường vững vàng BÍMẬT' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<ResumeDto>().profile.version;
    const plain = await officer.send({
      method: 'PUT',
      url: `/api/members/${person.id}/resume/profile`,
      payload: {
        version: v,
        general: { ...before.profile.general, strengths: 'Công tác tổ chức' },
      },
    });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.json<ResumeDto>().profile.sensitive).toBeNull();
    expect((await resumeOf(trusted)).profile.sensitive).toEqual({
      politicalAssessment: 'Lập trường vững vàng BÍMẬT',
    });
    // The audit log, which readers without the permission see, holds no protected value.
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, person.id));
    expect(JSON.stringify(rows)).not.toContain('BÍMẬT');
  });

  it('adds, edits and deletes table rows with month-year dates and versions', async () => {
    const res = await officer.post(`/api/members/${person.id}/resume/entries`, training);
    expect(res.statusCode, res.body).toBe(201);
    const row = res.json<ResumeEntryDto>();
    expect(row).toMatchObject({ section: 'training', from: '2003-09', to: '2007-06', version: 1 });
    expect(row.fields['school']).toBe('Trường Đại học Luật Hà Nội');

    const edited = await officer.patch(`/api/members/${person.id}/resume/entries/${row.id}`, {
      ...training,
      to: '2007',
      fields: { ...training.fields, diploma: 'Cử nhân Luật' },
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ResumeEntryDto>()).toMatchObject({ to: '2007', version: 2 });
    const stale = await officer.patch(`/api/members/${person.id}/resume/entries/${row.id}`, {
      ...training,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const moved = await officer.patch(`/api/members/${person.id}/resume/entries/${row.id}`, {
      section: 'awards',
      from: '2010',
      fields: { awardForm: 'Giấy khen' },
      version: 2,
    });
    expect(moved.statusCode).toBe(400);
    // Clearing a field is a change too, and the log keeps what was there.
    const cleared = await officer.patch(`/api/members/${person.id}/resume/entries/${row.id}`, {
      ...training,
      to: '2007',
      fields: { school: training.fields.school, diploma: 'Cử nhân Luật' },
      version: 2,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<ResumeEntryDto>().fields['trainingField']).toBeUndefined();
    const logged = await t.db.select().from(auditLog).where(eq(auditLog.entityId, person.id));
    const clearing = logged.find(
      (r) =>
        r.action === 'update' &&
        (r.after as Record<string, unknown> | null)?.['trainingField'] === null,
    );
    expect(clearing?.before).toMatchObject({
      trainingField: 'Luật kinh tế',
      trainingMode: 'full_time',
    });
    expect(clearing?.after).toMatchObject({ trainingField: null, trainingMode: null });

    const extra = await officer.post(`/api/members/${person.id}/resume/entries`, {
      section: 'awards',
      from: '2015-12',
      fields: { awardForm: 'Bằng khen của UBND Thành phố' },
    });
    expect(extra.statusCode).toBe(201);
    const gone = await officer.delete(
      `/api/members/${person.id}/resume/entries/${extra.json<ResumeEntryDto>().id}?version=1`,
    );
    expect(gone.statusCode, gone.body).toBe(200);
    const now = await resumeOf(officer);
    expect(now.entries.map((e) => e.section)).toEqual(['training']);
  });

  it('checks each row: required fields, periods in order, after birth', async () => {
    const cases: [object, string][] = [
      [{ ...training, fields: { ...training.fields, school: '' } }, 'fields.school'],
      [{ ...training, from: '2008-01', to: '2007-06' }, 'to'],
      [{ ...training, from: '1980', to: '1984' }, 'from'],
      [{ ...training, from: '13/2005' }, 'from'],
      [
        {
          section: 'family',
          from: '2000',
          fields: { familySide: 'own', relation: 'Mẹ', relativeName: 'Trần Thị B' },
        },
        'from',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await trusted.post(`/api/members/${person.id}/resume/entries`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it('keeps protected rows from callers without the permission, the person sees their own', async () => {
    const refused = await officer.post(`/api/members/${person.id}/resume/entries`, discipline);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('Kỷ luật');
    const ok = await trusted.post(`/api/members/${person.id}/resume/entries`, discipline);
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json<ResumeEntryDto>().id;

    expect(JSON.stringify(await resumeOf(officer))).not.toContain('XYZ');
    expect(JSON.stringify(await resumeOf(reader))).not.toContain('XYZ');
    expect(JSON.stringify(await resumeOf(trusted))).toContain('XYZ');
    // A row the caller may not see is absent: a 403 naming "Kỷ luật" would reveal it exists.
    const del = await officer.delete(`/api/members/${person.id}/resume/entries/${id}?version=1`);
    expect(del.statusCode).toBe(404);
    expect(del.body).not.toContain('Kỷ luật');
    const patch = await officer.patch(`/api/members/${person.id}/resume/entries/${id}`, {
      ...training,
      version: 1,
    });
    expect(patch.statusCode).toBe(404);
    // The log, read by callers without the permission, says a protected row was added but
    // neither its content nor its section.
    const history = await officer.get(`/api/history/member/${person.id}`);
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('một dòng thuộc phần mật');
    expect(history.body).not.toContain('XYZ');
    expect(history.body).not.toContain('Kỷ luật');
    expect(history.body).not.toContain('discipline');

    const mine = await self.get('/api/me/resume');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<ResumeDto>().sensitiveIncluded).toBe(true);
    expect(mine.body).toContain('XYZ');
    const edit = await self.post(`/api/members/${person.id}/resume/entries`, training);
    expect(edit.statusCode).toBe(403);
    expect(
      (await reader.post(`/api/members/${person.id}/resume/entries`, training)).statusCode,
    ).toBe(403);
  });

  it('merges free-text work history with appointments in date order', async () => {
    const wh = await officer.post(`/api/members/${person.id}/resume/entries`, {
      section: 'work_history',
      from: '2007-08',
      to: '2015-12',
      fields: { workPost: 'Chuyên viên', workUnit: 'Văn phòng UBND quận Tây Hồ' },
    });
    expect(wh.statusCode, wh.body).toBe(201);
    const [title] = await t.db
      .insert(postTitles)
      .values({
        code: `RESUME-T-${Date.now()}`,
        name: 'Phó Bí thư Đảng ủy',
        level: 'deputy',
        sector: 'party',
      })
      .returning();
    await t.db.insert(appointments).values({
      memberId: person.id,
      postTitleId: title!.id,
      unitId: person.unitId,
      unitPath: person.unitPath,
      startDate: '2016-01-05',
      method: 'elected',
    });
    const r = await resumeOf(officer);
    expect(r.workHistory.map((w) => [w.source, w.from, w.post])).toEqual([
      ['entry', '2007-08', 'Chuyên viên'],
      ['appointment', '2016-01-05', 'Phó Bí thư Đảng ủy'],
    ]);
  });

  it('answers 404 for members outside the subtree, read or write', async () => {
    expect((await officer.get(`/api/members/${outsider.id}/resume`)).statusCode).toBe(404);
    expect(
      (await officer.post(`/api/members/${outsider.id}/resume/entries`, training)).statusCode,
    ).toBe(404);
    expect(
      (
        await officer.send({
          method: 'PUT',
          url: `/api/members/${outsider.id}/resume/profile`,
          payload: { version: 0, general: {} },
        })
      ).statusCode,
    ).toBe(404);
  });
});
