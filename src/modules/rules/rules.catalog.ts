/**
 * What each regulation parameter means (key → Vietnamese title, unit, group) and the national
 * entries CanBo ships, each with its document, article and dates in force. Localities add
 * overrides for their subtree in the UI; new regulations are entered as new versions.
 */
export const ruleGroups = {
  election: 'Bầu cử trong Đảng (QĐ 190-QĐ/TW)',
  congress: 'Nhân sự đại hội (CT 45-CT/TW)',
  planning: 'Quy hoạch cán bộ (QĐ 377-QĐ/TW)',
  evaluation: 'Đánh giá, xếp loại (QĐ 366-QĐ/TW)',
  tenure: 'Chức vụ, nhiệm kỳ, luân chuyển',
  retirement: 'Tuổi nghỉ hưu (BLLĐ 2019, NĐ 135/2020)',
  membership: 'Đảng viên (Điều lệ Đảng)',
  other: 'Khác',
} as const;
export type RuleGroup = keyof typeof ruleGroups;

export const valueUnitLabels: Record<string, string> = {
  percent: '%',
  months: 'tháng',
  years: 'năm',
  days: 'ngày',
  persons: 'người',
  count: '',
  points: 'điểm',
  month: 'tháng/năm',
  text: '',
};

export interface RuleDefinition {
  title: string;
  group: RuleGroup;
  valueUnit: keyof typeof valueUnitLabels;
  /** Whether the value is a number (most) or a text such as a reference month '2025-07'. */
  kind: 'number' | 'text';
  /** For a text value chosen from a list: code → what users read. */
  options?: Record<string, string>;
}

const def = (
  title: string,
  group: RuleGroup,
  valueUnit: keyof typeof valueUnitLabels,
  kind: 'number' | 'text' = 'number',
): RuleDefinition => ({ title, group, valueUnit, kind });

export const ruleDefinitions = {
  // QĐ 190-QĐ/TW — bầu cử
  'election.surplus_max_percent': def(
    'Số dư tối đa so với số lượng cần bầu',
    'election',
    'percent',
  ),
  'election.committee_surplus_min_percent': def(
    'Số dư tối thiểu trong danh sách do cấp ủy chuẩn bị',
    'election',
    'percent',
  ),
  'election.committee_surplus_max_percent': def(
    'Số dư tối đa trong danh sách do cấp ủy chuẩn bị',
    'election',
    'percent',
  ),
  'election.small_body_min_seats': def('Cơ quan nhỏ: số lượng bầu từ', 'election', 'persons'),
  'election.small_body_max_seats': def('Cơ quan nhỏ: số lượng bầu đến', 'election', 'persons'),
  'election.small_body_max_surplus': def('Số dư tối đa của cơ quan nhỏ', 'election', 'persons'),
  'election.floor_nomination_min_percent': def(
    'Người ứng cử, được giới thiệu tại đại hội phải được trên … % đại biểu có mặt đồng ý',
    'election',
    'percent',
  ),
  'election.elected_min_percent': def(
    'Trúng cử khi được trên … % so với tổng số được triệu tập',
    'election',
    'percent',
  ),
  'election.ballot_keep_months': def('Thời gian niêm phong, lưu phiếu bầu', 'election', 'months'),
  // CT 45-CT/TW — nhân sự đại hội
  'congress.nomination_pass_percent': def(
    'Người được giới thiệu qua mỗi bước phải đạt trên … % phiếu',
    'congress',
    'percent',
  ),
  'congress.first_time_min_service_months': def(
    'Tham gia cấp ủy lần đầu: thời gian công tác còn lại tối thiểu (trọn một nhiệm kỳ)',
    'congress',
    'months',
  ),
  'congress.reelection_min_service_months': def(
    'Tái cử: thời gian công tác còn lại tối thiểu',
    'congress',
    'months',
  ),
  'congress.commune_committee_min': def('BCH cấp xã: số lượng tối thiểu', 'congress', 'persons'),
  'congress.commune_committee_max': def('BCH cấp xã: số lượng tối đa', 'congress', 'persons'),
  'congress.commune_standing_min': def('BTV cấp xã: số lượng tối thiểu', 'congress', 'persons'),
  'congress.commune_standing_max': def('BTV cấp xã: số lượng tối đa', 'congress', 'persons'),
  'congress.women_min_percent': def('Tỷ lệ cấp ủy viên nữ tối thiểu', 'congress', 'percent'),
  'congress.age_reference_month.grassroots': def(
    'Tháng tính tuổi: đại hội cấp cơ sở',
    'congress',
    'month',
    'text',
  ),
  'congress.age_reference_month.commune': def(
    'Tháng tính tuổi: đại hội cấp xã',
    'congress',
    'month',
    'text',
  ),
  'congress.age_reference_month.province': def(
    'Tháng tính tuổi: đại hội cấp tỉnh',
    'congress',
    'month',
    'text',
  ),
  'congress.term_months': def('Độ dài một nhiệm kỳ đại hội', 'congress', 'months'),
  'congress.young_max_age_years': def(
    'Cấp ủy viên trẻ: dưới … tuổi tại tháng tính tuổi',
    'congress',
    'years',
  ),
  // QĐ 377-QĐ/TW — quy hoạch
  'planning.max_people_per_post': def(
    'Số người quy hoạch tối đa cho một chức danh',
    'planning',
    'persons',
  ),
  'planning.max_posts_per_person': def(
    'Số chức danh cùng cấp tối đa quy hoạch cho một người',
    'planning',
    'count',
  ),
  'planning.discipline_block_months.reprimand': def(
    'Không quy hoạch, bổ nhiệm sau kỷ luật khiển trách',
    'planning',
    'months',
  ),
  'planning.discipline_block_months.warning': def(
    'Không quy hoạch, bổ nhiệm sau kỷ luật cảnh cáo',
    'planning',
    'months',
  ),
  'planning.discipline_block_months.dismissal': def(
    'Không quy hoạch, bổ nhiệm sau kỷ luật cách chức',
    'planning',
    'months',
  ),
  'planning.review_interval_months': def('Chu kỳ rà soát quy hoạch', 'planning', 'months'),
  'planning.min_service_left_months': def(
    'Người được quy hoạch phải đủ tuổi công tác ít nhất trọn một nhiệm kỳ',
    'planning',
    'months',
  ),
  'planning.nomination_pass_percent': def(
    'Người được giới thiệu quy hoạch đạt trên … % phiếu',
    'planning',
    'percent',
  ),
  'planning.young_max_age_years': def(
    'Cơ cấu ba độ tuổi: cán bộ trẻ dưới … tuổi',
    'planning',
    'years',
  ),
  'planning.middle_max_age_years': def(
    'Cơ cấu ba độ tuổi: độ tuổi giữa dưới … tuổi',
    'planning',
    'years',
  ),
  'planning.young_target_percent': def(
    'Tỷ lệ cán bộ trẻ trong quy hoạch (chỉ tiêu)',
    'planning',
    'percent',
  ),
  'planning.women_target_percent': def(
    'Tỷ lệ cán bộ nữ trong quy hoạch (chỉ tiêu)',
    'planning',
    'percent',
  ),
  // QĐ 366-QĐ/TW — đánh giá
  'evaluation.general_points': def('Điểm tiêu chí chung', 'evaluation', 'points'),
  'evaluation.task_points': def('Điểm kết quả thực hiện nhiệm vụ', 'evaluation', 'points'),
  'evaluation.excellent_min_score': def(
    'Hoàn thành xuất sắc: điểm tối thiểu',
    'evaluation',
    'points',
  ),
  'evaluation.excellent_min_exceeded_percent': def(
    'Hoàn thành xuất sắc: tỷ lệ nhiệm vụ vượt yêu cầu tối thiểu',
    'evaluation',
    'percent',
  ),
  'evaluation.good_min_score': def('Hoàn thành tốt: điểm tối thiểu', 'evaluation', 'points'),
  'evaluation.complete_min_score': def('Hoàn thành: điểm tối thiểu', 'evaluation', 'points'),
  'evaluation.complete_max_late_percent': def(
    'Hoàn thành: tỷ lệ nhiệm vụ chậm tiến độ tối đa',
    'evaluation',
    'percent',
  ),
  'evaluation.excellent_quota_percent': def(
    'Tỷ lệ "xuất sắc" tối đa so với số được xếp loại "tốt"',
    'evaluation',
    'percent',
  ),
  // Chức vụ, nhiệm kỳ, luân chuyển
  'tenure.max_consecutive_terms': def(
    'Người đứng đầu chức danh chủ chốt giữ một chức vụ ở một địa phương không quá … nhiệm kỳ liên tiếp',
    'tenure',
    'count',
  ),
  'tenure.max_months_head': def('Cấp trưởng giữ một chức vụ không quá', 'tenure', 'months'),
  'tenure.max_months_deputy': def('Cấp phó giữ một chức vụ không quá', 'tenure', 'months'),
  'tenure.warning_months': def('Cảnh báo trước khi đến giới hạn', 'tenure', 'months'),
  'tenure.consecutive_gap_days': def(
    'Hai lần giữ cùng chức vụ cách nhau không quá … ngày được tính là liên tục',
    'tenure',
    'days',
  ),
  'rotation.min_service_left_months': def(
    'Cán bộ luân chuyển: thời gian công tác còn lại tối thiểu',
    'tenure',
    'months',
  ),
  'rotation.min_duration_months': def('Thời gian luân chuyển tối thiểu', 'tenure', 'months'),
  'position_change.min_months': def('Chuyển đổi vị trí công tác: định kỳ từ', 'tenure', 'months'),
  'position_change.max_months': def('Chuyển đổi vị trí công tác: định kỳ đến', 'tenure', 'months'),
  'nonlocal.key_posts_target_percent': def(
    'Tỷ lệ chức danh chủ chốt không là người địa phương (chỉ tiêu)',
    'tenure',
    'percent',
  ),
  'nonlocal.long_residence_years': def(
    'Cư trú liên tục từ … năm trở lên được tính là người địa phương',
    'tenure',
    'years',
  ),
  // Tuổi nghỉ hưu
  'retirement.schedule_start_year': def(
    'Năm bắt đầu lộ trình tăng tuổi nghỉ hưu',
    'retirement',
    'years',
  ),
  'retirement.male.base_months': def(
    'Tuổi nghỉ hưu của nam (năm bắt đầu lộ trình)',
    'retirement',
    'months',
  ),
  'retirement.male.step_months': def('Nam: mỗi năm tăng thêm', 'retirement', 'months'),
  'retirement.male.max_months': def(
    'Tuổi nghỉ hưu của nam khi đủ lộ trình',
    'retirement',
    'months',
  ),
  'retirement.female.base_months': def(
    'Tuổi nghỉ hưu của nữ (năm bắt đầu lộ trình)',
    'retirement',
    'months',
  ),
  'retirement.female.step_months': def('Nữ: mỗi năm tăng thêm', 'retirement', 'months'),
  'retirement.female.max_months': def(
    'Tuổi nghỉ hưu của nữ khi đủ lộ trình',
    'retirement',
    'months',
  ),
  'retirement.early_max_months': def(
    'Nghỉ hưu sớm hơn tuổi quy định tối đa',
    'retirement',
    'months',
  ),
  'retirement.late_max_months': def(
    'Nghỉ hưu muộn hơn tuổi quy định tối đa',
    'retirement',
    'months',
  ),
  // Điều lệ Đảng — đảng viên
  'membership.min_join_age_years': def(
    'Người vào Đảng phải từ đủ … tuổi trở lên',
    'membership',
    'years',
  ),
  'membership.probation_months': def('Thời kỳ dự bị tính từ ngày kết nạp', 'membership', 'months'),
  // Hòa giải ở cơ sở
  'mediation.team_min_members': def('Tổ hòa giải: số hòa giải viên tối thiểu', 'other', 'persons'),
  'mediation.start_within_days': def('Bắt đầu hòa giải trong vòng', 'other', 'days'),
  // Việc mới, việc khó
  'tasks.exceeded_above_percent': def(
    'Việc mới, việc khó hoàn thành vượt mức: mọi chỉ tiêu đạt và ít nhất một chỉ tiêu vượt trên … % giá trị đăng ký',
    'other',
    'percent',
  ),
  'nonlocal.basis': {
    ...def('Căn cứ xác định người địa phương', 'tenure', 'text', 'text'),
    options: {
      hometown: 'quê quán',
      hometown_or_residence: 'quê quán hoặc nơi ở hiện nay',
    },
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleKey = keyof typeof ruleDefinitions;
export const ruleKeys = Object.keys(ruleDefinitions) as RuleKey[];

export interface ShippedRule {
  id: string;
  key: RuleKey;
  value: number | string;
  document: string;
  article?: string;
  validFrom: string;
  validTo?: string;
  note?: string;
}

/** Documents other modules cite too, written once. */
export const QD190 =
  'Quy định 190-QĐ/TW ngày 10/10/2024 về thi hành Điều lệ Đảng về bầu cử trong Đảng';
const CT45 = 'Chỉ thị 45-CT/TW ngày 14/4/2025 về đại hội đảng bộ các cấp nhiệm kỳ 2025–2030';
const CT35 = 'Chỉ thị 35-CT/TW ngày 30/5/2019 về đại hội đảng bộ các cấp nhiệm kỳ 2020–2025';
const QD377 = 'Quy định 377-QĐ/TW ngày 08/10/2025 về quy hoạch cán bộ';
const QD366 = 'Quy định 366-QĐ/TW ngày 30/8/2025 về đánh giá, xếp loại';
export const QD65 = 'Quy định 65-QĐ/TW năm 2022 về luân chuyển cán bộ';
const BLLD2019 = 'Bộ luật Lao động 2019 (Luật 45/2019/QH14)';
const ND135 = 'Nghị định 135/2020/NĐ-CP ngày 18/11/2020 về tuổi nghỉ hưu';
const BLLD1994 = 'Bộ luật Lao động 1994';
const BLLD2012 = 'Bộ luật Lao động 2012 (Luật 10/2012/QH13)';
const ND59 = 'Nghị định 59/2019/NĐ-CP ngày 01/7/2019 (chuyển đổi vị trí công tác)';
const ND335 = 'Nghị định 335/2025/NĐ-CP về đánh giá, xếp loại chất lượng công chức';
const DLD = 'Điều lệ Đảng Cộng sản Việt Nam (2011)';
const LHG = 'Luật Hòa giải ở cơ sở 2013 (Luật 35/2013/QH13)';
const CANBO = 'Quy tắc cảnh báo của CanBo (tham số do đơn vị điều chỉnh)';
const CANBO_TASKS =
  'Quy tắc đánh giá kết quả việc mới, việc khó của CanBo (tham số do đơn vị điều chỉnh)';

const r = (
  id: string,
  key: RuleKey,
  value: number | string,
  document: string,
  validFrom: string,
  rest: Partial<ShippedRule> = {},
): ShippedRule => ({ id, key, value, document, validFrom, ...rest });

export const shippedRules: ShippedRule[] = [
  r('qd190.surplus', 'election.surplus_max_percent', 30, QD190, '2024-10-10', {
    article: 'Điều 8',
  }),
  r('qd190.committee_min', 'election.committee_surplus_min_percent', 10, QD190, '2024-10-10', {
    article: 'Điều 8',
  }),
  r('qd190.committee_max', 'election.committee_surplus_max_percent', 15, QD190, '2024-10-10', {
    article: 'Điều 8',
  }),
  r('qd190.small_min', 'election.small_body_min_seats', 3, QD190, '2024-10-10', {
    article: 'Điều 8',
  }),
  r('qd190.small_max', 'election.small_body_max_seats', 5, QD190, '2024-10-10', {
    article: 'Điều 8',
  }),
  r('qd190.small_surplus', 'election.small_body_max_surplus', 1, QD190, '2024-10-10', {
    article: 'Điều 8',
  }),
  r('qd190.floor', 'election.floor_nomination_min_percent', 30, QD190, '2024-10-10', {
    article: 'Điều 9',
  }),
  r('qd190.elected', 'election.elected_min_percent', 50, QD190, '2024-10-10', {
    article: 'Điều 13',
  }),
  r('qd190.keep', 'election.ballot_keep_months', 6, QD190, '2024-10-10'),
  r('ct45.step', 'congress.nomination_pass_percent', 50, CT45, '2025-04-14'),
  r('ct45.first', 'congress.first_time_min_service_months', 60, CT45, '2025-04-14', {
    note: 'Đủ tuổi công tác trọn một nhiệm kỳ (60 tháng).',
  }),
  r('ct45.reelect', 'congress.reelection_min_service_months', 48, CT45, '2025-04-14'),
  r('ct45.commune_min', 'congress.commune_committee_min', 27, CT45, '2025-04-14'),
  r('ct45.commune_max', 'congress.commune_committee_max', 33, CT45, '2025-04-14'),
  r('ct45.standing_min', 'congress.commune_standing_min', 9, CT45, '2025-04-14'),
  r('ct45.standing_max', 'congress.commune_standing_max', 11, CT45, '2025-04-14'),
  r('ct45.women', 'congress.women_min_percent', 15, CT45, '2025-04-14', {
    note: 'Kèm yêu cầu có cán bộ nữ trong ban thường vụ.',
  }),
  r(
    'ct45.age_grassroots',
    'congress.age_reference_month.grassroots',
    '2025-04',
    CT45,
    '2025-04-14',
  ),
  r('ct45.age_commune', 'congress.age_reference_month.commune', '2025-07', CT45, '2025-04-14'),
  r('ct45.age_province', 'congress.age_reference_month.province', '2025-09', CT45, '2025-04-14'),
  r('ct35.young', 'congress.young_max_age_years', 40, CT35, '2019-05-30', {
    note: 'Cơ cấu ba độ tuổi: dưới 40 tuổi từ 10% trở lên (cấp tỉnh, cấp huyện). Chưa đối chiếu được mức của Chỉ thị 45-CT/TW; đơn vị có thể điều chỉnh.',
  }),
  r('dld.term', 'congress.term_months', 60, 'Điều lệ Đảng (2011)', '2011-01-19', {
    note: 'Đại hội đảng bộ các cấp nhiệm kỳ 5 năm.',
  }),
  r('qd377.per_post', 'planning.max_people_per_post', 3, QD377, '2025-10-08'),
  r('qd377.per_person', 'planning.max_posts_per_person', 3, QD377, '2025-10-08'),
  r('qd377.reprimand', 'planning.discipline_block_months.reprimand', 24, QD377, '2025-10-08'),
  r('qd377.warning', 'planning.discipline_block_months.warning', 36, QD377, '2025-10-08'),
  r('qd377.dismissal', 'planning.discipline_block_months.dismissal', 60, QD377, '2025-10-08'),
  r('qd377.review', 'planning.review_interval_months', 12, QD377, '2025-10-08'),
  r('qd377.full_term', 'planning.min_service_left_months', 60, QD377, '2025-10-08', {
    note: 'Đủ tuổi công tác ít nhất trọn một nhiệm kỳ (60 tháng), tính đến đầu nhiệm kỳ quy hoạch.',
  }),
  r('qd377.nomination', 'planning.nomination_pass_percent', 50, QD377, '2025-10-08', {
    note: 'Lấy phiếu giới thiệu kín; người đạt trên 50% phiếu được đưa vào danh sách xem xét.',
  }),
  r('canbo.planning_young', 'planning.young_max_age_years', 45, CANBO, '2025-10-08', {
    note: 'QĐ 377-QĐ/TW yêu cầu bảo đảm ba độ tuổi mà không ghi mốc chung; mặc định dưới 45, 45–dưới 55, từ 55 — đơn vị điều chỉnh theo cấp.',
  }),
  r('canbo.planning_middle', 'planning.middle_max_age_years', 55, CANBO, '2025-10-08'),
  r('canbo.planning_young_share', 'planning.young_target_percent', 15, CANBO, '2025-10-08', {
    note: 'QĐ 377-QĐ/TW yêu cầu tỷ lệ phù hợp; mặc định lấy mức của QĐ 50-QĐ/TW (đã được thay thế).',
  }),
  r('canbo.planning_women_share', 'planning.women_target_percent', 25, CANBO, '2025-10-08', {
    note: 'QĐ 377-QĐ/TW yêu cầu tỷ lệ phù hợp; mặc định lấy mức của QĐ 50-QĐ/TW (đã được thay thế).',
  }),
  r('qd366.general', 'evaluation.general_points', 30, QD366, '2025-08-30'),
  r('qd366.tasks', 'evaluation.task_points', 70, QD366, '2025-08-30'),
  r('qd366.excellent', 'evaluation.excellent_min_score', 90, QD366, '2025-08-30'),
  r('qd366.exceeded', 'evaluation.excellent_min_exceeded_percent', 30, QD366, '2025-08-30'),
  r('qd366.good', 'evaluation.good_min_score', 70, QD366, '2025-08-30'),
  r('qd366.complete', 'evaluation.complete_min_score', 50, QD366, '2025-08-30'),
  r('qd366.late', 'evaluation.complete_max_late_percent', 20, QD366, '2025-08-30'),
  r('nd335.quota', 'evaluation.excellent_quota_percent', 20, ND335, '2025-12-01', {
    note: 'Quy định cho công chức; phía Đảng chưa xác minh được tỷ lệ — đơn vị có thể điều chỉnh.',
  }),
  r('qd65.terms', 'tenure.max_consecutive_terms', 2, QD65, '2022-06-28', {
    note: 'Áp dụng cho người đứng đầu các chức danh chủ chốt.',
  }),
  r('qd65.head_months', 'tenure.max_months_head', 120, QD65, '2022-06-28', {
    note: 'Hai nhiệm kỳ liên tiếp (2 × 60 tháng) đối với chức danh chủ chốt.',
  }),
  r('canbo.warning', 'tenure.warning_months', 12, CANBO, '2020-01-01'),
  r('canbo.gap', 'tenure.consecutive_gap_days', 31, CANBO, '2020-01-01'),
  r('qd65.rotation_left', 'rotation.min_service_left_months', 120, QD65, '2022-06-28', {
    note: 'Còn ít nhất 10 năm công tác (nguồn thứ cấp, cần đối chiếu văn bản).',
  }),
  r('qd65.rotation_min', 'rotation.min_duration_months', 36, QD65, '2022-06-28'),
  r('nd59.min', 'position_change.min_months', 24, ND59, '2019-08-15', { article: 'Điều 37' }),
  r('nd59.max', 'position_change.max_months', 60, ND59, '2019-08-15', { article: 'Điều 37' }),
  r('canbo.residence', 'nonlocal.long_residence_years', 10, CANBO, '2020-01-01'),
  // Retirement: BLLĐ 1994 and 2012 (flat 60 / 55) until the 2019 code's schedule starts in 2021.
  ...(
    [
      ['start', 'retirement.schedule_start_year', 1995],
      ['male', 'retirement.male.base_months', 720],
      ['male_step', 'retirement.male.step_months', 0],
      ['male_max', 'retirement.male.max_months', 720],
      ['female', 'retirement.female.base_months', 660],
      ['female_step', 'retirement.female.step_months', 0],
      ['female_max', 'retirement.female.max_months', 660],
    ] as const
  ).map(([id, key, value]) =>
    r(`blld1994.${id}`, key, value, BLLD1994, '1995-01-01', {
      validTo: '2013-04-30',
      article: 'Điều 145',
    }),
  ),
  r('blld2012.start', 'retirement.schedule_start_year', 2013, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
    article: 'Điều 187',
  }),
  r('blld2012.male', 'retirement.male.base_months', 720, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
    article: 'Điều 187',
  }),
  r('blld2012.male_step', 'retirement.male.step_months', 0, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
  }),
  r('blld2012.male_max', 'retirement.male.max_months', 720, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
  }),
  r('blld2012.female', 'retirement.female.base_months', 660, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
    article: 'Điều 187',
  }),
  r('blld2012.female_step', 'retirement.female.step_months', 0, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
  }),
  r('blld2012.female_max', 'retirement.female.max_months', 660, BLLD2012, '2013-05-01', {
    validTo: '2020-12-31',
  }),
  r(
    'blld2019.start',
    'retirement.schedule_start_year',
    2021,
    `${BLLD2019}; ${ND135}`,
    '2021-01-01',
    {
      article: 'BLLĐ Điều 169 khoản 2; NĐ 135 Điều 4',
    },
  ),
  r('blld2019.male', 'retirement.male.base_months', 723, `${BLLD2019}; ${ND135}`, '2021-01-01', {
    article: 'BLLĐ Điều 169 khoản 2; NĐ 135 Điều 4',
    note: '60 tuổi 3 tháng năm 2021.',
  }),
  r('blld2019.male_step', 'retirement.male.step_months', 3, `${BLLD2019}; ${ND135}`, '2021-01-01', {
    article: 'BLLĐ Điều 169 khoản 2',
  }),
  r('blld2019.male_max', 'retirement.male.max_months', 744, `${BLLD2019}; ${ND135}`, '2021-01-01', {
    article: 'BLLĐ Điều 169 khoản 2',
    note: 'Đủ 62 tuổi vào năm 2028.',
  }),
  r(
    'blld2019.female',
    'retirement.female.base_months',
    664,
    `${BLLD2019}; ${ND135}`,
    '2021-01-01',
    {
      article: 'BLLĐ Điều 169 khoản 2; NĐ 135 Điều 4',
      note: '55 tuổi 4 tháng năm 2021.',
    },
  ),
  r(
    'blld2019.female_step',
    'retirement.female.step_months',
    4,
    `${BLLD2019}; ${ND135}`,
    '2021-01-01',
    {
      article: 'BLLĐ Điều 169 khoản 2',
    },
  ),
  r(
    'blld2019.female_max',
    'retirement.female.max_months',
    720,
    `${BLLD2019}; ${ND135}`,
    '2021-01-01',
    {
      article: 'BLLĐ Điều 169 khoản 2',
      note: 'Đủ 60 tuổi vào năm 2035.',
    },
  ),
  r('blld2019.early', 'retirement.early_max_months', 60, BLLD2019, '2021-01-01', {
    article: 'Điều 169 khoản 3',
  }),
  r('blld2019.late', 'retirement.late_max_months', 60, BLLD2019, '2021-01-01', {
    article: 'Điều 169 khoản 4',
  }),
  r('dld.join_age', 'membership.min_join_age_years', 18, DLD, '2011-01-19', {
    article: 'Điều 1',
  }),
  r('dld.probation', 'membership.probation_months', 12, DLD, '2011-01-19', {
    article: 'Điều 5',
  }),
  r('lhg.team', 'mediation.team_min_members', 3, LHG, '2014-01-01', { article: 'Điều 12' }),
  r('lhg.start', 'mediation.start_within_days', 3, LHG, '2014-01-01', { article: 'Điều 20' }),
  r('canbo.tasks_exceeded', 'tasks.exceeded_above_percent', 100, CANBO_TASKS, '2020-01-01', {
    note: 'Vượt mức khi mọi chỉ tiêu đạt và có chỉ tiêu vượt giá trị đăng ký (trên 100%)',
  }),
  r('canbo.nonlocal_basis', 'nonlocal.basis', 'hometown', CANBO, '2020-01-01', {
    note: 'Mặc định so quê quán với địa bàn. Giá trị hometown_or_residence tính cả người có nơi ở hiện nay tại địa bàn (CanBo chưa lưu ngày bắt đầu cư trú nên chưa kiểm được số năm cư trú).',
  }),
];
