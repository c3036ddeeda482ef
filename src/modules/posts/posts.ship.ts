import type { PostLevel, PostSector } from '../../contracts/enums.ts';
import type { Db } from '../../core/db/client.ts';
import { postTitles } from './posts.schema.ts';

interface ShippedPost {
  code: string;
  name: string;
  level: PostLevel;
  sector: PostSector;
  managingBody: string;
  /** Key post (chức danh chủ chốt) for the non-local and two-term rules of QĐ 65-QĐ/TW. */
  isKey: boolean;
}

const BTV = 'Ban Thường vụ cấp ủy cấp trên';
const CU = 'Cấp ủy cùng cấp';
const p = (
  code: string,
  name: string,
  level: PostLevel,
  sector: PostSector,
  isKey = false,
  managingBody = BTV,
): ShippedPost => ({ code, name, level, sector, managingBody, isKey });

/**
 * The national list of post titles CanBo ships. Key posts follow QĐ 65-QĐ/TW (2022): bí thư,
 * chủ tịch UBND, chánh án, viện trưởng VKS, trưởng công an, chánh thanh tra, trưởng thuế,
 * trưởng phòng tài chính (and hải quan where there is one).
 */
export const shippedPostTitles: ShippedPost[] = [
  p('BT', 'Bí thư', 'head', 'party', true),
  p('PBT-TT', 'Phó Bí thư thường trực', 'deputy', 'party'),
  p('PBT', 'Phó Bí thư', 'deputy', 'party'),
  p('UV-BTV', 'Ủy viên Ban Thường vụ', 'member', 'party'),
  p('UV-BCH', 'Ủy viên Ban Chấp hành (cấp ủy viên)', 'member', 'party', false, CU),
  p('CN-UBKT', 'Chủ nhiệm Ủy ban kiểm tra', 'head', 'inspection'),
  p('PCN-UBKT', 'Phó Chủ nhiệm Ủy ban kiểm tra', 'deputy', 'inspection'),
  p('UV-UBKT', 'Ủy viên Ủy ban kiểm tra', 'member', 'inspection', false, CU),
  p('TB-TC', 'Trưởng Ban Tổ chức', 'head', 'party'),
  p('PB-TC', 'Phó Trưởng Ban Tổ chức', 'deputy', 'party'),
  p('CVP-CU', 'Chánh Văn phòng cấp ủy', 'head', 'party'),
  p('CT-UBND', 'Chủ tịch Ủy ban nhân dân', 'head', 'government', true),
  p('PCT-UBND', 'Phó Chủ tịch Ủy ban nhân dân', 'deputy', 'government'),
  p('CT-HDND', 'Chủ tịch Hội đồng nhân dân', 'head', 'council'),
  p('PCT-HDND', 'Phó Chủ tịch Hội đồng nhân dân', 'deputy', 'council'),
  p('CT-MTTQ', 'Chủ tịch Ủy ban Mặt trận Tổ quốc', 'head', 'front'),
  p('PCT-MTTQ', 'Phó Chủ tịch Ủy ban Mặt trận Tổ quốc', 'deputy', 'front'),
  p('BT-DTN', 'Bí thư Đoàn Thanh niên', 'head', 'mass', false, CU),
  p('CT-LHPN', 'Chủ tịch Hội Liên hiệp Phụ nữ', 'head', 'mass', false, CU),
  p('CT-HND', 'Chủ tịch Hội Nông dân', 'head', 'mass', false, CU),
  p('CT-HCCB', 'Chủ tịch Hội Cựu chiến binh', 'head', 'mass', false, CU),
  p('TP', 'Trưởng phòng chuyên môn', 'head', 'department', false, CU),
  p('PTP', 'Phó Trưởng phòng chuyên môn', 'deputy', 'department', false, CU),
  p('TP-TC', 'Trưởng phòng Tài chính', 'head', 'department', true),
  p('CA', 'Chánh án Tòa án nhân dân', 'head', 'justice', true),
  p('VT-VKS', 'Viện trưởng Viện kiểm sát nhân dân', 'head', 'justice', true),
  p('TCA', 'Trưởng Công an', 'head', 'justice', true),
  p('CTT', 'Chánh Thanh tra', 'head', 'justice', true),
  p('TT-THUE', 'Trưởng Thuế (Đội trưởng, Chi cục trưởng Thuế)', 'head', 'justice', true),
  p('TT-HQ', 'Trưởng Hải quan (Chi cục trưởng Hải quan)', 'head', 'justice', true),
  p('CHT-QS', 'Chỉ huy trưởng Ban Chỉ huy quân sự', 'head', 'justice', false, CU),
];

/** Adds the shipped titles the database lacks (by code); titles already there are never rewritten. */
export async function shipPostTitles(db: Db): Promise<number> {
  const have = new Set(
    (await db.select({ code: postTitles.code }).from(postTitles)).map((r) => r.code),
  );
  const missing = shippedPostTitles
    .map((t, i) => ({ ...t, sortOrder: (i + 1) * 10 }))
    .filter((t) => !have.has(t.code));
  if (missing.length) await db.insert(postTitles).values(missing);
  return missing.length;
}
