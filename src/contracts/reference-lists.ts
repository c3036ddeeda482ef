/**
 * Reference lists for the résumé fields that hold free Vietnamese names rather than codes
 * (dân tộc, tôn giáo, tỉnh/thành phố). Pure data, shared by server, web and the demo generator.
 * Values are stored as written here (NFC, traditional tone placement: "Hòa", "Thủy").
 */

/**
 * Dân tộc: the 54 ethnic groups recognised in the official list of the General Statistics
 * Office (Danh mục các dân tộc Việt Nam), ordered roughly by population (2019 census).
 * Citizens only; a foreign national has no entry here.
 */
export const ethnicities = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
  'Nùng',
  "H'Mông",
  'Dao',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Sán Chay',
  'Chăm',
  'Cơ Ho',
  'Xơ Đăng',
  'Sán Dìu',
  'Hrê',
  'Raglai',
  'Mnông',
  'Thổ',
  'Xtiêng',
  'Khơ Mú',
  'Bru - Vân Kiều',
  'Cơ Tu',
  'Giáy',
  'Tà Ôi',
  'Mạ',
  'Giẻ Triêng',
  'Co',
  'Chơ Ro',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'Kháng',
  'Phù Lá',
  'La Hủ',
  'La Ha',
  'Pà Thẻn',
  'Lự',
  'Ngái',
  'Chứt',
  'Lô Lô',
  'Mảng',
  'Cờ Lao',
  'Bố Y',
  'Cống',
  'Si La',
  'Pu Péo',
  'Rơ Măm',
  'Brâu',
  'Ơ Đu',
] as const;
export type Ethnicity = (typeof ethnicities)[number];

/**
 * Tôn giáo: 'Không' (none) first, then the religions recognised by the State (the six main
 * ones first, then the smaller recognised religions).
 */
export const religions = [
  'Không',
  'Phật giáo',
  'Công giáo',
  'Tin Lành',
  'Cao Đài',
  'Phật giáo Hòa Hảo',
  'Hồi giáo',
  "Baha'i",
  'Tịnh độ Cư sĩ Phật hội Việt Nam',
  'Tứ Ân Hiếu Nghĩa',
  'Bửu Sơn Kỳ Hương',
  'Minh Sư Đạo',
  'Minh Lý Đạo - Tam Tông Miếu',
  'Phật giáo Hiếu Nghĩa Tà Lơn',
  'Bà La Môn',
  'Cơ Đốc Phục Lâm',
  'Các Thánh hữu ngày sau của Chúa Giê-su Ky-tô',
] as const;
export type Religion = (typeof religions)[number];

/** The 6 centrally-run cities (thành phố trực thuộc trung ương) since 1 July 2025. */
export const centralCities = [
  'Hà Nội',
  'Huế',
  'Hải Phòng', // + Hải Dương
  'Đà Nẵng', // + Quảng Nam
  'Thành phố Hồ Chí Minh', // + Bình Dương, Bà Rịa - Vũng Tàu
  'Cần Thơ', // + Sóc Trăng, Hậu Giang
] as const;

/**
 * The 28 provinces (tỉnh) since 1 July 2025 (Nghị quyết 202/2025/QH15), north to south.
 * Merged provinces keep the name of one of their predecessors, noted in the comment.
 */
export const provincesOnly = [
  'Tuyên Quang', // + Hà Giang
  'Cao Bằng',
  'Lai Châu',
  'Lào Cai', // + Yên Bái
  'Thái Nguyên', // + Bắc Kạn
  'Điện Biên',
  'Lạng Sơn',
  'Sơn La',
  'Phú Thọ', // + Vĩnh Phúc, Hòa Bình
  'Bắc Ninh', // + Bắc Giang
  'Quảng Ninh',
  'Hưng Yên', // + Thái Bình
  'Ninh Bình', // + Hà Nam, Nam Định
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Quảng Trị', // + Quảng Bình
  'Quảng Ngãi', // + Kon Tum
  'Gia Lai', // + Bình Định
  'Khánh Hòa', // + Ninh Thuận
  'Lâm Đồng', // + Đắk Nông, Bình Thuận
  'Đắk Lắk', // + Phú Yên
  'Đồng Nai', // + Bình Phước
  'Tây Ninh', // + Long An
  'Vĩnh Long', // + Bến Tre, Trà Vinh
  'Đồng Tháp', // + Tiền Giang
  'An Giang', // + Kiên Giang
  'Cà Mau', // + Bạc Liêu
] as const;

/** All 34 province-level units since 1 July 2025: the 6 cities, then the 28 provinces. */
export const provinces = [...centralCities, ...provincesOnly] as const;
export type Province = (typeof provinces)[number];
