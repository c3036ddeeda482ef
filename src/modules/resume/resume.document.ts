/**
 * The printed 2C-TCTW-98 résumé as a list of format-neutral blocks (header, numbered fields,
 * tables, closing and signatures). The .docx and PDF renderers draw the same blocks, so both
 * files say the same thing. Protected sections are left out entirely unless the answer
 * already includes them (`sensitiveIncluded`).
 */
import {
  familySides,
  foreignRelationKinds,
  formatPartialDate,
  personalHistoryKinds,
  trainingModes,
  type ResumeDto,
  type ResumeEntryDto,
  type ResumeSection,
} from '../../contracts/resume.ts';
import {
  generalEducationLabels,
  genderLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  stateManagementLabels,
  type GeneralEducation,
  type Gender,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  type StateManagementLevel,
} from '../../contracts/enums.ts';
import { formatDate, formatNumber } from '../../core/vietnamese/index.ts';
import type { MemberRow } from './resume.repo.ts';

export interface Part {
  label: string;
  value: string;
}
export type Block =
  | { kind: 'header'; lines: Part[]; number: Part }
  | { kind: 'title'; text: string; subtitle: string }
  | { kind: 'field'; number: number; parts: Part[] }
  | { kind: 'heading'; number: number; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; columns: { header: string; width: number }[]; rows: string[][] }
  | { kind: 'text'; text: string }
  | { kind: 'closing'; text: string }
  | { kind: 'signatures'; left: string[]; right: string[] };

export interface PrintHeader {
  /** Tỉnh ủy, thành ủy (or the top of the tree). */
  province: string;
  /** Huyện ủy, quận ủy, đảng ủy xã, phường / trực thuộc. */
  district: string;
  /** The person's own party organisation. */
  unit: string;
}

export interface PrintableResume {
  member: MemberRow;
  resume: ResumeDto;
  header: PrintHeader;
  /** 'yyyy-mm-dd' of printing, for the place-and-date line. */
  printedOn: string;
}

const DOTS = '……………';
const show = (v: unknown) =>
  v === undefined || v === null || v === ''
    ? DOTS
    : typeof v === 'number'
      ? formatNumber(v)
      : String(v);
const nfc = (s: string) => s.normalize('NFC');

function period(e: { from: string | null; to: string | null }): string {
  const from = formatPartialDate(e.from);
  const to = formatPartialDate(e.to);
  if (!from && !to) return '';
  return to ? `${from} – ${to}` : from;
}

/** "Sinh ngày 17 tháng 05 năm 1980" from 'yyyy-mm-dd'. */
function bornOn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

export function buildResumeBlocks(p: PrintableResume): Block[] {
  const { member: m, resume: r } = p;
  const g = r.profile.general;
  const s = r.profile.sensitive;
  const rows = (section: ResumeSection) => r.entries.filter((e) => e.section === section);
  const f = (e: ResumeEntryDto, key: string) => {
    const v = e.fields[key];
    return v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : String(v);
  };
  const blocks: Block[] = [];
  let n = 0;
  const field = (...parts: [string, unknown][]) =>
    blocks.push({
      kind: 'field',
      number: ++n,
      parts: parts.map(([label, value]) => ({ label, value: show(value) })),
    });
  const heading = (text: string) => blocks.push({ kind: 'heading', number: ++n, text });
  const table = (columns: [string, number][], data: string[][]) =>
    blocks.push({
      kind: 'table',
      columns: columns.map(([header, width]) => ({ header, width })),
      rows: data.length ? data : [columns.map(() => '')],
    });

  blocks.push({
    kind: 'header',
    lines: [
      { label: 'Tỉnh ủy, thành ủy', value: show(p.header.province) },
      { label: 'Huyện ủy, quận ủy, đảng ủy trực thuộc', value: show(p.header.district) },
      { label: 'Đảng ủy, chi bộ cơ sở', value: show(p.header.unit) },
    ],
    number: { label: 'Số hiệu cán bộ', value: show(m.cardNumber) },
  });
  blocks.push({
    kind: 'title',
    text: 'SƠ YẾU LÝ LỊCH',
    subtitle: 'Mẫu 2C-TCTW-98 (kèm các mục của mẫu 2C-BNV/2008)',
  });

  field(['Họ và tên khai sinh', m.fullName.toLocaleUpperCase('vi')]);
  field(['Tên gọi khác', m.otherNames]);
  field(['Cấp ủy hiện tại', g['currentCommittee']], ['Cấp ủy kiêm', g['concurrentCommittee']]);
  field(
    ['Chức vụ (Đảng, đoàn thể, chính quyền) hiện tại', g['currentPosition']],
    ['Kiêm nhiệm', g['concurrentPosition']],
    ['Phụ cấp chức vụ', g['positionAllowance']],
  );
  field(['Sinh', bornOn(m.birthDate)], ['Giới tính', genderLabels[m.gender as Gender]]);
  field(['Nơi sinh', m.birthplace]);
  field(['Quê quán', [m.hometownCommune, m.hometownProvince].filter(Boolean).join(', ')]);
  field(['Nơi đăng ký hộ khẩu thường trú', g['permanentAddress']]);
  field(['Nơi ở hiện nay', m.residence]);
  field(['Dân tộc', m.ethnicity], ['Tôn giáo', m.religion]);
  field(['Thành phần gia đình xuất thân', g['familyOrigin']]);
  field(['Nghề nghiệp bản thân trước khi được tuyển dụng', g['occupationBeforeRecruitment']]);
  field(
    ['Ngày được tuyển dụng', formatPartialDate(g['recruitmentDate'] as string)],
    ['Cơ quan tuyển dụng', g['recruitmentAgency']],
  );
  field([
    'Ngày vào cơ quan hiện đang công tác',
    formatPartialDate(g['currentAgencyDate'] as string),
  ]);
  field(
    ['Ngày vào Đảng Cộng sản Việt Nam', formatDate(m.joinDate)],
    ['Ngày chính thức', formatDate(m.officialDate)],
  );
  field(
    ['Ngày vào Đoàn TNCS Hồ Chí Minh', formatPartialDate(g['youthUnionDate'] as string)],
    ['Ngày tham gia Công đoàn', formatPartialDate(g['tradeUnionDate'] as string)],
    ['Tổ chức chính trị - xã hội khác', g['otherOrganisations']],
  );
  field(
    ['Ngày nhập ngũ', formatPartialDate(g['enlistDate'] as string)],
    ['Ngày xuất ngũ', formatPartialDate(g['dischargeDate'] as string)],
    ['Quân hàm, chức vụ cao nhất', g['militaryRank']],
  );
  field(
    [
      'Giáo dục phổ thông',
      m.generalEducation ? generalEducationLabels[m.generalEducation as GeneralEducation] : '',
    ],
    [
      'Trình độ chuyên môn cao nhất',
      [professionalLevelLabels[m.professionalLevel as ProfessionalLevel], m.professionalField]
        .filter(Boolean)
        .join(', '),
    ],
    ['Học hàm, học vị', g['highestDegree']],
    ['Lý luận chính trị', politicalTheoryLabels[m.politicalTheory as PoliticalTheoryLevel]],
    ['Quản lý nhà nước', stateManagementLabels[m.stateManagement as StateManagementLevel]],
    ['Ngoại ngữ', g['foreignLanguages']],
    ['Tin học', g['itLevel']],
  );
  field(['Công việc chính được giao', g['mainDuties']]);
  field(
    ['Ngạch công chức, viên chức', g['civilServiceGrade']],
    ['Mã ngạch', g['gradeCode']],
    ['Bậc lương', g['salaryStep']],
    ['Hệ số', g['salaryCoefficient']],
    ['Ngày hưởng', formatPartialDate(g['salaryFrom'] as string)],
    ['Phụ cấp khác', g['otherAllowance']],
  );
  field(['Danh hiệu được phong tặng cao nhất', g['honours']]);
  field(['Sở trường công tác', g['strengths']]);
  heading('Khen thưởng');
  table(
    [
      ['Tháng, năm', 15],
      ['Hình thức khen thưởng', 45],
      ['Cấp quyết định', 25],
      ['Số quyết định', 15],
    ],
    rows('awards').map((e) => [
      period(e),
      f(e, 'awardForm'),
      f(e, 'authority'),
      f(e, 'decisionNumber'),
    ]),
  );
  if (r.sensitiveIncluded) {
    heading('Kỷ luật');
    table(
      [
        ['Từ – đến', 18],
        ['Hình thức kỷ luật', 27],
        ['Lý do', 30],
        ['Cấp quyết định, số quyết định', 25],
      ],
      rows('discipline').map((e) => [
        period(e),
        f(e, 'disciplineForm'),
        f(e, 'disciplineReason'),
        [f(e, 'authority'), f(e, 'decisionNumber')].filter(Boolean).join(', '),
      ]),
    );
  }
  field(
    ['Tình trạng sức khỏe', g['healthStatus']],
    ['Chiều cao', g['heightCm'] === undefined ? '' : `${show(g['heightCm'])} cm`],
    ['Cân nặng', g['weightKg'] === undefined ? '' : `${show(g['weightKg'])} kg`],
    ['Nhóm máu', g['bloodGroup']],
  );
  field(
    ['Số CCCD/định danh', m.idNumber],
    ['Là thương binh hạng', g['warInvalidGrade']],
    ['Là con gia đình chính sách', g['policyFamily']],
  );

  heading('Đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, lý luận chính trị, ngoại ngữ, tin học');
  table(
    [
      ['Tên trường', 26],
      ['Chuyên ngành đào tạo, bồi dưỡng', 26],
      ['Từ tháng, năm – đến tháng, năm', 18],
      ['Hình thức đào tạo', 13],
      ['Văn bằng, chứng chỉ, trình độ', 17],
    ],
    rows('training').map((e) => [
      f(e, 'school'),
      f(e, 'trainingField'),
      period(e),
      trainingModes[f(e, 'trainingMode') as keyof typeof trainingModes] ?? '',
      f(e, 'diploma'),
    ]),
  );

  heading('Tóm tắt quá trình công tác');
  table(
    [
      ['Từ tháng, năm – đến tháng, năm', 22],
      ['Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể)', 78],
    ],
    r.workHistory.map((w) => [
      period(w),
      `${w.post}${w.concurrent ? ' (kiêm nhiệm)' : ''}, ${w.unit}`,
    ]),
  );

  heading('Đặc điểm lịch sử bản thân');
  const history = rows('personal_history');
  if (!history.length) blocks.push({ kind: 'text', text: 'Không có.' });
  for (const e of history) {
    const kind = personalHistoryKinds[f(e, 'historyKind') as keyof typeof personalHistoryKinds];
    const when = period(e);
    blocks.push({
      kind: 'text',
      text: `– ${kind ?? ''}${when ? ` (${when})` : ''}: ${f(e, 'historyDetail')}`,
    });
  }
  const foreign = rows('foreign_relations');
  for (const e of foreign) {
    const kind = foreignRelationKinds[f(e, 'relationKind') as keyof typeof foreignRelationKinds];
    const when = period(e);
    blocks.push({
      kind: 'text',
      text: `– ${kind ?? ''}${when ? ` (${when})` : ''}: ${f(e, 'relationDetail')}`,
    });
  }

  if (r.sensitiveIncluded) {
    heading('Quan hệ gia đình');
    for (const side of ['own', 'spouse'] as const) {
      blocks.push({
        kind: 'subheading',
        text: `${side === 'own' ? 'a)' : 'b)'} ${familySides[side]}: ${
          side === 'own'
            ? 'bố, mẹ, vợ (hoặc chồng), các con, anh chị em ruột'
            : 'bố, mẹ, anh chị em ruột của vợ (hoặc chồng)'
        }`,
      });
      table(
        [
          ['Quan hệ', 12],
          ['Họ và tên', 22],
          ['Năm sinh', 10],
          [
            'Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội',
            56,
          ],
        ],
        rows('family')
          .filter((e) => e.fields['familySide'] === side)
          .map((e) => [
            f(e, 'relation'),
            f(e, 'relativeName'),
            e.fields['birthYear'] === undefined ? '' : String(e.fields['birthYear']),
            [
              f(e, 'occupation'),
              f(e, 'relativeResidence'),
              f(e, 'politicalHistory'),
              e.fields['abroad'] === true ? 'đang ở nước ngoài' : '',
            ]
              .filter(Boolean)
              .join('; '),
          ]),
      );
    }
    heading('Hoàn cảnh kinh tế gia đình');
    const economy = rows('family_economy');
    if (!economy.length) blocks.push({ kind: 'text', text: DOTS });
    for (const e of economy) {
      const year = formatPartialDate(e.from);
      const lines: [string, string][] = [
        ['Quỹ lương, tiền công', f(e, 'salaryIncome')],
        ['Thu nhập khác', f(e, 'otherIncome')],
        ['Nhà ở', f(e, 'house')],
        ['Đất ở, đất sản xuất', f(e, 'land')],
      ];
      for (const [label, value] of lines.filter(([, v]) => v)) {
        blocks.push({ kind: 'text', text: `– ${label}${year ? ` (${year})` : ''}: ${value}` });
      }
    }
  }

  heading('Diễn biến quá trình lương');
  table(
    [
      ['Tháng, năm', 30],
      ['Mã ngạch/bậc', 40],
      ['Hệ số lương', 30],
    ],
    rows('salary_history').map((e) => [period(e), f(e, 'salaryGradeCode'), f(e, 'salaryRate')]),
  );

  if (r.sensitiveIncluded && s) {
    heading('Nhận xét, đánh giá của cơ quan, đơn vị quản lý và sử dụng cán bộ');
    blocks.push({ kind: 'text', text: show(s['politicalAssessment']) });
    if (s['assetSummary']) {
      blocks.push({ kind: 'subheading', text: 'Tóm tắt kê khai tài sản, thu nhập' });
      blocks.push({ kind: 'text', text: show(s['assetSummary']) });
    }
  }

  blocks.push({
    kind: 'closing',
    text: 'Tôi xin cam đoan những lời khai trên đây là đúng sự thật và chịu trách nhiệm về những lời khai của mình.',
  });
  const [y, mo, d] = p.printedOn.split('-');
  blocks.push({
    kind: 'signatures',
    left: ['XÁC NHẬN CỦA CƠ QUAN, ĐƠN VỊ', 'QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ', '(Ký tên, đóng dấu)'],
    right: [
      `……, ngày ${d} tháng ${mo} năm ${y}`,
      'NGƯỜI KHAI',
      '(Ký, ghi rõ họ tên)',
      '',
      '',
      m.fullName,
    ],
  });
  return blocks.map(normalizeBlock);
}

/** Vietnamese text in the files is NFC, whatever form it was typed in. */
function normalizeBlock(b: Block): Block {
  switch (b.kind) {
    case 'header':
      return {
        ...b,
        lines: b.lines.map((l) => ({ label: nfc(l.label), value: nfc(l.value) })),
        number: { label: nfc(b.number.label), value: nfc(b.number.value) },
      };
    case 'title':
      return { ...b, text: nfc(b.text), subtitle: nfc(b.subtitle) };
    case 'field':
      return { ...b, parts: b.parts.map((x) => ({ label: nfc(x.label), value: nfc(x.value) })) };
    case 'heading':
    case 'subheading':
    case 'text':
    case 'closing':
      return { ...b, text: nfc(b.text) };
    case 'table':
      return {
        ...b,
        columns: b.columns.map((c) => ({ ...c, header: nfc(c.header) })),
        rows: b.rows.map((row) => row.map(nfc)),
      };
    case 'signatures':
      return { ...b, left: b.left.map(nfc), right: b.right.map(nfc) };
  }
}

/** Header names from the units on the person's path: the province, then the next level down. */
export function headerFrom(chain: { type: string; name: string }[], unitName: string): PrintHeader {
  const province = chain.find((u) => u.type === 'province' || u.type === 'central') ?? chain[0];
  const district = chain.find((u) => u.type === 'district' || u.type === 'commune');
  return { province: province?.name ?? '', district: district?.name ?? '', unit: unitName };
}

/** "Sơ yếu lý lịch - Nguyễn Văn A.docx" style names. */
export function fileNameFor(resumes: PrintableResume[], ext: 'docx' | 'pdf'): string {
  if (resumes.length === 1)
    return `Sơ yếu lý lịch - ${resumes[0]!.member.fullName}.${ext}`.normalize('NFC');
  return `Sơ yếu lý lịch - ${resumes.length} người.${ext}`.normalize('NFC');
}
