/**
 * Demo party members, streamed: a generator that yields one member at a time, so a million
 * members take a few seconds and constant memory. Members go only to current chi bộ (chi bộ cơ
 * sở and chi bộ trực thuộc); cell sizes, ages, gender and education depend on what the cell is
 * (residential cells are large and old, school and agency cells younger and better educated).
 * All dates are relative to a fixed reference date so the output depends only on the seed.
 */
import type {
  Gender,
  GeneralEducation,
  MemberStatus,
  PoliticalTheoryLevel,
  ProfessionalLevel,
  StateManagementLevel,
} from '../../contracts/enums.ts';
import type { Province } from '../../contracts/reference-lists.ts';
import { generateNameParts } from './names.ts';
import {
  Rng,
  type WeightedTable,
  addYears,
  fromDayNumber,
  hashSeed,
  toDayNumber,
  weightedTable,
} from './rng.ts';
import {
  DEFAULT_SEED,
  type DemoUnit,
  type DemoUnitKind,
  allocate,
  holdsMembers,
  randomPlaceName,
} from './units.ts';

/** "Today" for the demo data (fixed so that output is deterministic). */
export const DEMO_REFERENCE_DATE = '2026-11-01';

export interface DemoMember {
  unitKey: string;
  fullName: string;
  otherNames: string | null;
  gender: Gender;
  birthDate: string;
  birthplace: string;
  hometownCommune: string;
  hometownProvince: Province;
  residence: string;
  ethnicity: string;
  religion: string;
  /** Số định danh cá nhân: 12 digits, unique within one run. */
  idNumber: string;
  joinDate: string;
  /** joinDate + 12 months; null for probationary members. */
  officialDate: string | null;
  /** Số thẻ đảng viên, 8 digits; null for probationary members. Unique within one run. */
  cardNumber: string | null;
  status: MemberStatus;
  generalEducation: GeneralEducation;
  professionalLevel: ProfessionalLevel;
  professionalField: string | null;
  politicalTheory: PoliticalTheoryLevel;
  stateManagement: StateManagementLevel;
}

type MemberKind = Exclude<DemoUnitKind, 'territorial'>;
type Band = readonly [lo: number, hi: number];

interface Profile {
  /** Relative expected size of a chi bộ of this kind. */
  size: number;
  femaleShare: number;
  ages: WeightedTable<Band>;
  status: WeightedTable<MemberStatus>;
  professional: WeightedTable<ProfessionalLevel>;
  political: WeightedTable<PoliticalTheoryLevel>;
  stateManagement: WeightedTable<StateManagementLevel>;
  fields: readonly string[];
  /** Share whose quê quán is the unit's own commune/ward. */
  localShare: number;
  /** Share (of the rest) from another commune of Hà Nội. */
  hanoiShare: number;
}

const bands = (...b: (readonly [number, number, number])[]) =>
  weightedTable(b.map(([lo, hi, w]) => [[lo, hi] as const, w] as const));

const workingAges = bands([23, 30, 18], [30, 40, 35], [40, 50, 29], [50, 60, 18]);
const statusResidential = weightedTable<MemberStatus>([
  ['full', 94.9],
  ['probationary', 3.6],
  ['transferred_out', 0.6],
  ['deceased', 0.9],
]);
const statusWorking = weightedTable<MemberStatus>([
  ['full', 95.25],
  ['probationary', 4.3],
  ['transferred_out', 0.4],
  ['deceased', 0.05],
]);

const agencyFields = [
  'Luật',
  'Kinh tế',
  'Quản lý nhà nước',
  'Hành chính học',
  'Kế toán',
  'Tài chính - Ngân hàng',
  'Quản lý đất đai',
  'Xây dựng dân dụng và công nghiệp',
  'Công nghệ thông tin',
  'Xã hội học',
  'Quản trị kinh doanh',
  'Văn hóa học',
];
const schoolFields = [
  'Sư phạm Toán',
  'Sư phạm Ngữ văn',
  'Sư phạm Tiếng Anh',
  'Sư phạm Vật lý',
  'Sư phạm Hóa học',
  'Sư phạm Sinh học',
  'Sư phạm Lịch sử',
  'Sư phạm Địa lý',
  'Sư phạm Tin học',
  'Giáo dục Tiểu học',
  'Giáo dục Mầm non',
  'Giáo dục Thể chất',
  'Sư phạm Âm nhạc',
];
const healthFields = [
  'Y đa khoa',
  'Điều dưỡng',
  'Dược',
  'Y học cổ truyền',
  'Y tế công cộng',
  'Hộ sinh',
  'Răng Hàm Mặt',
];
const policeFields = [
  'Điều tra trinh sát',
  'Cảnh sát nhân dân',
  'An ninh nhân dân',
  'Luật',
  'Quản lý hành chính về trật tự xã hội',
];
const militaryFields = ['Chỉ huy tham mưu', 'Quân sự cơ sở', 'Công tác chính trị', 'Hậu cần'];
const enterpriseFields = [
  'Kỹ thuật xây dựng',
  'Kế toán',
  'Quản trị kinh doanh',
  'Kỹ thuật môi trường',
  'Cơ khí chế tạo máy',
  'Kỹ thuật điện',
  'Công nghệ thông tin',
  'Kinh tế',
  'Cấp thoát nước',
];
const cooperativeFields = ['Trồng trọt', 'Chăn nuôi - Thú y', 'Kinh tế nông nghiệp', 'Kế toán'];

const profiles: Record<MemberKind, Profile> = {
  residential: {
    size: 70,
    femaleShare: 0.46,
    ages: bands(
      [22, 35, 8],
      [35, 50, 12],
      [50, 60, 12],
      [60, 70, 25],
      [70, 80, 25],
      [80, 90, 14],
      [90, 96, 4],
    ),
    status: statusResidential,
    professional: weightedTable<ProfessionalLevel>([
      ['none', 34],
      ['vocational', 18],
      ['college', 9],
      ['bachelor', 30],
      ['master', 6],
      ['doctor', 2],
      ['assoc_prof', 0.6],
      ['professor', 0.4],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 28],
      ['elementary', 44],
      ['intermediate', 19],
      ['advanced', 7],
      ['bachelor', 2],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 78],
      ['officer', 1],
      ['specialist', 14],
      ['principal_specialist', 6],
      ['senior_specialist', 1],
    ]),
    fields: [
      ...agencyFields,
      ...schoolFields.slice(0, 6),
      ...healthFields.slice(0, 3),
      ...enterpriseFields,
      'Trồng trọt',
      'Chỉ huy tham mưu',
    ],
    localShare: 0.55,
    hanoiShare: 0.35,
  },
  agency: {
    size: 15,
    femaleShare: 0.5,
    ages: bands([24, 30, 15], [30, 40, 35], [40, 50, 30], [50, 60, 20]),
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['vocational', 3],
      ['college', 2],
      ['bachelor', 73],
      ['master', 20],
      ['doctor', 2],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 4],
      ['elementary', 38],
      ['intermediate', 43],
      ['advanced', 12],
      ['bachelor', 3],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 18],
      ['officer', 8],
      ['specialist', 58],
      ['principal_specialist', 13],
      ['senior_specialist', 3],
    ]),
    fields: agencyFields,
    localShare: 0.3,
    hanoiShare: 0.4,
  },
  party_mass: {
    size: 15,
    femaleShare: 0.55,
    ages: bands([24, 30, 12], [30, 40, 33], [40, 50, 33], [50, 60, 22]),
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['vocational', 3],
      ['college', 3],
      ['bachelor', 74],
      ['master', 19],
      ['doctor', 1],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 2],
      ['elementary', 30],
      ['intermediate', 50],
      ['advanced', 15],
      ['bachelor', 3],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 20],
      ['officer', 6],
      ['specialist', 58],
      ['principal_specialist', 14],
      ['senior_specialist', 2],
    ]),
    fields: agencyFields,
    localShare: 0.35,
    hanoiShare: 0.4,
  },
  school: {
    size: 15,
    femaleShare: 0.78,
    ages: workingAges,
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['vocational', 2],
      ['college', 8],
      ['bachelor', 76],
      ['master', 13],
      ['doctor', 1],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 14],
      ['elementary', 70],
      ['intermediate', 15],
      ['advanced', 1],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 72],
      ['specialist', 25],
      ['principal_specialist', 3],
    ]),
    fields: schoolFields,
    localShare: 0.25,
    hanoiShare: 0.4,
  },
  health: {
    size: 14,
    femaleShare: 0.68,
    ages: workingAges,
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['vocational', 25],
      ['college', 22],
      ['bachelor', 43],
      ['master', 9],
      ['doctor', 1],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 20],
      ['elementary', 68],
      ['intermediate', 11],
      ['advanced', 1],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 74],
      ['specialist', 23],
      ['principal_specialist', 3],
    ]),
    fields: healthFields,
    localShare: 0.2,
    hanoiShare: 0.4,
  },
  police: {
    size: 20,
    femaleShare: 0.14,
    ages: bands([22, 30, 35], [30, 40, 35], [40, 50, 22], [50, 58, 8]),
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['none', 3],
      ['vocational', 22],
      ['college', 5],
      ['bachelor', 60],
      ['master', 10],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 4],
      ['elementary', 30],
      ['intermediate', 56],
      ['advanced', 9],
      ['bachelor', 1],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 86],
      ['specialist', 12],
      ['principal_specialist', 2],
    ]),
    fields: policeFields,
    localShare: 0.1,
    hanoiShare: 0.3,
  },
  military: {
    size: 10,
    femaleShare: 0.06,
    ages: bands([22, 30, 30], [30, 40, 35], [40, 50, 25], [50, 58, 10]),
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['none', 10],
      ['vocational', 35],
      ['college', 8],
      ['bachelor', 42],
      ['master', 5],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 4],
      ['elementary', 44],
      ['intermediate', 46],
      ['advanced', 6],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 88],
      ['specialist', 11],
      ['principal_specialist', 1],
    ]),
    fields: militaryFields,
    localShare: 0.4,
    hanoiShare: 0.3,
  },
  enterprise: {
    size: 14,
    femaleShare: 0.35,
    ages: bands([23, 30, 15], [30, 40, 30], [40, 50, 30], [50, 60, 25]),
    status: statusWorking,
    professional: weightedTable<ProfessionalLevel>([
      ['none', 12],
      ['vocational', 22],
      ['college', 14],
      ['bachelor', 44],
      ['master', 7],
      ['doctor', 1],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 30],
      ['elementary', 58],
      ['intermediate', 11],
      ['advanced', 1],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 94],
      ['specialist', 5],
      ['principal_specialist', 1],
    ]),
    fields: enterpriseFields,
    localShare: 0.15,
    hanoiShare: 0.4,
  },
  cooperative: {
    size: 20,
    femaleShare: 0.35,
    ages: bands([30, 45, 20], [45, 60, 45], [60, 75, 35]),
    status: statusResidential,
    professional: weightedTable<ProfessionalLevel>([
      ['none', 45],
      ['vocational', 30],
      ['college', 10],
      ['bachelor', 14],
      ['master', 1],
    ]),
    political: weightedTable<PoliticalTheoryLevel>([
      ['none', 30],
      ['elementary', 58],
      ['intermediate', 12],
    ]),
    stateManagement: weightedTable<StateManagementLevel>([
      ['none', 96],
      ['officer', 4],
    ]),
    fields: cooperativeFields,
    localShare: 0.8,
    hanoiShare: 0.5,
  },
};

/** Probationary members are young: they joined within the last 12 months. */
const probationaryAges = bands([19, 25, 45], [25, 32, 35], [32, 40, 15], [40, 50, 5]);
const probationaryPolitical = weightedTable<PoliticalTheoryLevel>([
  ['none', 75],
  ['elementary', 25],
]);
const deceasedAges = bands([70, 80, 35], [80, 90, 45], [90, 96, 20]);

/** Dân tộc of party members in Hà Nội (~95% Kinh). */
const ethnicityTable = weightedTable<string>([
  ['Kinh', 95.3],
  ['Mường', 1.5],
  ['Tày', 1.0],
  ['Thái', 0.6],
  ['Nùng', 0.5],
  ['Dao', 0.35],
  ["H'Mông", 0.15],
  ['Hoa', 0.15],
  ['Sán Dìu', 0.12],
  ['Sán Chay', 0.08],
  ['Giáy', 0.04],
  ['Khmer', 0.05],
  ['Chăm', 0.03],
  ['Ê Đê', 0.03],
]);

/** Where members of an ethnic minority come from. */
const minorityHomes: Readonly<Record<string, readonly Province[]>> = {
  Mường: ['Phú Thọ', 'Hà Nội', 'Thanh Hóa', 'Ninh Bình'],
  Tày: ['Tuyên Quang', 'Cao Bằng', 'Lạng Sơn', 'Thái Nguyên', 'Lào Cai'],
  Thái: ['Sơn La', 'Điện Biên', 'Lai Châu', 'Nghệ An', 'Thanh Hóa'],
  Nùng: ['Lạng Sơn', 'Cao Bằng', 'Thái Nguyên', 'Bắc Ninh'],
  Dao: ['Lào Cai', 'Tuyên Quang', 'Hà Nội', 'Quảng Ninh'],
  "H'Mông": ['Lào Cai', 'Tuyên Quang', 'Điện Biên', 'Sơn La'],
  Hoa: ['Hà Nội', 'Hải Phòng', 'Quảng Ninh', 'Thành phố Hồ Chí Minh'],
  'Sán Dìu': ['Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Quảng Ninh'],
  'Sán Chay': ['Tuyên Quang', 'Thái Nguyên', 'Bắc Ninh'],
  Giáy: ['Lào Cai', 'Lai Châu'],
  Khmer: ['Vĩnh Long', 'Cần Thơ', 'An Giang', 'Cà Mau'],
  Chăm: ['An Giang', 'Khánh Hòa'],
  'Ê Đê': ['Đắk Lắk'],
};

const religionTable = weightedTable<string>([
  ['Không', 92],
  ['Phật giáo', 5.2],
  ['Công giáo', 2.4],
  ['Tin Lành', 0.25],
  ['Cao Đài', 0.08],
  ['Phật giáo Hòa Hảo', 0.04],
  ['Hồi giáo', 0.03],
]);

/** Quê quán outside Hà Nội: mostly the Red River delta and the North Central coast. */
const otherProvinceTable = weightedTable<Province>([
  ['Ninh Bình', 14],
  ['Hưng Yên', 14],
  ['Phú Thọ', 10],
  ['Bắc Ninh', 10],
  ['Hải Phòng', 9],
  ['Thanh Hóa', 9],
  ['Nghệ An', 8],
  ['Hà Tĩnh', 5],
  ['Thái Nguyên', 3],
  ['Quảng Ninh', 2],
  ['Tuyên Quang', 2],
  ['Lào Cai', 1.5],
  ['Lạng Sơn', 1.5],
  ['Quảng Trị', 1.5],
  ['Cao Bằng', 1],
  ['Sơn La', 1],
  ['Huế', 1],
  ['Đà Nẵng', 0.8],
  ['Điện Biên', 0.5],
  ['Quảng Ngãi', 0.5],
  ['Thành phố Hồ Chí Minh', 0.5],
  ['Lai Châu', 0.3],
  ['Gia Lai', 0.3],
  ['Khánh Hòa', 0.3],
  ['Đắk Lắk', 0.3],
  ['Lâm Đồng', 0.2],
  ['Đồng Nai', 0.2],
  ['Tây Ninh', 0.1],
  ['Cần Thơ', 0.1],
  ['Vĩnh Long', 0.1],
  ['Đồng Tháp', 0.1],
  ['An Giang', 0.1],
  ['Cà Mau', 0.1],
]);

/**
 * First three digits of the số định danh: the code of the province where the birth was
 * registered (Thông tư 07/2016/TT-BCA). Merged provinces keep their predecessors' codes, and
 * older people's numbers carry the old code, so each entry lists all of them.
 */
export const idProvinceCodes: Readonly<Record<Province, readonly string[]>> = {
  'Hà Nội': ['001'],
  Huế: ['046'],
  'Hải Phòng': ['031', '030'],
  'Đà Nẵng': ['048', '049'],
  'Thành phố Hồ Chí Minh': ['079', '074', '077'],
  'Cần Thơ': ['092', '094', '093'],
  'Tuyên Quang': ['008', '002'],
  'Cao Bằng': ['004'],
  'Lai Châu': ['012'],
  'Lào Cai': ['010', '015'],
  'Thái Nguyên': ['019', '006'],
  'Điện Biên': ['011'],
  'Lạng Sơn': ['020'],
  'Sơn La': ['014'],
  'Phú Thọ': ['025', '026', '017'],
  'Bắc Ninh': ['027', '024'],
  'Quảng Ninh': ['022'],
  'Hưng Yên': ['033', '034'],
  'Ninh Bình': ['037', '035', '036'],
  'Thanh Hóa': ['038'],
  'Nghệ An': ['040'],
  'Hà Tĩnh': ['042'],
  'Quảng Trị': ['045', '044'],
  'Quảng Ngãi': ['051', '062'],
  'Gia Lai': ['064', '052'],
  'Khánh Hòa': ['056', '058'],
  'Lâm Đồng': ['068', '067', '060'],
  'Đắk Lắk': ['066', '054'],
  'Đồng Nai': ['075', '070'],
  'Tây Ninh': ['072', '080'],
  'Vĩnh Long': ['086', '083', '084'],
  'Đồng Tháp': ['087', '082'],
  'An Giang': ['089', '091'],
  'Cà Mau': ['096', '095'],
};

// ---------------------------------------------------------------------------------------------
// Unique numbers that look random: a small Feistel network is a bijection on [0, 10^2k), so
// feeding it a counter gives distinct, scattered values without remembering the ones used.

function roundValue(x: number, key: number, round: number, mod: number): number {
  let h = Math.imul(x ^ key, 0x9e3779b1) ^ Math.imul(round + 1, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % mod;
}

/** Permutes [0, half²) with four Feistel rounds over two base-`half` digits. */
function permute(x: number, key: number, half: number): number {
  let l = Math.floor(x / half);
  let r = x % half;
  for (let round = 0; round < 4; round++) {
    const next = (l + roundValue(r, key, round, half)) % half;
    l = r;
    r = next;
  }
  return l * half + r;
}

const DAYS_PER_YEAR = 365.2425;
/** Days from birth to the 18th birthday, rounded up over every leap-year pattern. */
const DAYS_TO_18 = 6575;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function inferKind(unit: DemoUnit): MemberKind {
  if (unit.kind && unit.kind !== 'territorial') return unit.kind;
  const n = unit.name;
  if (/Tổ dân phố|Khu dân cư|Thôn|Xóm|Khu đô thị/.test(n)) return 'residential';
  if (/Trường/.test(n)) return 'school';
  if (/Y tế|Bệnh viện/.test(n)) return 'health';
  if (/Công an/.test(n)) return 'police';
  if (/Quân sự/.test(n)) return 'military';
  if (/Công ty|Xí nghiệp|Doanh nghiệp/.test(n)) return 'enterprise';
  if (/Hợp tác xã/.test(n)) return 'cooperative';
  if (/Mặt trận|Đoàn thể|Đảng ủy/.test(n)) return 'party_mass';
  return 'agency';
}

interface UnitContext {
  unit: DemoUnit;
  profile: Profile;
  kind: MemberKind;
  /** "Phường Tây Hồ" */
  locality: string;
  /** "phường Tây Hồ, Hà Nội" */
  localityAddress: string;
  isWard: boolean;
  /** For residential cells, the area in the address: "tổ dân phố số 3", "thôn Đông Hòa". */
  neighbourhood: string | null;
}

function unitContext(unit: DemoUnit): UnitContext {
  const kind = inferKind(unit);
  const locality = unit.locality || 'Hà Nội';
  const residentialArea = unit.name.replace(/^Chi bộ /, '');
  return {
    unit,
    profile: profiles[kind],
    kind,
    locality,
    localityAddress: locality === 'Hà Nội' ? 'Hà Nội' : `${lowerFirst(locality)}, Hà Nội`,
    isWard: !locality.startsWith('Xã'),
    neighbourhood:
      kind === 'residential' && residentialArea !== unit.name ? lowerFirst(residentialArea) : null,
  };
}

/**
 * Streams `count` members over the current chi bộ of `units` (grassroots_cell and cell with
 * validTo null), grouped by unit. Deterministic for a given tree, count and seed.
 */
export function* generateMembers(
  units: readonly DemoUnit[],
  count: number,
  seed: number = DEFAULT_SEED,
): Generator<DemoMember> {
  const holders = units.filter(holdsMembers);
  if (count <= 0) return;
  if (holders.length === 0) throw new Error('no current chi bộ to put members in');

  const contexts = holders.map(unitContext);
  const sizeRng = new Rng(hashSeed(seed, 'member-sizes'));
  const weights = contexts.map((c) => {
    // Residential chi bộ directly under the commune are the big ones.
    const base = c.profile.size * (c.kind === 'residential' && c.unit.type === 'cell' ? 0.7 : 1);
    return base * Math.exp(0.45 * sizeRng.normal());
  });
  const sizes = allocate(count, weights);

  const localities = [
    ...new Set(
      units
        .filter((u) => u.type === 'commune' && u.validTo === null)
        .map((u) => u.locality)
        .concat(contexts.map((c) => c.locality)),
    ),
  ].filter((l) => l !== 'Hà Nội');
  const otherLocalities = localities.length > 0 ? localities : ['Phường Tây Hồ'];

  const rng = new Rng(hashSeed(seed, 'members'));
  const refDay = toDayNumber(DEMO_REFERENCE_DATE);
  const idKey = hashSeed(seed, 'id-number');
  const cardKey = hashSeed(seed, 'card-number');
  // Next serial per id prefix (province code, gender/century digit, two-digit year).
  const idCounters = new Int32Array(1000 * 10 * 100);
  let cardCounter = 0;

  const hometownOf = (
    ctx: UnitContext,
    ethnicity: string,
  ): { commune: string; province: Province } => {
    const minorityHome = ethnicity === 'Kinh' ? undefined : minorityHomes[ethnicity];
    if (minorityHome) {
      const province = rng.pick(minorityHome);
      return {
        commune: province === 'Hà Nội' ? rng.pick(otherLocalities) : `Xã ${randomPlaceName(rng)}`,
        province,
      };
    }
    if (rng.chance(ctx.profile.localShare)) return { commune: ctx.locality, province: 'Hà Nội' };
    if (rng.chance(ctx.profile.hanoiShare)) {
      return { commune: rng.pick(otherLocalities), province: 'Hà Nội' };
    }
    const province = otherProvinceTable(rng);
    const level = rng.chance(0.85) ? 'Xã' : 'Phường';
    return { commune: `${level} ${randomPlaceName(rng)}`, province };
  };

  const addressIn = (localityAddress: string, isWard: boolean): string =>
    isWard
      ? `Số ${rng.int(1, 120)} ngõ ${rng.int(1, 350)}, tổ dân phố số ${rng.int(1, 45)}, ${localityAddress}`
      : `Thôn ${randomPlaceName(rng)}, ${localityAddress}`;

  for (let u = 0; u < contexts.length; u++) {
    const ctx = contexts[u] as UnitContext;
    const n = sizes[u] as number;
    const p = ctx.profile;
    for (let i = 0; i < n; i++) {
      const status = p.status(rng);
      const gender: Gender = rng.chance(p.femaleShare) ? 'female' : 'male';

      // Age on the reference date, then the dates.
      const [lo, hi] =
        status === 'probationary'
          ? probationaryAges(rng)
          : status === 'deceased' && ctx.kind === 'residential'
            ? deceasedAges(rng)
            : p.ages(rng);
      const age = rng.real(Math.max(lo, status === 'probationary' ? 19 : 20), hi);
      const birthDay = refDay - Math.floor(age * DAYS_PER_YEAR);
      const birthDate = fromDayNumber(birthDay);
      const birthYear = Number(birthDate.slice(0, 4));

      let joinDay: number;
      if (status === 'probationary') {
        joinDay = refDay - rng.int(0, 364);
      } else {
        // Full members finished their 12 months; most joined in their twenties.
        const minJoin = birthDay + DAYS_TO_18;
        const maxJoin = Math.min(refDay - 366, birthDay + Math.floor(50 * DAYS_PER_YEAR));
        joinDay = minJoin + Math.floor((maxJoin - minJoin) * Math.pow(rng.next(), 1.8));
      }
      const joinDate = fromDayNumber(joinDay);
      const isFull = status !== 'probationary';
      const officialDate = isFull ? addYears(joinDate, 1) : null;
      const cardNumber = isFull
        ? String(permute(cardCounter++, cardKey, 10_000)).padStart(8, '0')
        : null;

      // Identity.
      const ethnicity = ethnicityTable(rng);
      const name = generateNameParts(rng, gender, { birthYear, ethnicity });
      let otherNames: string | null = null;
      if (rng.chance(age >= 60 ? 0.04 : 0.01)) {
        const alias = generateNameParts(rng, gender, { birthYear, ethnicity });
        if (alias.given !== name.given)
          otherNames = `${name.family} ${alias.middle} ${alias.given}`;
      }
      const religion = religionTable(rng);
      const home = hometownOf(ctx, ethnicity);
      const bornAtHome = rng.chance(0.7);
      const birthProvince: Province = bornAtHome ? home.province : 'Hà Nội';
      const birthCommune = bornAtHome ? home.commune : rng.pick(otherLocalities);
      const birthplace = `${birthCommune}, ${birthProvince}`;

      let residence: string;
      if (ctx.neighbourhood) {
        residence = ctx.isWard
          ? `Số ${rng.int(1, 120)} ngõ ${rng.int(1, 350)}, ${ctx.neighbourhood}, ${ctx.localityAddress}`
          : `${upperFirst(ctx.neighbourhood)}, ${ctx.localityAddress}`;
      } else if (rng.chance(0.55)) {
        residence = addressIn(ctx.localityAddress, ctx.isWard);
      } else {
        const other = rng.pick(otherLocalities);
        residence = addressIn(`${lowerFirst(other)}, Hà Nội`, !other.startsWith('Xã'));
      }

      // Số định danh: province, gender and century, year of birth, then a serial unique for
      // that prefix.
      const provinceCodes = idProvinceCodes[birthProvince];
      const code =
        provinceCodes.length === 1 ? (provinceCodes[0] as string) : rng.pick(provinceCodes);
      const genderCentury = (birthYear >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
      const prefix = Number(code) * 1000 + genderCentury * 100 + (birthYear % 100);
      const serial = idCounters[prefix] as number;
      if (serial >= 1_000_000) throw new Error(`more than a million id numbers for ${prefix}`);
      idCounters[prefix] = serial + 1;
      const idNumber =
        String(prefix).padStart(6, '0') +
        String(permute(serial, idKey ^ prefix, 1000)).padStart(6, '0');

      // Education, with the caps that age and schooling impose.
      let generalEducation: GeneralEducation = 'grade_12';
      const grade9Chance =
        ctx.kind === 'residential'
          ? age >= 65
            ? 0.3
            : 0.05
          : ctx.kind === 'cooperative'
            ? age >= 50
              ? 0.35
              : 0.1
            : 0.01;
      if (rng.chance(grade9Chance)) generalEducation = 'grade_9';

      let professionalLevel = p.professional(rng);
      if (generalEducation === 'grade_9' && professionalLevel !== 'none') {
        professionalLevel = 'vocational';
      }
      if (age < 28 && (professionalLevel === 'doctor' || professionalLevel === 'master')) {
        professionalLevel = age < 24 ? 'bachelor' : 'master';
      }
      if (age < 45 && (professionalLevel === 'assoc_prof' || professionalLevel === 'professor')) {
        professionalLevel = 'doctor';
      }
      const professionalField = professionalLevel === 'none' ? null : rng.pick(p.fields);

      let politicalTheory =
        status === 'probationary' ? probationaryPolitical(rng) : p.political(rng);
      if (age < 30 && (politicalTheory === 'advanced' || politicalTheory === 'bachelor')) {
        politicalTheory = 'intermediate';
      }
      let stateManagement = p.stateManagement(rng);
      if (
        age < 35 &&
        (stateManagement === 'principal_specialist' || stateManagement === 'senior_specialist')
      ) {
        stateManagement = 'specialist';
      }

      yield {
        unitKey: ctx.unit.key,
        fullName: name.fullName,
        otherNames,
        gender,
        birthDate,
        birthplace,
        hometownCommune: home.commune,
        hometownProvince: home.province,
        residence,
        ethnicity,
        religion,
        idNumber,
        joinDate,
        officialDate,
        cardNumber,
        status,
        generalEducation,
        professionalLevel,
        professionalField,
        politicalTheory,
        stateManagement,
      };
    }
  }
}
