/**
 * Demo 2C résumés for the people who hold posts: training, earlier work, awards, salary steps
 * and family rows, consistent with each person's birth date and education. Invented, like every
 * demo name; the point is that a leader's résumé and its .docx/PDF export have content.
 */
import type { Database } from '../../core/db/client.ts';
import { memberProfiles, resumeEntries } from '../../modules/resume/resume.schema.ts';
import { createRng, hashSeed, type Rng } from './rng.ts';
import { generateName } from './names.ts';

interface Person {
  id: number;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  professionalLevel: string;
  professionalField: string | null;
  politicalTheory: string;
  joinDate: string | null;
}

type Entry = {
  section: string;
  from?: string;
  to?: string;
  fields: Record<string, string | number | boolean>;
};

const universities = [
  'Trường Đại học Luật Hà Nội',
  'Trường Đại học Kinh tế Quốc dân',
  'Học viện Hành chính Quốc gia',
  'Trường Đại học Khoa học Xã hội và Nhân văn',
  'Trường Đại học Xây dựng Hà Nội',
  'Học viện Nông nghiệp Việt Nam',
];
const posts = [
  'Chuyên viên',
  'Phó Trưởng phòng',
  'Trưởng phòng',
  'Phó Chủ tịch UBND',
  'Ủy viên BTV',
];
const workplaces = [
  'UBND phường Tây Hồ',
  'Phòng Nội vụ huyện Thanh Trì',
  'Huyện đoàn Thanh Trì',
  'Văn phòng Quận ủy Tây Hồ',
  'UBND xã Tam Hiệp',
  'Ban Tổ chức Huyện ủy Thanh Trì',
];
const awardForms = [
  'Giấy khen của Chủ tịch UBND quận',
  'Bằng khen của Chủ tịch UBND Thành phố',
  'Chiến sĩ thi đua cơ sở',
  'Huy hiệu 30 năm tuổi Đảng',
];

const year = (iso: string) => Number(iso.slice(0, 4));
const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

export function demoResume(
  rng: Rng,
  p: Person,
): { general: Record<string, unknown>; entries: Entry[] } {
  const born = year(p.birthDate);
  const graduated = born + 22 + rng.int(0, 2);
  const recruited = graduated + rng.int(0, 1);
  const entries: Entry[] = [];
  const field = p.professionalField ?? 'Luật';
  entries.push({
    section: 'training',
    from: ym(graduated - 4, 9),
    to: ym(graduated, 6),
    fields: {
      school: rng.pick(universities),
      trainingField: field,
      trainingMode: 'full_time',
      diploma: 'Cử nhân',
    },
  });
  if (p.professionalLevel === 'master' || p.professionalLevel === 'doctor') {
    entries.push({
      section: 'training',
      from: ym(recruited + 6, 10),
      to: ym(recruited + 8, 6),
      fields: {
        school: rng.pick(universities),
        trainingField: field,
        trainingMode: 'in_service',
        diploma: p.professionalLevel === 'doctor' ? 'Tiến sĩ' : 'Thạc sĩ',
      },
    });
  }
  if (p.politicalTheory === 'advanced' || p.politicalTheory === 'bachelor') {
    entries.push({
      section: 'training',
      from: ym(recruited + 10, 3),
      to: ym(recruited + 11, 12),
      fields: {
        school: 'Học viện Chính trị quốc gia Hồ Chí Minh',
        trainingField: 'Lý luận chính trị',
        trainingMode: 'in_service',
        diploma: 'Cao cấp lý luận chính trị',
      },
    });
  }
  // Earlier career, before the posts CanBo records: three steps ending before 2015.
  let from = recruited;
  for (let i = 0; i < 3 && from < 2015; i++) {
    const to = Math.min(from + rng.int(3, 7), 2015);
    entries.push({
      section: 'work_history',
      from: ym(from, rng.int(1, 12)),
      to: ym(to, rng.int(1, 12)),
      fields: { workPost: posts[Math.min(i, posts.length - 1)]!, workUnit: rng.pick(workplaces) },
    });
    from = to;
  }
  for (let y = recruited + 3; y < 2026; y += rng.int(3, 6)) {
    entries.push({
      section: 'salary_history',
      from: ym(y, 1),
      fields: {
        salaryGradeCode: '01.003',
        salaryRate: Math.min(2.34 + 0.33 * ((y - recruited) / 3), 6.2),
      },
    });
  }
  if (rng.chance(0.7)) {
    entries.push({
      section: 'awards',
      from: ym(rng.int(Math.max(recruited + 5, 2005), 2024), rng.int(1, 12)),
      fields: { awardForm: rng.pick(awardForms), authority: 'UBND Thành phố Hà Nội' },
    });
  }
  const family = p.fullName.split(' ')[0]!;
  entries.push(
    {
      section: 'family',
      fields: {
        familySide: 'own',
        relation: 'Bố',
        relativeName: `${family} ${generateName(rng, 'male').split(' ').slice(1).join(' ')}`,
        birthYear: born - rng.int(24, 32),
        occupation: 'Nghỉ hưu',
        relativeResidence: 'Hà Nội',
      },
    },
    {
      section: 'family',
      fields: {
        familySide: 'own',
        relation: p.gender === 'male' ? 'Vợ' : 'Chồng',
        relativeName: generateName(rng, p.gender === 'male' ? 'female' : 'male'),
        birthYear: born + rng.int(-3, 3),
        occupation: rng.pick(['Giáo viên', 'Bác sĩ', 'Kế toán', 'Kinh doanh']),
        relativeResidence: 'Hà Nội',
      },
    },
  );
  return {
    general: {
      familyOrigin: rng.pick(['Công chức', 'Nông dân', 'Công nhân']),
      occupationBeforeRecruitment: 'Sinh viên',
      recruitmentDate: ym(recruited, rng.int(1, 12)),
      recruitmentAgency: rng.pick(workplaces),
      youthUnionDate: ym(born + 15, 3),
      foreignLanguages: rng.pick(['Tiếng Anh B1', 'Tiếng Anh B2', 'Tiếng Pháp B']),
      itLevel: 'Ứng dụng công nghệ thông tin cơ bản',
      civilServiceGrade: 'Chuyên viên chính',
      gradeCode: '01.002',
      salaryStep: rng.int(2, 7),
      salaryCoefficient: Math.round((4.4 + rng.int(0, 6) * 0.34) * 100) / 100,
      healthStatus: 'Tốt',
      heightCm: p.gender === 'male' ? rng.int(160, 178) : rng.int(150, 165),
      weightKg: p.gender === 'male' ? rng.int(55, 80) : rng.int(45, 62),
      strengths: 'Công tác tổ chức, xây dựng Đảng',
    },
    entries,
  };
}

const start = (p: string) => (p.length === 7 ? `${p}-01` : p);
const end = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** Résumé rows for everyone who holds or held a post in the demo (run after the posts demo). */
export async function loadDemoRecords(database: Database, seed: number): Promise<number> {
  const people = await database.query<Person>(
    `select m.id, m.full_name as "fullName", m.gender, m.birth_date::text as "birthDate",
            m.professional_level as "professionalLevel", m.professional_field as "professionalField",
            m.political_theory as "politicalTheory", m.join_date::text as "joinDate"
       from members m where exists (select 1 from appointments a where a.member_id = m.id)
      order by m.id`,
  );
  for (const p of people) {
    const rng = createRng(hashSeed(seed, 'resume', p.id));
    const { general, entries } = demoResume(rng, p);
    await database.db.insert(memberProfiles).values({ memberId: p.id, general });
    if (!entries.length) continue;
    await database.db.insert(resumeEntries).values(
      entries.map((e, i) => ({
        memberId: p.id,
        section: e.section,
        fromDate: e.from ? start(e.from) : null,
        toDate: e.to ? end(e.to) : null,
        fields: {
          ...e.fields,
          ...(e.from ? { _from: e.from } : {}),
          ...(e.to ? { _to: e.to } : {}),
        },
        sortOrder: i,
      })),
    );
  }
  return people.length;
}
