import type { ModuleAccess } from '../../testing/access-types.ts';
import { memberProfiles, resumeEntries } from './resume.schema.ts';

const training = {
  section: 'training',
  from: '2001-09',
  to: '2005-06',
  fields: { school: 'Trường mới', trainingMode: 'full_time' },
};

/** Requests the access walk aims at subtree A for this module's routes (see access.test.ts). */
export const resumeAccess: ModuleAccess = {
  async seed({ db, world }) {
    await db.insert(memberProfiles).values({
      memberId: world.memberA.id,
      general: { familyOrigin: 'Gia đình alpha', strengths: 'Sở trường alpha' },
      sensitive: { politicalAssessment: 'Nhận xét alpha' },
    });
    const [entry] = await db
      .insert(resumeEntries)
      .values({
        memberId: world.memberA.id,
        section: 'training',
        fromDate: '2001-09-01',
        toDate: '2005-06-30',
        fields: { school: 'Trường alpha', _from: '2001-09', _to: '2005-06' },
      })
      .returning();
    const [secret] = await db
      .insert(resumeEntries)
      .values({
        memberId: world.memberA.id,
        section: 'family',
        fields: { familySide: 'own', relation: 'Mẹ', relativeName: 'Bà alpha' },
      })
      .returning();
    return { resumeEntryA: entry!.id, resumeFamilyEntryA: secret!.id };
  },
  samples: {
    'GET /api/members/:id/resume': [(w) => ({ url: `/api/members/${w.memberA.id}/resume` })],
    'PUT /api/members/:id/resume/profile': [
      (w) => ({
        url: `/api/members/${w.memberA.id}/resume/profile`,
        payload: { version: 1, general: { familyOrigin: 'Đã sửa' } },
      }),
      (w) => ({
        url: `/api/members/${w.memberA.id}/resume/profile`,
        payload: { version: 1, general: {}, sensitive: { politicalAssessment: 'x' } },
      }),
    ],
    'POST /api/members/:id/resume/entries': [
      (w) => ({ url: `/api/members/${w.memberA.id}/resume/entries`, payload: training }),
    ],
    'PATCH /api/members/:id/resume/entries/:entryId': [
      (w) => ({
        url: `/api/members/${w.memberA.id}/resume/entries/${w.ids['resumeEntryA']}`,
        payload: { ...training, version: 1 },
      }),
      // Someone else's row through the caller's own member: still not theirs.
      (w) => ({
        url: `/api/members/${w.memberB.id}/resume/entries/${w.ids['resumeEntryA']}`,
        payload: { ...training, version: 1 },
      }),
    ],
    'DELETE /api/members/:id/resume/entries/:entryId': [
      (w) => ({
        url: `/api/members/${w.memberA.id}/resume/entries/${w.ids['resumeFamilyEntryA']}?version=1`,
      }),
      (w) => ({
        url: `/api/members/${w.memberB.id}/resume/entries/${w.ids['resumeEntryA']}?version=1`,
      }),
    ],
    'GET /api/me/resume': [() => ({ url: '/api/me/resume' })],
    'GET /api/members/:id/resume.docx': [
      (w) => ({ url: `/api/members/${w.memberA.id}/resume.docx` }),
    ],
    'GET /api/members/:id/resume.pdf': [
      (w) => ({ url: `/api/members/${w.memberA.id}/resume.pdf` }),
    ],
    'POST /api/resumes/print': [
      (w) => ({
        url: '/api/resumes/print',
        payload: { memberIds: [w.memberA.id], format: 'docx' },
      }),
      (w) => ({
        url: '/api/resumes/print',
        payload: { memberIds: [w.memberB.id, w.memberA.id], format: 'pdf' },
      }),
    ],
  },
  tables: ['member_profiles', 'resume_entries'],
};
