/** A small counted round for the document tests (and for looking at the rendered files). */
import type { RoundMinutesData } from './round-data.ts';

const names = [
  'Nguyễn Thị Thu Hằng',
  'Trần Văn Bình',
  'Lê Hoàng Đức',
  'Phạm Thị Ánh',
  'Vũ Quốc Việt',
  'Đặng Thùy Dương',
];

/** A cell of 11 summoned (one detained, so a base of 10) electing 4 from 6. */
export function sampleRound(over: Partial<RoundMinutesData> = {}): RoundMinutesData {
  const votes = [9, 6, 5, 8, 3, 6];
  return {
    header: {
      unitLines: ['Đảng bộ Thành phố Hà Nội', 'Đảng bộ phường Tây Hồ'],
      congressName: 'Đại hội Chi bộ Khu dân cư số 2 nhiệm kỳ 2025–2030',
      place: 'Tây Hồ',
    },
    bodyName: 'Chi ủy Chi bộ Khu dân cư số 2 nhiệm kỳ 2025–2030',
    seats: 4,
    form: 'strike',
    roundNumber: 1,
    candidates: names.map((fullName) => ({ fullName })),
    congressKind: 'members',
    countedOn: '2025-05-17',
    countingCommittee: [
      { fullName: 'Hoàng Văn Kiểm', role: 'Trưởng ban' },
      { fullName: 'Đỗ Thị Phiếu', role: 'Ủy viên' },
    ],
    attendance: {
      summoned: 11,
      present: 10,
      absent: 1,
      base: 10,
      exclusions: [{ label: 'Bị tạm giam', count: 1 }],
    },
    ballots: {
      issued: 10,
      returned: 10,
      valid: 9,
      invalid: 1,
      invalidReasons: [{ reason: 'Bầu quá số lượng cần bầu', count: 1 }],
    },
    results: names.map((fullName, i) => ({
      fullName,
      votes: votes[i]!,
      elected: votes[i]! > 5 && fullName !== 'Đặng Thùy Dương',
      rank: null,
    })),
    pendingDecision: null,
    presidiumDecision: null,
    annulment: null,
    thresholdRule: 'Điều 13 QĐ 190-QĐ/TW',
    ...over,
  };
}
