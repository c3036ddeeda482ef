import type { DocumentFileKind } from '../../contracts/enums.ts';
import { isTopLevel } from '../../core/access/actor.ts';
import { accessCheck, allow, dataCheck, deny, type Verdict } from '../../core/rules/verdict.ts';
import { formatNumber } from '../../core/vietnamese/index.ts';

/** The real content type of each allowed kind: stored and served, whatever the client claimed. */
export const kindMimeTypes: Record<DocumentFileKind, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const SENSITIVE_RULE = accessCheck(
  'Phần mật của hồ sơ cán bộ (đánh giá chính trị, kỷ luật, tài sản, gia đình) chỉ người được cấp quyền xem phần mật mới xem và xử lý',
);
const CATALOGUE_RULE = accessCheck(
  'Danh mục loại giấy tờ dùng chung cho toàn hệ thống do quản trị hệ thống cấp cao nhất quản lý',
);

/** The document-type catalogue is shared by every subtree, so only a top-level admin edits it. */
export function canManageCatalogue(actor: { roles: readonly string[]; scopePath: string }) {
  return actor.roles.includes('admin') && isTopLevel(actor)
    ? allow()
    : deny(
        'Chỉ quản trị hệ thống ở tổ chức cấp cao nhất được thêm, sửa hoặc ngừng dùng loại giấy tờ',
        [CATALOGUE_RULE],
      );
}

/** Files of sensitive types (asset declarations, political conclusions) need the permission. */
export function canHandleFile(type: { sensitive: boolean }, hasSensitive: boolean): Verdict {
  return !type.sensitive || hasSensitive
    ? allow()
    : deny('Giấy tờ này thuộc phần mật; bạn chưa được cấp quyền xem phần mật của hồ sơ', [
        SENSITIVE_RULE,
      ]);
}

export interface UploadFacts {
  type: { typeName: string; active: boolean; allowedKinds: readonly string[]; maxSizeMb: number };
  sizeBytes: number;
  /** Kind found from the file's first bytes; null when it is none we know. */
  detectedKind: DocumentFileKind | null;
  /** What the content really is, for the message (e.g. 'exe'), when not an allowed kind. */
  detectedLabel: string | null;
  memberArchived: boolean;
}

const mb = (bytes: number) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, 1);

/** Which of the checks an upload fails first; each names its limit and where the limit comes from. */
export function checkUpload(f: UploadFacts): { field: 'typeId' | 'file'; verdict: Verdict } | null {
  if (f.memberArchived) {
    return {
      field: 'file',
      verdict: deny('Hồ sơ đảng viên đã lưu trữ; hãy khôi phục hồ sơ trước khi bổ sung giấy tờ', [
        dataCheck('Không bổ sung giấy tờ vào hồ sơ đã lưu trữ'),
      ]),
    };
  }
  if (!f.type.active) {
    return {
      field: 'typeId',
      verdict: deny(`Loại giấy tờ “${f.type.typeName}” đã ngừng sử dụng`, [
        dataCheck('Chỉ nhận giấy tờ thuộc loại đang sử dụng trong danh mục'),
      ]),
    };
  }
  if (f.sizeBytes === 0) {
    return {
      field: 'file',
      verdict: deny('Tệp rỗng (0 byte), không có nội dung để lưu', [
        dataCheck('Tệp tải lên phải có nội dung'),
      ]),
    };
  }
  const limit = f.type.maxSizeMb * 1024 * 1024;
  if (f.sizeBytes > limit) {
    return {
      field: 'file',
      verdict: deny(
        `Tệp ${mb(f.sizeBytes)} MB vượt dung lượng tối đa ${f.type.maxSizeMb} MB của loại giấy tờ “${f.type.typeName}”`,
        [dataCheck('Dung lượng tối đa từng loại giấy tờ theo danh mục loại giấy tờ')],
      ),
    };
  }
  if (!f.detectedKind || !f.type.allowedKinds.includes(f.detectedKind)) {
    const what = f.detectedKind
      ? `tệp ${f.detectedKind.toUpperCase()}`
      : f.detectedLabel
        ? `tệp ${f.detectedLabel.toUpperCase()}`
        : 'không phải loại tệp nào được nhận';
    return {
      field: 'file',
      verdict: deny(
        `Nội dung thật của tệp là ${what}; loại giấy tờ “${f.type.typeName}” chỉ nhận ${f.type.allowedKinds.map((k) => k.toUpperCase()).join(', ')}`,
        [dataCheck('Loại tệp được xác định theo nội dung tệp, không theo phần mở rộng của tên')],
      ),
    };
  }
  return null;
}

/** Direction controls that make "tai-lieu\u202Efdp.exe" read as "tai-lieuexe.pdf" on screen. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * A name safe to store and to send back in a header: no folders, no control, direction or
 * reserved characters, at most 150 characters, and the extension of what the content really is.
 */
export function sanitizeFileName(raw: string, kind: DocumentFileKind): string {
  const base = (raw.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .split('')
    .filter((c) => c >= ' ' && c !== '\u007f' && !'<>:"|?*'.includes(c) && !BIDI.test(c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem =
    base
      .replace(/\.[^.]*$/, '')
      .slice(0, 150)
      .trim() || 'giay-to';
  return `${stem}.${kind}`;
}

export interface ReviewFacts {
  superseded: boolean;
}

/** Only the current upload is reviewed; a replaced one no longer counts either way. */
export function checkReview(f: ReviewFacts): Verdict {
  if (f.superseded) {
    return deny('Giấy tờ này đã được thay bằng bản tải lên sau; hãy xác minh bản mới nhất', [
      dataCheck('Chỉ bản tải lên mới nhất của mỗi loại giấy tờ được xác minh'),
    ]);
  }
  return allow();
}

/** "Đủ 11/11 loại bắt buộc đã xác minh" or "Còn thiếu 2: 9/11 loại bắt buộc đã xác minh". */
export function completenessSummary(verified: number, required: number): string {
  if (required === 0) return 'Quy trình này chưa có loại giấy tờ bắt buộc';
  if (verified >= required) return `Đủ ${verified}/${required} loại bắt buộc đã xác minh`;
  return `Còn thiếu ${required - verified} loại: ${verified}/${required} loại bắt buộc đã xác minh`;
}
