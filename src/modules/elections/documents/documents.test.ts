import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderBallots, serialText, STRIKE_INSTRUCTION } from './ballot.pdf.ts';
import { renderDocDocx } from './blocks.docx.ts';
import { renderDocPdf } from './blocks.pdf.ts';
import { buildAnnouncement, buildMinutes, byVotes } from './minutes.document.ts';
import { sampleRound } from './round-data.sample.ts';

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Words of one paragraph sit in several runs; join the text runs of each paragraph.
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('minutes of a count', () => {
  it('carries every field of the minutes in the .docx', async () => {
    const text = await docxText(await renderDocDocx(buildMinutes(sampleRound())));
    for (const expected of [
      'BIÊN BẢN KIỂM PHIẾU',
      'Bầu Chi ủy Chi bộ Khu dân cư số 2 nhiệm kỳ 2025–2030',
      'Số lượng bầu: 4 đồng chí.',
      'Danh sách bầu cử gồm 6 đồng chí (số dư 2)',
      'Hoàng Văn Kiểm',
      'Trưởng ban',
      'Tổng số đảng viên được triệu tập: 11.',
      'Số đảng viên có mặt: 10.',
      'Số đảng viên vắng mặt: 1.',
      'Số đảng viên làm căn cứ tính kết quả bầu cử: 10',
      'Bị tạm giam: 1',
      'Số phiếu phát ra: 10.',
      'Số phiếu thu vào: 10.',
      'Số phiếu hợp lệ: 9.',
      'Số phiếu không hợp lệ: 1, trong đó:',
      'Bầu quá số lượng cần bầu: 1 phiếu',
      '90,00%',
      'TRƯỞNG BAN KIỂM PHIẾU',
      'ngày 17 tháng 5 năm 2025',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Elected from most votes down: Hằng 9, Ánh 8, Bình 6 (Dương's 6 is not elected here).
    const elected = text.slice(text.indexOf('IV. Các đồng chí trúng cử'));
    const order = ['Nguyễn Thị Thu Hằng', 'Phạm Thị Ánh', 'Trần Văn Bình'].map((n) =>
      elected.indexOf(n),
    );
    expect(order.every((p) => p > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(elected).not.toContain('Vũ Quốc Việt');
    expect(elected).toContain('(3/4)');
  });

  it('states the choice left to the presidium and its decision', async () => {
    const text = await docxText(
      await renderDocDocx(
        buildMinutes(
          sampleRound({
            pendingDecision: 'Hai đồng chí bằng phiếu ở vị trí cuối cùng.',
            presidiumDecision: 'Bầu lần thứ hai cho 1 chỗ còn lại.',
          }),
        ),
      ),
    );
    expect(text).toContain('V. Trình Đoàn Chủ tịch');
    expect(text).toContain('Hai đồng chí bằng phiếu ở vị trí cuối cùng.');
    expect(text).toContain('Quyết định của Đoàn Chủ tịch: Bầu lần thứ hai cho 1 chỗ còn lại.');
  });

  it('a delegates congress speaks of delegates and a clean count of no invalid reasons', async () => {
    const text = await docxText(
      await renderDocDocx(
        buildMinutes(
          sampleRound({
            congressKind: 'delegates',
            ballots: { issued: 10, returned: 9, valid: 9, invalid: 0, invalidReasons: [] },
            attendance: { summoned: 10, present: 10, absent: 0, base: 10, exclusions: [] },
          }),
        ),
      ),
    );
    expect(text).toContain('Tổng số đại biểu được triệu tập: 10.');
    expect(text).toContain('Số phiếu không hợp lệ: 0.');
    expect(text).toContain('không có trường hợp nào phải trừ');
  });

  it('an annulled round says so at the top of both documents', async () => {
    const d = sampleRound({
      annulment: 'Kết quả vòng bầu này đã bị cấp trên hủy theo QĐ 9-QĐ/TU: sai sót',
    });
    for (const model of [buildMinutes(d), buildAnnouncement(d)]) {
      const text = await docxText(await renderDocDocx(model));
      expect(text).toContain('đã bị cấp trên hủy theo QĐ 9-QĐ/TU');
    }
    expect(await docxText(await renderDocDocx(buildMinutes(sampleRound())))).not.toContain('hủy');
  });

  it('ranks equal votes in list order', () => {
    const ranked = byVotes(sampleRound().results).map((r) => r.fullName);
    expect(ranked.slice(0, 4)).toEqual([
      'Nguyễn Thị Thu Hằng',
      'Phạm Thị Ánh',
      'Trần Văn Bình',
      'Đặng Thùy Dương',
    ]);
  });

  it('builds the minutes and the announcement as PDF', async () => {
    const minutes = await renderDocPdf(buildMinutes(sampleRound()));
    expect(minutes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(minutes)).toBeGreaterThanOrEqual(1);
    const announcement = await renderDocPdf(buildAnnouncement(sampleRound()));
    expect(announcement.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the announcement lists only the elected', async () => {
    const text = await docxText(await renderDocDocx(buildAnnouncement(sampleRound())));
    expect(text).toContain('THÔNG BÁO KẾT QUẢ BẦU CỬ');
    expect(text).toContain('Các đồng chí trúng cử (3/4)');
    expect(text).toContain('Phạm Thị Ánh');
    expect(text).not.toContain('Vũ Quốc Việt');
  });
});

describe('ballots', () => {
  it('prints one numbered ballot per page by default and several per page on request', async () => {
    const d = sampleRound();
    const one = await renderBallots(d, { count: 5, numbered: true, firstSerial: 1, perPage: 1 });
    expect(pageCount(one)).toBe(5);
    const three = await renderBallots(d, { count: 5, numbered: true, firstSerial: 1, perPage: 3 });
    expect(pageCount(three)).toBe(2);
    const yesno = await renderBallots(
      { ...d, form: 'yesno', candidates: d.candidates.slice(0, 4) },
      { count: 1, numbered: false, firstSerial: 1, perPage: 1 },
    );
    expect(pageCount(yesno)).toBe(1);
  });

  it('a long list (81 names) still fits one page', async () => {
    const d = sampleRound({
      candidates: Array.from({ length: 81 }, (_, i) => ({
        fullName: `Nguyễn Văn Ứng Viên ${i + 1}`,
      })),
      seats: 71,
    });
    const pdf = await renderBallots(d, { count: 2, numbered: true, firstSerial: 1, perPage: 1 });
    expect(pageCount(pdf)).toBe(2);
  });

  it('serial numbers are zero-padded to the widest', () => {
    expect(serialText(7, 120)).toBe('0007');
    expect(serialText(7, 12000)).toBe('00007');
    expect(STRIKE_INSTRUCTION).toContain('gạch ngang cả họ và tên người không bầu');
  });
});
