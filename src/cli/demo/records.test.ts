import { describe, expect, it } from 'vitest';
import { entryBody, profileGeneral } from '../../contracts/resume.ts';
import { createRng } from './rng.ts';
import { demoResume } from './records.ts';

describe('demo résumés', () => {
  it('every generated row and profile passes the same validation as the form', () => {
    for (let i = 0; i < 50; i++) {
      const rng = createRng(i);
      const { general, entries } = demoResume(rng, {
        id: i,
        fullName: 'Nguyễn Thị Thu Hằng',
        gender: i % 2 ? 'male' : 'female',
        birthDate: `${1965 + (i % 25)}-05-17`,
        professionalLevel: i % 3 ? 'master' : 'bachelor',
        professionalField: 'Luật',
        politicalTheory: i % 2 ? 'advanced' : 'intermediate',
        joinDate: '2000-01-01',
      });
      expect(profileGeneral.safeParse(general).success).toBe(true);
      expect(entries.some((e) => e.section === 'training')).toBe(true);
      for (const e of entries) {
        const parsed = entryBody.safeParse({
          section: e.section,
          from: e.from,
          to: e.to,
          fields: e.fields,
        });
        expect(parsed.success, JSON.stringify([e, parsed.error?.issues])).toBe(true);
        if (e.from && e.to) expect(e.from <= e.to).toBe(true);
      }
    }
  });
});
