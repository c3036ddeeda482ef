/**
 * The columns of each import template: heading, how a cell is read, the code list behind a
 * dropdown, and an example value. One list serves the template, the parser and the preview.
 */
import {
  appointmentMethodLabels,
  genderLabels,
  generalEducationLabels,
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  stateManagementLabels,
  unitTypeLabels,
  type ImportKind,
} from '../../contracts/enums.ts';
import { memberFieldLabels, type MemberFields } from '../../contracts/members.ts';
import { ethnicities, provinces, religions } from '../../contracts/reference-lists.ts';

export type CellType = 'text' | 'date' | 'enum' | 'bool' | 'idNumber';

export interface ColumnOption {
  code: string;
  label: string;
}

export interface ColumnSpec {
  /** Field the column fills. */
  key: string;
  header: string;
  /** Other headings accepted for the same column (compared without diacritics or case). */
  aliases?: string[];
  type: CellType;
  required?: boolean;
  options?: readonly ColumnOption[];
  /** Extra words a value of the list may carry, dropped before matching ("Tỉnh", "TP."). */
  optionPrefixes?: readonly string[];
  width?: number;
  example: string | Date | null;
  /** One line for the "Hướng dẫn" sheet. */
  note?: string;
}

const fromLabels = (labels: Record<string, string>): ColumnOption[] =>
  Object.entries(labels).map(([code, label]) => ({ code, label }));
const fromList = (list: readonly string[]): ColumnOption[] =>
  list.map((v) => ({ code: v, label: v }));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dateHeader = (key: keyof MemberFields) => `${memberFieldLabels[key]} (dd/mm/yyyy)`;

/** The first column: a running number, or "Ví dụ" on the template's example row. */
export const SEQUENCE_HEADER = 'STT';
export const EXAMPLE_MARK = 'Ví dụ';

/** Not a field of the record: the party organisation a row goes into, by its code. */
export const UNIT_CODE_KEY = 'unitCode';

export const memberColumns: ColumnSpec[] = [
  {
    key: 'fullName',
    header: memberFieldLabels.fullName,
    aliases: ['Họ và tên', 'Họ tên'],
    type: 'text',
    required: true,
    width: 26,
    example: 'Nguyễn Văn An',
  },
  { key: 'otherNames', header: memberFieldLabels.otherNames, type: 'text', example: null },
  {
    key: 'gender',
    header: memberFieldLabels.gender,
    type: 'enum',
    required: true,
    options: fromLabels(genderLabels),
    example: 'Nam',
  },
  {
    key: 'birthDate',
    header: dateHeader('birthDate'),
    aliases: [memberFieldLabels.birthDate],
    type: 'date',
    required: true,
    example: day('1985-03-14'),
  },
  {
    key: 'birthplace',
    header: memberFieldLabels.birthplace,
    type: 'text',
    width: 24,
    example: 'Xã Đông Anh, Thành phố Hà Nội',
  },
  {
    key: 'hometownCommune',
    header: memberFieldLabels.hometownCommune,
    aliases: ['Quê quán (xã)'],
    type: 'text',
    width: 22,
    example: 'Xã Đông Anh',
  },
  {
    key: 'hometownProvince',
    header: memberFieldLabels.hometownProvince,
    aliases: ['Quê quán (tỉnh)'],
    type: 'enum',
    options: fromList(provinces),
    optionPrefixes: ['tỉnh', 'thành phố', 'tp.', 'tp'],
    width: 22,
    example: 'Hà Nội',
  },
  {
    key: 'residence',
    header: memberFieldLabels.residence,
    type: 'text',
    width: 28,
    example: 'Số 12 phố Thụy Khuê, phường Tây Hồ, Hà Nội',
  },
  {
    key: 'ethnicity',
    header: memberFieldLabels.ethnicity,
    type: 'enum',
    required: true,
    options: fromList(ethnicities),
    example: 'Kinh',
  },
  {
    key: 'religion',
    header: memberFieldLabels.religion,
    type: 'enum',
    required: true,
    options: fromList(religions),
    example: 'Không',
  },
  {
    key: 'idNumber',
    header: memberFieldLabels.idNumber,
    aliases: ['Số CCCD', 'Số căn cước công dân', 'Số định danh cá nhân', 'CCCD'],
    type: 'idNumber',
    width: 18,
    example: '001085012345',
    note: 'Gồm đúng 12 chữ số. Ô được định dạng văn bản để giữ số 0 ở đầu; nếu Excel đã đổi thành số thì hệ thống tự thêm lại các số 0 ở đầu.',
  },
  {
    key: 'joinDate',
    header: dateHeader('joinDate'),
    aliases: [memberFieldLabels.joinDate],
    type: 'date',
    example: day('2010-05-19'),
  },
  {
    key: 'officialDate',
    header: dateHeader('officialDate'),
    aliases: [memberFieldLabels.officialDate],
    type: 'date',
    example: day('2011-05-19'),
  },
  {
    key: 'cardNumber',
    header: memberFieldLabels.cardNumber,
    aliases: ['Số thẻ đảng'],
    type: 'text',
    example: '01234567',
  },
  {
    key: 'status',
    header: memberFieldLabels.status,
    aliases: ['Trạng thái', 'Tình trạng'],
    type: 'enum',
    required: true,
    options: fromLabels(memberStatusLabels),
    example: 'Chính thức',
  },
  {
    key: 'tempAttendancePlace',
    header: memberFieldLabels.tempAttendancePlace,
    type: 'text',
    example: null,
  },
  {
    key: 'tempAttendanceFrom',
    header: dateHeader('tempAttendanceFrom'),
    aliases: [memberFieldLabels.tempAttendanceFrom],
    type: 'date',
    example: null,
  },
  {
    key: 'tempAttendanceTo',
    header: dateHeader('tempAttendanceTo'),
    aliases: [memberFieldLabels.tempAttendanceTo],
    type: 'date',
    example: null,
  },
  {
    key: 'exempted',
    header: memberFieldLabels.exempted,
    type: 'bool',
    example: 'Không',
    note: 'Ghi "Có" hoặc "Không" (để trống là Không).',
  },
  {
    key: 'exemptionFrom',
    header: dateHeader('exemptionFrom'),
    aliases: [memberFieldLabels.exemptionFrom],
    type: 'date',
    example: null,
  },
  {
    key: 'exemptionReason',
    header: memberFieldLabels.exemptionReason,
    type: 'text',
    example: null,
  },
  {
    key: 'generalEducation',
    header: memberFieldLabels.generalEducation,
    type: 'enum',
    options: fromLabels(generalEducationLabels),
    example: '12/12',
  },
  {
    key: 'professionalLevel',
    header: memberFieldLabels.professionalLevel,
    aliases: ['Trình độ chuyên môn'],
    type: 'enum',
    options: fromLabels(professionalLevelLabels),
    example: 'Đại học',
  },
  {
    key: 'professionalField',
    header: memberFieldLabels.professionalField,
    type: 'text',
    example: 'Luật',
  },
  {
    key: 'politicalTheory',
    header: memberFieldLabels.politicalTheory,
    aliases: ['Trình độ lý luận chính trị', 'LLCT'],
    type: 'enum',
    options: fromLabels(politicalTheoryLabels),
    example: 'Trung cấp',
  },
  {
    key: 'stateManagement',
    header: memberFieldLabels.stateManagement,
    aliases: ['Trình độ quản lý nhà nước'],
    type: 'enum',
    options: fromLabels(stateManagementLabels),
    example: 'Chuyên viên',
  },
  {
    key: UNIT_CODE_KEY,
    header: 'Mã tổ chức đảng',
    aliases: ['Mã chi bộ'],
    type: 'text',
    example: null,
    note: 'Để trống: đảng viên vào tổ chức đảng đã chọn khi tải tệp lên. Ghi mã một chi bộ (hoặc đảng bộ cơ sở, đảng bộ bộ phận) trực thuộc tổ chức đã chọn để xếp đảng viên vào đó.',
  },
];

export const unitColumns: ColumnSpec[] = [
  {
    key: 'parentCode',
    header: 'Mã tổ chức cấp trên',
    type: 'text',
    required: true,
    width: 20,
    example: 'DB-TAYHO',
    note: 'Mã một tổ chức đã có trong phạm vi quản lý, hoặc của một tổ chức ở dòng phía trên trong cùng tệp.',
  },
  {
    key: 'type',
    header: 'Loại tổ chức',
    type: 'enum',
    required: true,
    options: fromLabels(unitTypeLabels),
    width: 26,
    example: 'Chi bộ trực thuộc',
  },
  {
    key: 'code',
    header: 'Mã tổ chức',
    type: 'text',
    required: true,
    width: 18,
    example: 'CB-TAYHO-TDP1',
    note: 'Chữ không dấu, số và . _ - ; không trùng mã đã có.',
  },
  {
    key: 'name',
    header: 'Tên tổ chức',
    type: 'text',
    required: true,
    width: 34,
    example: 'Chi bộ Tổ dân phố số 1',
  },
  { key: 'locality', header: 'Địa bàn', type: 'text', width: 22, example: 'Phường Tây Hồ' },
  {
    key: 'validFrom',
    header: 'Ngày có hiệu lực (dd/mm/yyyy)',
    aliases: ['Ngày có hiệu lực', 'Ngày thành lập'],
    type: 'date',
    required: true,
    example: day('2025-07-01'),
  },
];

export const appointmentColumns: ColumnSpec[] = [
  {
    key: 'idNumber',
    header: 'Số CCCD/định danh',
    aliases: ['Số CCCD', 'CCCD'],
    type: 'idNumber',
    width: 18,
    example: '001085012345',
    note: 'Xác định người giữ chức vụ: số CCCD, hoặc (nếu không có) số thẻ đảng viên ở cột bên cạnh.',
  },
  {
    key: 'cardNumber',
    header: 'Số thẻ đảng viên',
    aliases: ['Số thẻ đảng', 'Mã đảng viên'],
    type: 'text',
    example: null,
  },
  {
    key: 'fullName',
    header: 'Họ và tên',
    type: 'text',
    width: 24,
    example: 'Nguyễn Văn An',
    note: 'Để đối chiếu: nếu ghi, phải khớp với họ tên trong hồ sơ của người có số CCCD/thẻ đảng ở trên.',
  },
  {
    key: 'postTitle',
    header: 'Mã hoặc tên chức danh',
    aliases: ['Mã chức danh', 'Tên chức danh', 'Chức danh'],
    type: 'text',
    required: true,
    width: 24,
    example: 'Bí thư',
  },
  {
    key: 'unitCode',
    header: 'Mã tổ chức',
    aliases: ['Mã đơn vị'],
    type: 'text',
    required: true,
    width: 18,
    example: 'DB-TAYHO',
    note: 'Nơi giữ chức vụ (không nhất thiết là chi bộ sinh hoạt của người đó).',
  },
  {
    key: 'startDate',
    header: 'Ngày bắt đầu (dd/mm/yyyy)',
    aliases: ['Ngày bắt đầu'],
    type: 'date',
    required: true,
    example: day('2020-10-15'),
  },
  {
    key: 'endDate',
    header: 'Ngày kết thúc (dd/mm/yyyy)',
    aliases: ['Ngày kết thúc'],
    type: 'date',
    example: null,
  },
  {
    key: 'decisionNumber',
    header: 'Số quyết định',
    type: 'text',
    example: '125-QĐ/QU',
  },
  {
    key: 'decisionDate',
    header: 'Ngày quyết định (dd/mm/yyyy)',
    aliases: ['Ngày quyết định'],
    type: 'date',
    example: day('2020-10-14'),
  },
  {
    key: 'method',
    header: 'Hình thức',
    type: 'enum',
    required: true,
    options: fromLabels(appointmentMethodLabels),
    example: 'Bầu cử',
  },
  {
    key: 'concurrent',
    header: 'Kiêm nhiệm',
    type: 'bool',
    example: 'Không',
    note: 'Ghi "Có" hoặc "Không" (để trống là Không).',
  },
  { key: 'term', header: 'Nhiệm kỳ', type: 'text', example: '2020-2025' },
];

export const columnsOf: Record<ImportKind, ColumnSpec[]> = {
  members: memberColumns,
  units: unitColumns,
  appointments: appointmentColumns,
};

/** Sheet names, in Vietnamese as users see them. */
export const dataSheetName: Record<ImportKind, string> = {
  members: 'Đảng viên',
  units: 'Tổ chức đảng',
  appointments: 'Chức vụ',
};
