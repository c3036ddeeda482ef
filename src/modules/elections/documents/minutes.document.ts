/**
 * The minutes of a count (biên bản kiểm phiếu) and the results announcement, as document models.
 * The minutes carry every field QĐ 190-QĐ/TW and HD 04-HD/TW ask of the counting committee:
 * body and number to elect, the list, the committee, summoned/present/absent, the base and how
 * it was reached, ballots issued/returned/valid/invalid with reasons, each candidate's votes and
 * share of the base, those elected from most votes down, any decision of the presidium.
 */
import { formatNumber, formatPercent } from '../../../core/vietnamese/index.ts';
import type { DocBlock, DocModel } from './blocks.ts';
import type { CandidateResult, DocumentHeader, RoundMinutesData } from './round-data.ts';

export function dateLine(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${place ? `${place}, ` : ''}ngày ${d} tháng ${m} năm ${y}`;
}

export function masthead(h: DocumentHeader, issuer: string, isoDate: string): DocBlock {
  return {
    kind: 'masthead',
    left: [...h.unitLines.map((l) => l.toUpperCase()), issuer],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
    dateLine: dateLine(h.place, isoDate),
  };
}

const n = (v: number) => formatNumber(v);
const roundText = (r: number) => (r > 1 ? ` (lần bầu thứ ${r})` : '');

/** Most votes first; equal votes keep the list order (the tie is the presidium's to settle). */
export function byVotes(results: CandidateResult[]): CandidateResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.votes - a.r.votes || a.i - b.i)
    .map((x) => x.r);
}

export function electedInOrder(results: CandidateResult[]): CandidateResult[] {
  return results
    .filter((r) => r.elected)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.votes - a.votes);
}

function resultRows(d: RoundMinutesData): string[][] {
  return byVotes(d.results).map((r, i) => [
    String(i + 1),
    r.fullName,
    n(r.votes),
    formatPercent(r.votes, d.attendance.base) || '—',
    r.elected ? 'Trúng cử' : '',
  ]);
}

/** An annulled round's files still print (the record stays) but say so first. */
const annulled = (d: RoundMinutesData): DocBlock[] =>
  d.annulment ? [{ kind: 'text', bold: true, text: d.annulment }] : [];

const summonedWord = (d: RoundMinutesData) =>
  d.congressKind === 'members' ? 'đảng viên' : 'đại biểu';

export function buildMinutes(d: RoundMinutesData): DocModel {
  const who = summonedWord(d);
  const elected = electedInOrder(d.results);
  const blocks: DocBlock[] = [
    masthead(d.header, 'BAN KIỂM PHIẾU', d.countedOn),
    {
      kind: 'title',
      text: 'BIÊN BẢN KIỂM PHIẾU',
      subtitle: [`Bầu ${d.bodyName}${roundText(d.roundNumber)}`, d.header.congressName],
    },
    ...annulled(d),
    { kind: 'text', text: 'Ban kiểm phiếu do Đại hội bầu gồm các đồng chí:' },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Họ và tên', width: 6 },
        { header: 'Nhiệm vụ trong Ban kiểm phiếu', width: 4 },
      ],
      rows: d.countingCommittee.map((m, i) => [String(i + 1), m.fullName, m.role]),
    },
    { kind: 'heading', text: `I. Số lượng bầu và danh sách bầu cử` },
    { kind: 'text', text: `Số lượng bầu: ${n(d.seats)} đồng chí.` },
    {
      kind: 'text',
      text: `Danh sách bầu cử gồm ${n(d.candidates.length)} đồng chí (số dư ${n(Math.max(0, d.candidates.length - d.seats))}), hình thức phiếu: ${d.form === 'strike' ? 'gạch tên' : 'đồng ý / không đồng ý'}:`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Họ và tên', width: 10 },
      ],
      rows: d.candidates.map((c, i) => [String(i + 1), c.fullName]),
    },
    { kind: 'heading', text: `II. Số ${who} dự Đại hội` },
    { kind: 'text', text: `Tổng số ${who} được triệu tập: ${n(d.attendance.summoned)}.` },
    { kind: 'text', text: `Số ${who} có mặt: ${n(d.attendance.present)}.` },
    { kind: 'text', text: `Số ${who} vắng mặt: ${n(d.attendance.absent)}.` },
    {
      kind: 'text',
      text: `Số ${who} làm căn cứ tính kết quả bầu cử: ${n(d.attendance.base)} (${d.thresholdRule}), gồm tổng số được triệu tập ${n(d.attendance.summoned)}${d.attendance.exclusions.length ? ' trừ:' : ', không có trường hợp nào phải trừ.'}`,
    },
    ...d.attendance.exclusions.map((e): DocBlock => ({
      kind: 'text',
      text: `  – ${e.label}: ${n(e.count)};`,
    })),
    { kind: 'heading', text: 'III. Kết quả kiểm phiếu' },
    { kind: 'text', text: `Số phiếu phát ra: ${n(d.ballots.issued)}.` },
    { kind: 'text', text: `Số phiếu thu vào: ${n(d.ballots.returned)}.` },
    { kind: 'text', text: `Số phiếu hợp lệ: ${n(d.ballots.valid)}.` },
    {
      kind: 'text',
      text: `Số phiếu không hợp lệ: ${n(d.ballots.invalid)}${d.ballots.invalidReasons.length ? ', trong đó:' : '.'}`,
    },
    ...d.ballots.invalidReasons.map((r): DocBlock => ({
      kind: 'text',
      text: `  – ${r.reason}: ${n(r.count)} phiếu;`,
    })),
    {
      kind: 'text',
      text: `Số phiếu bầu cho từng đồng chí (tỷ lệ tính trên ${n(d.attendance.base)} ${who} làm căn cứ), xếp từ cao xuống thấp:`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Họ và tên', width: 6 },
        { header: 'Số phiếu', width: 2, align: 'right' },
        { header: 'Tỷ lệ %', width: 2, align: 'right' },
        { header: 'Kết quả', width: 2, align: 'center' },
      ],
      rows: resultRows(d),
    },
    { kind: 'heading', text: 'IV. Các đồng chí trúng cử' },
    {
      kind: 'text',
      text: elected.length
        ? `Căn cứ quy định, các đồng chí có số phiếu bầu quá một nửa so với tổng số ${who} làm căn cứ, lấy theo thứ tự từ cao xuống thấp cho đủ số lượng bầu, đã trúng cử (${n(elected.length)}/${n(d.seats)}):`
        : 'Không có đồng chí nào đạt số phiếu quá một nửa so với tổng số làm căn cứ.',
    },
    ...(elected.length
      ? [
          {
            kind: 'table',
            columns: [
              { header: 'Thứ tự', width: 1, align: 'center' },
              { header: 'Họ và tên', width: 6 },
              { header: 'Số phiếu', width: 2, align: 'right' },
              { header: 'Tỷ lệ %', width: 2, align: 'right' },
            ],
            rows: elected.map((r, i) => [
              String(i + 1),
              r.fullName,
              n(r.votes),
              formatPercent(r.votes, d.attendance.base) || '—',
            ]),
          } satisfies DocBlock,
        ]
      : []),
  ];
  if (d.pendingDecision || d.presidiumDecision) {
    blocks.push({ kind: 'heading', text: 'V. Trình Đoàn Chủ tịch' });
    if (d.pendingDecision) blocks.push({ kind: 'text', text: d.pendingDecision });
    if (d.presidiumDecision)
      blocks.push({ kind: 'text', text: `Quyết định của Đoàn Chủ tịch: ${d.presidiumDecision}` });
  }
  const head = d.countingCommittee.find((m) => /trưởng ban/i.test(m.role));
  const others = d.countingCommittee.filter((m) => m !== head);
  blocks.push(
    {
      kind: 'text',
      italics: true,
      text: 'Biên bản được lập và thông qua tại Đại hội; các thành viên Ban kiểm phiếu cùng ký dưới đây.',
    },
    {
      kind: 'signatures',
      columns: [
        { title: ['CÁC THÀNH VIÊN BAN KIỂM PHIẾU'], names: others.map((m) => m.fullName) },
        { title: ['TRƯỞNG BAN KIỂM PHIẾU'], names: head ? [head.fullName] : [''] },
      ],
    },
  );
  return { title: `Biên bản kiểm phiếu bầu ${d.bodyName}`, blocks };
}

/** Thông báo kết quả bầu cử: read out to the congress after the minutes are signed. */
export function buildAnnouncement(d: RoundMinutesData): DocModel {
  const who = summonedWord(d);
  const elected = electedInOrder(d.results);
  const head = d.countingCommittee.find((m) => /trưởng ban/i.test(m.role));
  const blocks: DocBlock[] = [
    masthead(d.header, 'BAN KIỂM PHIẾU', d.countedOn),
    {
      kind: 'title',
      text: 'THÔNG BÁO KẾT QUẢ BẦU CỬ',
      subtitle: [`${d.bodyName}${roundText(d.roundNumber)}`, d.header.congressName],
    },
    ...annulled(d),
    {
      kind: 'text',
      text: `Số lượng bầu: ${n(d.seats)} đồng chí; danh sách bầu cử: ${n(d.candidates.length)} đồng chí. Số ${who} làm căn cứ tính kết quả: ${n(d.attendance.base)}.`,
    },
    {
      kind: 'text',
      text: `Phiếu phát ra: ${n(d.ballots.issued)}; thu vào: ${n(d.ballots.returned)}; hợp lệ: ${n(d.ballots.valid)}; không hợp lệ: ${n(d.ballots.invalid)}.`,
    },
    {
      kind: 'text',
      text: elected.length
        ? `Các đồng chí trúng cử (${n(elected.length)}/${n(d.seats)}), theo thứ tự số phiếu từ cao xuống thấp:`
        : 'Không có đồng chí nào trúng cử trong lần bầu này.',
    },
  ];
  if (elected.length)
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'STT', width: 1, align: 'center' },
        { header: 'Họ và tên', width: 6 },
        { header: 'Số phiếu', width: 2, align: 'right' },
        { header: 'Tỷ lệ %', width: 2, align: 'right' },
      ],
      rows: elected.map((r, i) => [
        String(i + 1),
        r.fullName,
        n(r.votes),
        formatPercent(r.votes, d.attendance.base) || '—',
      ]),
    });
  if (d.pendingDecision)
    blocks.push({ kind: 'text', bold: true, text: `Trình Đoàn Chủ tịch: ${d.pendingDecision}` });
  if (d.presidiumDecision)
    blocks.push({ kind: 'text', text: `Quyết định của Đoàn Chủ tịch: ${d.presidiumDecision}` });
  blocks.push({
    kind: 'signatures',
    columns: [
      { title: [], names: [] },
      { title: ['T/M BAN KIỂM PHIẾU', 'TRƯỞNG BAN'], names: [head?.fullName ?? ''] },
    ],
  });
  return { title: `Thông báo kết quả bầu ${d.bodyName}`, blocks };
}
