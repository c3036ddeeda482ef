import { QD190 } from '../rules/rules.catalog.ts';
import type { Db } from '../../core/db/client.ts';
import type { DocumentFileKind, DossierProcess } from '../../contracts/enums.ts';
import { documentTypes } from './dossiers.schema.ts';

interface ShippedType {
  process: DossierProcess;
  code: string;
  name: string;
  description: string;
  required: boolean;
  sensitive?: boolean;
  allowedKinds: DocumentFileKind[];
  maxSizeMb: number;
}

const scans: DocumentFileKind[] = ['pdf', 'jpg', 'png'];
const documents: DocumentFileKind[] = ['pdf', 'docx', 'jpg', 'png'];

/**
 * The candidacy file of a person put forward for a party committee (QĐ 190-QĐ/TW), in the 11
 * categories Hà Nội used for each of its 81 files in 2020; then the standing record of a cadre.
 */
export const shippedDocumentTypes: ShippedType[] = [
  {
    process: 'candidacy',
    code: 'don_ung_cu',
    name: 'Đơn ứng cử hoặc văn bản đồng ý ứng cử',
    description: `Người được giới thiệu ký đồng ý; người tự ứng cử nộp đơn (${QD190}).`,
    required: true,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'so_yeu_ly_lich',
    name: 'Sơ yếu lý lịch có xác nhận của cơ quan có thẩm quyền',
    description: 'Mẫu 2C-TCTW-98, dán ảnh, có xác nhận và đóng dấu của cơ quan quản lý.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'tieu_su_tom_tat',
    name: 'Bản tiểu sử tóm tắt',
    description: 'Dùng để giới thiệu với đại hội; khớp với sơ yếu lý lịch.',
    required: true,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'ke_khai_tai_san',
    name: 'Bản kê khai tài sản, thu nhập',
    description: 'Bản kê khai tài sản, thu nhập theo quy định về kiểm soát tài sản, thu nhập.',
    required: true,
    sensitive: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'giay_chung_nhan_suc_khoe',
    name: 'Giấy chứng nhận sức khỏe',
    description: 'Do cơ sở y tế có thẩm quyền cấp, còn thời hạn sử dụng.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'nhan_xet_noi_cong_tac',
    name: 'Nhận xét, đánh giá của cấp ủy nơi công tác',
    description: 'Nhận xét của cấp ủy, tổ chức đảng nơi người được giới thiệu đang công tác.',
    required: true,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'nhan_xet_noi_cu_tru',
    name: 'Nhận xét của chi ủy nơi cư trú',
    description: 'Nhận xét của chi ủy (chi bộ) nơi người được giới thiệu cư trú.',
    required: true,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'ket_luan_tieu_chuan_chinh_tri',
    name: 'Kết luận về tiêu chuẩn chính trị',
    description: 'Kết luận của cấp ủy có thẩm quyền về tiêu chuẩn chính trị của nhân sự.',
    required: true,
    sensitive: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'candidacy',
    code: 'van_bang_chuyen_mon',
    name: 'Bản sao văn bằng, chứng chỉ chuyên môn có chứng thực',
    description: 'Bằng cao nhất về chuyên môn, nghiệp vụ; bản sao có chứng thực.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 15,
  },
  {
    process: 'candidacy',
    code: 'bang_ly_luan_chinh_tri',
    name: 'Bản sao bằng lý luận chính trị có chứng thực',
    description: 'Bằng hoặc giấy chứng nhận trình độ lý luận chính trị cao nhất.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 15,
  },
  {
    process: 'candidacy',
    code: 'ban_tu_kiem_diem',
    name: 'Bản tự kiểm điểm của cá nhân',
    description: 'Tự kiểm điểm trong nhiệm kỳ, có nhận xét của tập thể nơi công tác.',
    required: true,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'so_yeu_ly_lich_2c',
    name: 'Sơ yếu lý lịch mẫu 2C-TCTW-98',
    description: 'Bản có xác nhận của cơ quan quản lý cán bộ, bổ sung khi có thay đổi.',
    required: true,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'van_bang_chuyen_mon',
    name: 'Bản sao văn bằng, chứng chỉ chuyên môn',
    description: 'Các văn bằng chuyên môn, nghiệp vụ; bản sao có chứng thực.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 15,
  },
  {
    process: 'cadre_record',
    code: 'bang_ly_luan_chinh_tri',
    name: 'Bản sao bằng lý luận chính trị',
    description: 'Bằng hoặc giấy chứng nhận trình độ lý luận chính trị cao nhất.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 15,
  },
  {
    process: 'cadre_record',
    code: 'quyet_dinh_bo_nhiem',
    name: 'Quyết định bổ nhiệm, chuẩn y hoặc phê chuẩn chức vụ hiện giữ',
    description: 'Quyết định gần nhất về chức vụ đang đảm nhiệm.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'ke_khai_tai_san',
    name: 'Bản kê khai tài sản, thu nhập',
    description: 'Bản kê khai lần đầu, hằng năm hoặc bổ sung gần nhất.',
    required: true,
    sensitive: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'giay_kham_suc_khoe',
    name: 'Giấy khám sức khỏe',
    description: 'Kết quả khám sức khỏe định kỳ gần nhất.',
    required: true,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'quyet_dinh_ket_nap_dang',
    name: 'Quyết định kết nạp Đảng, công nhận đảng viên chính thức',
    description: 'Bản sao các quyết định về kết nạp và công nhận đảng viên chính thức.',
    required: false,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'nhan_xet_danh_gia_hang_nam',
    name: 'Phiếu đánh giá, xếp loại chất lượng hằng năm',
    description: 'Kết quả đánh giá, xếp loại cán bộ năm gần nhất.',
    required: false,
    allowedKinds: documents,
    maxSizeMb: 10,
  },
  {
    process: 'cadre_record',
    code: 'quyet_dinh_luong',
    name: 'Quyết định nâng bậc lương gần nhất',
    description: 'Quyết định về ngạch, bậc, hệ số lương hiện hưởng.',
    required: false,
    allowedKinds: scans,
    maxSizeMb: 10,
  },
];

/**
 * Adds the shipped document types the database does not have yet, by (process, code). A type
 * already there is never rewritten: an administrator may have renamed or retired it.
 */
export async function shipDocumentTypes(db: Db): Promise<number> {
  const order = new Map<string, number>();
  const rows = shippedDocumentTypes.map((t) => {
    const n = (order.get(t.process) ?? 0) + 1;
    order.set(t.process, n);
    return {
      process: t.process,
      code: t.code,
      name: t.name,
      description: t.description,
      required: t.required,
      sensitive: t.sensitive ?? false,
      allowedKinds: t.allowedKinds,
      maxSizeMb: t.maxSizeMb,
      sortOrder: n * 10,
    };
  });
  const inserted = await db
    .insert(documentTypes)
    .values(rows)
    .onConflictDoNothing({ target: [documentTypes.process, documentTypes.code] })
    .returning({ id: documentTypes.id });
  return inserted.length;
}
