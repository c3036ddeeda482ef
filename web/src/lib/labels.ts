import {
  appointmentMethodLabels,
  dossierDocumentStatusLabels,
  familySides,
  fieldLabels,
  foreignRelationKinds,
  formatPartialDate,
  permissionLabels,
  personalHistoryKinds,
  postLevelLabels,
  postSectorLabels,
  resumeSections,
  sectionSpecs,
  trainingModes,
  genderLabels,
  generalEducationLabels,
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  roleLabels,
  stateManagementLabels,
  unitStatusLabels,
  unitTypeLabels,
} from './contracts.ts';
import { formatDate } from './vn.ts';
import { formatDateTime } from '../components/DateField.tsx';
import { unitNameOf } from '../components/UnitPicker.tsx';

/** Labels for keys that can appear in audit before/after but are not input fields. */
const extraFieldLabels: Record<string, string> = {
  archivedAt: 'Ngày lưu trữ',
  archiveReason: 'Lý do lưu trữ',
  archived: 'Đã lưu trữ',
  unitName: 'Tổ chức đảng',
  parentName: 'Tổ chức cấp trên',
  validTo: 'Ngày kết thúc',
  status: 'Tình trạng',
  lockedUntil: 'Khóa đến',
  lastLoginAt: 'Đăng nhập lần cuối',
  failedLogins: 'Số lần đăng nhập sai',
  movedMembers: 'Số đảng viên chuyển',
  fromUnitId: 'Tổ chức chuyển đi',
};

export function fieldLabel(key: string): string {
  return fieldLabels[key] ?? extraFieldLabels[key] ?? key;
}

/** Code → label maps by field name; member, unit and document statuses do not overlap. */
const enumLabels: Record<string, Record<string, string>> = {
  gender: genderLabels,
  status: { ...memberStatusLabels, ...unitStatusLabels, ...dossierDocumentStatusLabels },
  type: unitTypeLabels,
  generalEducation: generalEducationLabels,
  professionalLevel: professionalLevelLabels,
  politicalTheory: politicalTheoryLabels,
  stateManagement: stateManagementLabels,
  roles: roleLabels,
  permissions: permissionLabels,
  method: appointmentMethodLabels,
  level: postLevelLabels,
  sector: postSectorLabels,
  section: Object.fromEntries(resumeSections.map((k) => [k, sectionSpecs[k].title])),
  trainingMode: trainingModes,
  historyKind: personalHistoryKinds,
  relationKind: foreignRelationKinds,
  familySide: familySides,
};

/** Résumé dates kept as typed: a year or a month ('2005', '2005-09'). */
const PARTIAL_DATE = /^\d{4}(-\d{2})?$/;
const partialDateKeys = /^(_from|_to|from|to)$|Date$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Renders a stored value (from audit before/after) the way a user reads it. */
export function formatFieldValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (Array.isArray(value)) return value.map((v) => formatFieldValue(key, v)).join(', ');
  if (typeof value === 'string') {
    const label = enumLabels[key]?.[value];
    if (label) return label;
    if (ISO_DATE.test(value)) return formatDate(value);
    if (PARTIAL_DATE.test(value) && partialDateKeys.test(key)) return formatPartialDate(value);
    if (ISO_TIMESTAMP.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') {
    // Unit references: show the unit's name when the app has seen it.
    if (/^(unitId|parentId|newParentId|toUnitId|fromUnitId|targetId)$/.test(key)) {
      return unitNameOf(value) ?? `#${value}`;
    }
    return String(value);
  }
  return JSON.stringify(value);
}

export const entityTypeLabels: Record<string, string> = {
  unit: 'Tổ chức đảng',
  member: 'Đảng viên',
  user: 'Tài khoản',
  account: 'Tài khoản',
  rule: 'Quy định',
  document_type: 'Loại giấy tờ',
  post_title: 'Chức danh',
  congress: 'Đại hội',
  election: 'Bầu cử, kiểm phiếu',
  planning: 'Quy hoạch',
  evaluation: 'Đánh giá, xếp loại',
  task: 'Việc mới, việc khó',
  four_good: '4 tốt',
  feedback: 'Thông tin đa chiều',
  import: 'Nhập dữ liệu',
  dossier: 'Hồ sơ',
};

export const auditActionLabels: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Cập nhật',
  rename: 'Đổi tên',
  move: 'Chuyển cấp trên',
  merge: 'Hợp nhất',
  split: 'Chia tách',
  archive: 'Lưu trữ',
  restore: 'Khôi phục',
  transfer: 'Chuyển sinh hoạt',
  delete: 'Xóa',
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  password: 'Đổi mật khẩu',
  reset_password: 'Đặt lại mật khẩu',
  unlock: 'Mở khóa',
  self_update: 'Tự cập nhật',
  import: 'Nhập từ Excel',
  approve: 'Phê duyệt',
  return: 'Trả lại',
  reject: 'Không phê duyệt',
  close: 'Kết thúc, khóa',
  annul: 'Hủy kết quả',
  decide: 'Quyết định',
  check_in: 'Điểm danh',
};

export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? auditActionLabels[action.split('.').pop() ?? ''] ?? action;
}

export const unitHistoryReasonLabels: Record<string, string> = {
  joined: 'Kết nạp vào Đảng',
  transfer: 'Chuyển sinh hoạt',
  merge: 'Hợp nhất tổ chức',
  split: 'Chia tách tổ chức',
  created: 'Lập hồ sơ',
};
