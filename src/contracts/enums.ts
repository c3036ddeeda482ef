/**
 * Code lists shared by server, web, demo generator and statistics.
 * Codes are stable English identifiers; labels are the Vietnamese terms users see.
 */

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

/** Trạng thái đảng viên. */
export const memberStatuses = [
  'probationary', // dự bị
  'full', // chính thức
  'transferred_out', // đã chuyển đi
  'deceased', // từ trần
  'removed', // xóa tên
  'expelled', // khai trừ
  'resigned', // ra khỏi Đảng (xin ra)
] as const;
export type MemberStatus = (typeof memberStatuses)[number];
export const memberStatusLabels: Record<MemberStatus, string> = {
  probationary: 'Dự bị',
  full: 'Chính thức',
  transferred_out: 'Đã chuyển đi',
  deceased: 'Từ trần',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
  resigned: 'Ra khỏi Đảng',
};
/** Statuses that count as a current member of the unit's organisation. */
export const activeMemberStatuses: readonly MemberStatus[] = ['probationary', 'full'];

/** Trình độ giáo dục phổ thông. */
export const generalEducationLevels = ['grade_9', 'grade_12'] as const;
export type GeneralEducation = (typeof generalEducationLevels)[number];
export const generalEducationLabels: Record<GeneralEducation, string> = {
  grade_9: '9/12',
  grade_12: '12/12',
};

/** Trình độ chuyên môn cao nhất (học vị/học hàm). */
export const professionalLevels = [
  'none',
  'vocational', // trung cấp
  'college', // cao đẳng
  'bachelor', // đại học
  'master', // thạc sĩ
  'doctor', // tiến sĩ
  'assoc_prof', // phó giáo sư
  'professor', // giáo sư
] as const;
export type ProfessionalLevel = (typeof professionalLevels)[number];
export const professionalLevelLabels: Record<ProfessionalLevel, string> = {
  none: 'Chưa qua đào tạo',
  vocational: 'Trung cấp',
  college: 'Cao đẳng',
  bachelor: 'Đại học',
  master: 'Thạc sĩ',
  doctor: 'Tiến sĩ',
  assoc_prof: 'Phó Giáo sư',
  professor: 'Giáo sư',
};

/** Trình độ lý luận chính trị. */
export const politicalTheoryLevels = [
  'none',
  'elementary', // sơ cấp
  'intermediate', // trung cấp
  'advanced', // cao cấp
  'bachelor', // cử nhân
] as const;
export type PoliticalTheoryLevel = (typeof politicalTheoryLevels)[number];
export const politicalTheoryLabels: Record<PoliticalTheoryLevel, string> = {
  none: 'Chưa qua đào tạo',
  elementary: 'Sơ cấp',
  intermediate: 'Trung cấp',
  advanced: 'Cao cấp',
  bachelor: 'Cử nhân',
};

/** Trình độ quản lý nhà nước. */
export const stateManagementLevels = [
  'none',
  'officer', // cán sự
  'specialist', // chuyên viên
  'principal_specialist', // chuyên viên chính
  'senior_specialist', // chuyên viên cao cấp
] as const;
export type StateManagementLevel = (typeof stateManagementLevels)[number];
export const stateManagementLabels: Record<StateManagementLevel, string> = {
  none: 'Chưa qua đào tạo',
  officer: 'Cán sự',
  specialist: 'Chuyên viên',
  principal_specialist: 'Chuyên viên chính',
  senior_specialist: 'Chuyên viên cao cấp',
};

/** Loại tổ chức đảng. */
export const unitTypes = [
  'central', // Trung ương
  'province', // đảng bộ tỉnh / thành phố
  'district', // đảng bộ quận / huyện (before 1 July 2025)
  'commune', // đảng bộ xã / phường / đặc khu
  'grassroots_committee', // đảng bộ cơ sở
  'grassroots_cell', // chi bộ cơ sở
  'sub_committee', // đảng bộ bộ phận
  'cell', // chi bộ trực thuộc
  'other',
] as const;
export type UnitType = (typeof unitTypes)[number];
export const unitTypeLabels: Record<UnitType, string> = {
  central: 'Trung ương',
  province: 'Đảng bộ tỉnh, thành phố',
  district: 'Đảng bộ quận, huyện',
  commune: 'Đảng bộ xã, phường, đặc khu',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  sub_committee: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
  other: 'Tổ chức khác',
};

/** Vai trò tài khoản. */
export const roles = ['admin', 'officer', 'reader', 'member', 'counter'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  officer: 'Cán bộ tổ chức',
  reader: 'Lãnh đạo / chỉ xem',
  member: 'Đảng viên',
  // Only the ballot entry screens of the congresses it is assigned to.
  counter: 'Ban kiểm phiếu (chỉ nhập phiếu)',
};

/** Grants given one by one on top of the roles. */
export const permissions = ['sensitive'] as const;
export type Permission = (typeof permissions)[number];
export const permissionLabels: Record<Permission, string> = {
  sensitive: 'Xem và sửa phần mật của lý lịch (đánh giá chính trị, kỷ luật, tài sản, gia đình)',
};

/** Quy trình có bộ hồ sơ giấy tờ riêng (loại giấy tờ cấu hình theo từng quy trình). */
export const dossierProcesses = ['candidacy', 'cadre_record'] as const;
export type DossierProcess = (typeof dossierProcesses)[number];
export const dossierProcessLabels: Record<DossierProcess, string> = {
  candidacy: 'Hồ sơ nhân sự ứng cử cấp ủy (Quy định 190-QĐ/TW)',
  cadre_record: 'Hồ sơ cán bộ',
};

/** Loại tệp được phép tải lên cho một loại giấy tờ (kiểm tra theo nội dung thật của tệp). */
export const documentFileKinds = ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const;
export type DocumentFileKind = (typeof documentFileKinds)[number];
export const documentFileKindLabels: Record<DocumentFileKind, string> = {
  pdf: 'PDF',
  jpg: 'Ảnh JPG',
  png: 'Ảnh PNG',
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
};

/** Trạng thái một giấy tờ trong hồ sơ. */
export const dossierDocumentStatuses = ['pending', 'verified', 'rejected'] as const;
export type DossierDocumentStatus = (typeof dossierDocumentStatuses)[number];
export const dossierDocumentStatusLabels: Record<DossierDocumentStatus, string> = {
  pending: 'Chờ xác minh',
  verified: 'Đã xác minh',
  rejected: 'Bị trả lại',
};

/** Loại dữ liệu nhập từ tệp Excel/CSV. */
export const importKinds = ['members', 'appointments', 'units'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKindLabels: Record<ImportKind, string> = {
  members: 'Đảng viên',
  appointments: 'Chức vụ, bổ nhiệm',
  units: 'Tổ chức đảng',
};

/** Trạng thái một lần nhập dữ liệu. */
export const importStatuses = [
  'checking',
  'previewed',
  'importing',
  'done',
  'failed',
  'cancelled',
] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importStatusLabels: Record<ImportStatus, string> = {
  checking: 'Đang kiểm tra',
  previewed: 'Đã kiểm tra, chờ xác nhận',
  importing: 'Đang ghi dữ liệu',
  done: 'Hoàn thành',
  failed: 'Thất bại',
  cancelled: 'Đã hủy',
};

/** Khi xác nhận: nhập tất cả (chỉ khi không có dòng lỗi) hay chỉ các dòng hợp lệ. */
export const importModes = ['all', 'valid_only'] as const;
export type ImportMode = (typeof importModes)[number];
export const importModeLabels: Record<ImportMode, string> = {
  all: 'Nhập tất cả',
  valid_only: 'Chỉ nhập các dòng hợp lệ',
};

/** Cấp của chức danh: cấp trưởng, cấp phó, thành viên. */
export const postLevels = ['head', 'deputy', 'member'] as const;
export type PostLevel = (typeof postLevels)[number];
export const postLevelLabels: Record<PostLevel, string> = {
  head: 'Cấp trưởng',
  deputy: 'Cấp phó',
  member: 'Thành viên',
};

/** Khối của chức danh. */
export const postSectors = [
  'party',
  'inspection',
  'government',
  'council',
  'front',
  'mass',
  'department',
  'justice',
  'other',
] as const;
export type PostSector = (typeof postSectors)[number];
export const postSectorLabels: Record<PostSector, string> = {
  party: 'Khối Đảng',
  inspection: 'Ủy ban kiểm tra',
  government: 'Chính quyền (UBND)',
  council: 'Hội đồng nhân dân',
  front: 'Mặt trận Tổ quốc',
  mass: 'Đoàn thể chính trị – xã hội',
  department: 'Phòng, ban chuyên môn',
  justice: 'Tư pháp, công an, thanh tra, thuế',
  other: 'Khác',
};

/** Hình thức giữ chức vụ. */
export const appointmentMethods = [
  'elected',
  'appointed',
  'rotated',
  'seconded',
  'designated',
] as const;
export type AppointmentMethod = (typeof appointmentMethods)[number];
export const appointmentMethodLabels: Record<AppointmentMethod, string> = {
  elected: 'Bầu',
  appointed: 'Bổ nhiệm',
  rotated: 'Luân chuyển',
  seconded: 'Điều động, biệt phái',
  designated: 'Chỉ định',
};

/** Loại cảnh báo trên trang "Cảnh báo". */
export const warningKinds = [
  'term_limit',
  'retirement',
  'documents',
  'same_post',
  'overdue_tasks',
] as const;
export type WarningKind = (typeof warningKinds)[number];
export const warningKindLabels: Record<WarningKind, string> = {
  term_limit: 'Sắp hoặc đã quá giới hạn nhiệm kỳ',
  retirement: 'Sắp đến tuổi nghỉ hưu',
  documents: 'Thiếu giấy tờ bắt buộc trong hồ sơ',
  same_post: 'Giữ một vị trí quá thời hạn chuyển đổi',
  overdue_tasks: 'Việc mới, việc khó quá hạn',
};
