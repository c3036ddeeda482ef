/**
 * Demo organisation tree: Đảng bộ Thành phố Hà Nội with commune-level đảng bộ formed on
 * 1 July 2025 from the former quận Tây Hồ and huyện Thanh Trì, their grassroots organisations
 * (đảng bộ cơ sở, chi bộ cơ sở), đảng bộ bộ phận and chi bộ trực thuộc, plus the history: the
 * two former district committees and the former ward/commune committees, closed on 30 June 2025
 * with a pointer to the unit they merged into.
 *
 * The shape is plausible, not authoritative: real mergers split some wards between several new
 * units, and the grassroots organisations, schools and companies here are invented.
 * Pure functions, no I/O; the same options give the same tree.
 */
import type { UnitType } from '../../contracts/enums.ts';
import { Rng, hashSeed, weightedTable } from './rng.ts';

/** What a unit does; drives member profiles (age, gender, education) in the generator. */
export const demoUnitKinds = [
  'territorial', // province, district, commune-level đảng bộ
  'agency', // cơ quan chính quyền
  'party_mass', // cơ quan Đảng, Mặt trận, đoàn thể
  'police',
  'military',
  'health',
  'school',
  'enterprise',
  'cooperative',
  'residential', // tổ dân phố, khu dân cư, thôn
] as const;
export type DemoUnitKind = (typeof demoUnitKinds)[number];

export interface DemoUnit {
  key: string;
  parentKey: string | null;
  type: UnitType;
  code: string;
  name: string;
  /** The commune/ward (e.g. "Phường Tây Hồ") or, for province and district level, the province. */
  locality: string;
  /** yyyy-mm-dd */
  validFrom: string;
  /** yyyy-mm-dd, last day in force; null while current. */
  validTo: string | null;
  /** For a closed unit: the unit it merged into. */
  successorKey?: string | null;
  /** Demo-only hint for the member generator. */
  kind?: DemoUnitKind;
}

export interface UnitTreeOptions {
  /** Number of current grassroots organisations (đảng bộ cơ sở + chi bộ cơ sở). Default 70. */
  grassrootsTarget?: number;
  seed?: number;
}

export const DEFAULT_SEED = 2025;
export const DEFAULT_GRASSROOTS_TARGET = 70;
/** Two-tier local government took effect on this day. */
export const REORGANISATION_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_REORGANISATION = '2025-06-30';

export const grassrootsTypes: readonly UnitType[] = ['grassroots_committee', 'grassroots_cell'];
/** Unit types whose current units hold members directly. */
export const memberHoldingTypes: readonly UnitType[] = ['grassroots_cell', 'cell'];

export function isCurrent(unit: DemoUnit): boolean {
  return unit.validTo === null;
}

/** A unit that members belong to: current chi bộ cơ sở or chi bộ trực thuộc. */
export function holdsMembers(unit: DemoUnit): boolean {
  return unit.validTo === null && memberHoldingTypes.includes(unit.type);
}

type Level = 'Phường' | 'Xã';

interface CommuneSpec {
  code: string;
  level: Level;
  name: string;
  /** Sub-areas (former wards, villages) used to name schools, residential areas and so on. */
  places: readonly string[];
}

/** Post-2025 commune-level units of the demo, from former Tây Hồ and Thanh Trì. */
const namedCommunes: readonly CommuneSpec[] = [
  {
    code: 'TH',
    level: 'Phường',
    name: 'Tây Hồ',
    places: ['Quảng An', 'Nhật Tân', 'Tứ Liên', 'Yên Phụ', 'Bưởi', 'Thụy Khuê'],
  },
  { code: 'PT', level: 'Phường', name: 'Phú Thượng', places: ['Phú Thượng', 'Xuân La', 'Phú Gia'] },
  {
    code: 'TT',
    level: 'Xã',
    name: 'Thanh Trì',
    places: ['Văn Điển', 'Tứ Hiệp', 'Tam Hiệp', 'Yên Mỹ', 'Duyên Hà', 'Vạn Phúc'],
  },
  { code: 'DT', level: 'Xã', name: 'Đại Thanh', places: ['Tả Thanh Oai', 'Hữu Hòa', 'Vĩnh Quỳnh'] },
  { code: 'NP', level: 'Xã', name: 'Nam Phù', places: ['Đông Mỹ', 'Ngũ Hiệp', 'Liên Ninh'] },
  { code: 'NH', level: 'Xã', name: 'Ngọc Hồi', places: ['Ngọc Hồi', 'Đại Áng'] },
  { code: 'TL', level: 'Phường', name: 'Thanh Liệt', places: ['Thanh Liệt', 'Tân Triều'] },
];

interface FormerUnit {
  level: 'Phường' | 'Xã' | 'Thị trấn';
  name: string;
  /** Code of the named commune it merged into. */
  successor: string;
}

interface FormerDistrict {
  code: string;
  name: string;
  validFrom: string;
  units: readonly FormerUnit[];
}

/** Districts abolished on 1 July 2025, with their wards/communes (simplified successor map). */
const formerDistricts: readonly FormerDistrict[] = [
  {
    code: 'QTH',
    name: 'Đảng bộ quận Tây Hồ',
    validFrom: '1996-01-01',
    units: [
      { level: 'Phường', name: 'Bưởi', successor: 'TH' },
      { level: 'Phường', name: 'Nhật Tân', successor: 'TH' },
      { level: 'Phường', name: 'Phú Thượng', successor: 'PT' },
      { level: 'Phường', name: 'Quảng An', successor: 'TH' },
      { level: 'Phường', name: 'Thụy Khuê', successor: 'TH' },
      { level: 'Phường', name: 'Tứ Liên', successor: 'TH' },
      { level: 'Phường', name: 'Xuân La', successor: 'PT' },
      { level: 'Phường', name: 'Yên Phụ', successor: 'TH' },
    ],
  },
  {
    code: 'HTT',
    name: 'Đảng bộ huyện Thanh Trì',
    // Demo start of the records (the district itself is older).
    validFrom: '1990-01-01',
    units: [
      { level: 'Thị trấn', name: 'Văn Điển', successor: 'TT' },
      { level: 'Xã', name: 'Đại Áng', successor: 'NH' },
      { level: 'Xã', name: 'Đông Mỹ', successor: 'NP' },
      { level: 'Xã', name: 'Duyên Hà', successor: 'TT' },
      { level: 'Xã', name: 'Hữu Hòa', successor: 'DT' },
      { level: 'Xã', name: 'Liên Ninh', successor: 'NP' },
      { level: 'Xã', name: 'Ngọc Hồi', successor: 'NH' },
      { level: 'Xã', name: 'Ngũ Hiệp', successor: 'NP' },
      { level: 'Xã', name: 'Tả Thanh Oai', successor: 'DT' },
      { level: 'Xã', name: 'Tam Hiệp', successor: 'TT' },
      { level: 'Xã', name: 'Tân Triều', successor: 'TL' },
      { level: 'Xã', name: 'Thanh Liệt', successor: 'TL' },
      { level: 'Xã', name: 'Tứ Hiệp', successor: 'TT' },
      { level: 'Xã', name: 'Vạn Phúc', successor: 'TT' },
      { level: 'Xã', name: 'Vĩnh Quỳnh', successor: 'DT' },
      { level: 'Xã', name: 'Yên Mỹ', successor: 'TT' },
    ],
  },
];

/** Syllables for generated place names ("Đông Hòa", "Phú Thịnh"). */
export const placeFirstSyllables: readonly string[] = [
  'An',
  'Bình',
  'Cẩm',
  'Đại',
  'Đông',
  'Đức',
  'Gia',
  'Hòa',
  'Hồng',
  'Hưng',
  'Hương',
  'Kim',
  'Lạc',
  'Liên',
  'Long',
  'Minh',
  'Mỹ',
  'Nam',
  'Ngọc',
  'Nhân',
  'Phú',
  'Phúc',
  'Phượng',
  'Quảng',
  'Quang',
  'Tân',
  'Tây',
  'Thanh',
  'Thạch',
  'Thái',
  'Thịnh',
  'Thượng',
  'Tiên',
  'Trung',
  'Vạn',
  'Văn',
  'Vĩnh',
  'Xuân',
  'Yên',
];
export const placeSecondSyllables: readonly string[] = [
  'An',
  'Bình',
  'Châu',
  'Đình',
  'Dương',
  'Giang',
  'Hà',
  'Hải',
  'Hòa',
  'Hưng',
  'Khê',
  'Lâm',
  'Lạc',
  'Lộc',
  'Long',
  'Minh',
  'Nghĩa',
  'Ninh',
  'Phong',
  'Phú',
  'Phúc',
  'Sơn',
  'Tâm',
  'Thành',
  'Thịnh',
  'Thọ',
  'Thuận',
  'Tiến',
  'Trạch',
  'Trung',
  'Vinh',
  'Xá',
  'Xuân',
  'Yên',
];

/** A random two-syllable place name. */
export function randomPlaceName(rng: Rng): string {
  const a = rng.pick(placeFirstSyllables);
  let b = rng.pick(placeSecondSyllables);
  while (b === a) b = rng.pick(placeSecondSyllables);
  return `${a} ${b}`;
}

/** Hands out names that are unique within one pool: given ones first, then generated ones. */
class NamePool {
  private readonly used = new Set<string>();
  private next = 0;

  constructor(
    private readonly rng: Rng,
    private readonly preferred: readonly string[] = [],
    private readonly generate: (rng: Rng) => string = randomPlaceName,
  ) {}

  take(): string {
    while (this.next < this.preferred.length) {
      const name = this.preferred[this.next++] as string;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    for (let i = 0; i < 30; i++) {
      const name = this.generate(this.rng);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
    const base = this.generate(this.rng);
    for (let n = 2; ; n++) {
      const name = `${base} ${n}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

const kindergartenNames: readonly string[] = [
  'Hoa Sen',
  'Họa Mi',
  'Sơn Ca',
  'Hoa Mai',
  'Hướng Dương',
  'Ánh Dương',
  'Tuổi Thơ',
  'Hoa Hồng',
  'Bình Minh',
  'Hoa Ban',
  'Sao Mai',
  'Hoa Đào',
];
const companyTrades: readonly string[] = [
  'Môi trường đô thị',
  'Đầu tư và Xây dựng',
  'Thương mại và Dịch vụ',
  'Cơ khí',
  'Vận tải',
  'Xây lắp điện',
  'Dược phẩm',
  'May',
  'Bao bì',
  'Kinh doanh nước sạch',
  'Tư vấn thiết kế',
  'Du lịch',
];
const companyBrands: readonly string[] = [
  'Thăng Long',
  'Hồng Hà',
  'Sông Hồng',
  'Hà Thành',
  'Đại Việt',
  'Tràng An',
  'Phương Đông',
  'Hòa Bình',
  'Việt Hưng',
  'Kinh Bắc',
  'Đông Đô',
  'Tây Đô',
];

/** Per-commune state while its grassroots organisations are generated. */
class CommuneBuilder {
  readonly out: DemoUnit[] = [];
  private grassroots = 0;
  private tdp = 0;
  private khuDanCu = 0;
  private readonly places: NamePool;
  private readonly villages: NamePool;
  private readonly secondarySchools: NamePool;
  private readonly primarySchools: NamePool;
  private readonly kindergartens: NamePool;
  private readonly companies: NamePool;
  private readonly cooperatives: NamePool;

  constructor(
    private readonly rng: Rng,
    readonly unit: DemoUnit,
    readonly level: Level,
    readonly shortName: string,
    places: readonly string[],
    private readonly codeWidth: number,
  ) {
    this.places = new NamePool(rng, places);
    this.villages = new NamePool(rng, level === 'Xã' ? places : []);
    this.secondarySchools = new NamePool(rng, places);
    this.primarySchools = new NamePool(rng, places);
    this.kindergartens = new NamePool(rng, [...places, ...kindergartenNames]);
    this.cooperatives = new NamePool(rng, places);
    this.companies = new NamePool(
      rng,
      [],
      (r) => `${r.pick(companyTrades)} ${r.pick(companyBrands)}`,
    );
  }

  /** "phường Tây Hồ" as written after "Đảng bộ", "Công an" and the like. */
  get inName(): string {
    return `${this.level.toLowerCase()} ${this.shortName}`;
  }

  private add(
    parent: DemoUnit,
    type: UnitType,
    name: string,
    kind: DemoUnitKind,
    index: number,
    width = 2,
  ): DemoUnit {
    const code = `${parent.code}.${String(index).padStart(width, '0')}`;
    const unit: DemoUnit = {
      key: `u:${code}`,
      parentKey: parent.key,
      type,
      code,
      name,
      locality: this.unit.locality,
      validFrom: REORGANISATION_DATE,
      validTo: null,
      kind,
    };
    this.out.push(unit);
    return unit;
  }

  private grassrootsUnit(type: UnitType, name: string, kind: DemoUnitKind): DemoUnit {
    this.grassroots++;
    return this.add(this.unit, type, name, kind, this.grassroots, this.codeWidth);
  }

  private cells(parent: DemoUnit, names: readonly string[], kind: DemoUnitKind, start = 1) {
    names.forEach((n, i) => this.add(parent, 'cell', `Chi bộ ${n}`, kind, start + i));
  }

  /** Between min and max names from the list, in order. */
  private some(names: readonly string[], min: number, max: number): string[] {
    return names.slice(0, this.rng.int(min, Math.min(max, names.length)));
  }

  private nextTdp(): string {
    if (this.level === 'Xã') return `Thôn ${this.villages.take()}`;
    return `Tổ dân phố số ${++this.tdp}`;
  }

  // --- the organisations every commune has, in this order ---

  readonly core: readonly (() => void)[] = [
    () => {
      const g = this.grassrootsUnit(
        'grassroots_committee',
        `Đảng bộ Cơ quan Ủy ban nhân dân ${this.inName}`,
        'agency',
      );
      const offices = [
        'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân',
        this.level === 'Phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế',
        'Phòng Văn hóa - Xã hội',
        'Trung tâm Phục vụ hành chính công',
      ];
      this.cells(g, this.some(offices, 3, 4), 'agency');
    },
    () =>
      this.grassrootsUnit(
        'grassroots_cell',
        `Chi bộ Cơ quan Đảng ủy - Mặt trận Tổ quốc ${this.inName}`,
        'party_mass',
      ),
    () => {
      const g = this.grassrootsUnit(
        'grassroots_committee',
        `Đảng bộ Công an ${this.inName}`,
        'police',
      );
      const teams = ['Cảnh sát khu vực', 'Tổng hợp', 'An ninh trật tự', 'Cảnh sát phòng cháy'];
      this.cells(g, this.some(teams, 2, 4), 'police');
    },
    () =>
      this.grassrootsUnit(
        'grassroots_cell',
        `Chi bộ Ban Chỉ huy Quân sự ${this.inName}`,
        'military',
      ),
    () => this.grassrootsUnit('grassroots_cell', `Chi bộ Trạm Y tế ${this.inName}`, 'health'),
  ];

  // --- the rest, drawn at random ---

  residentialCell(): void {
    const area =
      this.level === 'Phường' && this.rng.chance(0.3)
        ? `Khu dân cư số ${++this.khuDanCu}`
        : this.nextTdp();
    this.grassrootsUnit('grassroots_cell', `Chi bộ ${area}`, 'residential');
  }

  residentialCommittee(): void {
    const g = this.grassrootsUnit(
      'grassroots_committee',
      `Đảng bộ Khu dân cư ${this.places.take()}`,
      'residential',
    );
    const n = this.rng.int(3, 6);
    let i = 1;
    if (this.level === 'Phường' && this.rng.chance(0.25)) {
      // A new urban area with its own đảng bộ bộ phận.
      const sub = this.add(
        g,
        'sub_committee',
        `Đảng bộ bộ phận Khu đô thị mới ${randomPlaceName(this.rng)}`,
        'residential',
        i++,
      );
      const k = this.rng.int(2, 3);
      for (let j = 1; j <= k; j++)
        this.add(sub, 'cell', `Chi bộ ${this.nextTdp()}`, 'residential', j);
    }
    for (; i <= n; i++) this.add(g, 'cell', `Chi bộ ${this.nextTdp()}`, 'residential', i);
  }

  secondarySchool(): void {
    const name = `Trường THCS ${this.secondarySchools.take()}`;
    if (this.rng.chance(0.6)) {
      const g = this.grassrootsUnit('grassroots_committee', `Đảng bộ ${name}`, 'school');
      const groups = ['Tổ Khoa học Tự nhiên', 'Tổ Khoa học Xã hội', 'Văn phòng'];
      this.cells(g, this.some(groups, 2, 3), 'school');
    } else {
      this.grassrootsUnit('grassroots_cell', `Chi bộ ${name}`, 'school');
    }
  }

  primarySchool(): void {
    const name = `Trường Tiểu học ${this.primarySchools.take()}`;
    if (this.rng.chance(0.4)) {
      const g = this.grassrootsUnit('grassroots_committee', `Đảng bộ ${name}`, 'school');
      const groups = ['Khối 1, 2, 3', 'Khối 4, 5', 'Văn phòng'];
      this.cells(g, this.some(groups, 2, 3), 'school');
    } else {
      this.grassrootsUnit('grassroots_cell', `Chi bộ ${name}`, 'school');
    }
  }

  kindergarten(): void {
    this.grassrootsUnit(
      'grassroots_cell',
      `Chi bộ Trường Mầm non ${this.kindergartens.take()}`,
      'school',
    );
  }

  companyCommittee(): void {
    const g = this.grassrootsUnit(
      'grassroots_committee',
      `Đảng bộ Công ty cổ phần ${this.companies.take()}`,
      'enterprise',
    );
    const offices = [
      'Phòng Tổ chức - Hành chính',
      'Phòng Tài chính - Kế toán',
      'Phòng Kế hoạch - Kỹ thuật',
    ];
    const picked = this.some(offices, 1, 3);
    this.cells(g, picked, 'enterprise');
    let i = picked.length + 1;
    const works = this.rng.int(1, 3);
    for (let w = 1; w <= works; w++) {
      if (this.rng.chance(0.35)) {
        const sub = this.add(
          g,
          'sub_committee',
          `Đảng bộ bộ phận Xí nghiệp số ${w}`,
          'enterprise',
          i++,
        );
        const teams = this.rng.int(2, 3);
        for (let t = 1; t <= teams; t++) {
          this.add(sub, 'cell', `Chi bộ Đội sản xuất số ${t}`, 'enterprise', t);
        }
      } else {
        this.add(g, 'cell', `Chi bộ Xí nghiệp số ${w}`, 'enterprise', i++);
      }
    }
  }

  companyCell(): void {
    this.grassrootsUnit(
      'grassroots_cell',
      `Chi bộ Công ty TNHH ${this.companies.take()}`,
      'enterprise',
    );
  }

  cooperative(): void {
    this.grassrootsUnit(
      'grassroots_cell',
      `Chi bộ Hợp tác xã Nông nghiệp ${this.cooperatives.take()}`,
      'cooperative',
    );
  }
}

type Maker = (b: CommuneBuilder) => void;
const wardPool = weightedTable<Maker>([
  [(b) => b.residentialCell(), 35],
  [(b) => b.residentialCommittee(), 10],
  [(b) => b.secondarySchool(), 8],
  [(b) => b.primarySchool(), 8],
  [(b) => b.kindergarten(), 10],
  [(b) => b.companyCommittee(), 11],
  [(b) => b.companyCell(), 9],
]);
const communePool = weightedTable<Maker>([
  [(b) => b.residentialCell(), 35],
  [(b) => b.residentialCommittee(), 8],
  [(b) => b.secondarySchool(), 8],
  [(b) => b.primarySchool(), 8],
  [(b) => b.kindergarten(), 10],
  [(b) => b.companyCommittee(), 7],
  [(b) => b.companyCell(), 6],
  [(b) => b.cooperative(), 10],
]);

/** Splits `total` into parts proportional to `weights`, exactly, by cumulative rounding. */
export function allocate(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  const out: number[] = [];
  let acc = 0;
  let given = 0;
  for (const w of weights) {
    acc += w;
    const upTo = sum > 0 ? Math.floor((total * acc) / sum + 1e-9) : 0;
    out.push(upTo - given);
    given = upTo;
  }
  if (out.length > 0) out[out.length - 1] = (out[out.length - 1] as number) + (total - given);
  return out;
}

/** Average grassroots organisations per generated commune when the target is large. */
const GRASSROOTS_PER_COMMUNE = 45;

/**
 * The demo tree. Units come parents first; every parentKey and successorKey points at an
 * earlier unit. With the default target there are 7 communes and 70 current grassroots
 * organisations (about 190 units with history); a target of N gives about 2.3 × N units (9,000 → about 20,000).
 */
export function generateUnitTree(opts: UnitTreeOptions = {}): DemoUnit[] {
  const target = Math.max(1, Math.floor(opts.grassrootsTarget ?? DEFAULT_GRASSROOTS_TARGET));
  const seed = opts.seed ?? DEFAULT_SEED;
  const rng = new Rng(hashSeed(seed, 'units'));

  const province: DemoUnit = {
    key: 'u:HN',
    parentKey: null,
    type: 'province',
    code: 'HN',
    name: 'Đảng bộ Thành phố Hà Nội',
    locality: 'Hà Nội',
    // Traditional founding day of the Hà Nội party organisation.
    validFrom: '1930-03-17',
    validTo: null,
    kind: 'territorial',
  };
  const units: DemoUnit[] = [province];

  // Communes: the named ones, then generated ones for large targets.
  const communeCount =
    target <= namedCommunes.length * 20
      ? Math.min(namedCommunes.length, target)
      : Math.max(namedCommunes.length, Math.ceil(target / GRASSROOTS_PER_COMMUNE));
  const specs: CommuneSpec[] = namedCommunes.slice(0, communeCount);
  const usedCommuneNames = new Set(namedCommunes.map((c) => c.name));
  const communeNames = new NamePool(rng, []);
  for (let i = specs.length; i < communeCount; i++) {
    let name = communeNames.take();
    while (usedCommuneNames.has(name)) name = communeNames.take();
    usedCommuneNames.add(name);
    const placeCount = rng.int(3, 6);
    const places = Array.from({ length: placeCount }, () => randomPlaceName(rng));
    specs.push({
      code: String(i + 1).padStart(3, '0'),
      level: rng.chance(0.45) ? 'Phường' : 'Xã',
      name,
      places,
    });
  }

  const quotas = allocate(
    target,
    specs.map(() => rng.real(0.7, 1.3)),
  );
  const communeKeys = new Map<string, string>();

  specs.forEach((spec, i) => {
    const quota = quotas[i] as number;
    const code = `HN.${spec.code}`;
    const commune: DemoUnit = {
      key: `u:${code}`,
      parentKey: province.key,
      type: 'commune',
      code,
      name: `Đảng bộ ${spec.level.toLowerCase()} ${spec.name}`,
      locality: `${spec.level} ${spec.name}`,
      validFrom: REORGANISATION_DATE,
      validTo: null,
      kind: 'territorial',
    };
    communeKeys.set(spec.code, commune.key);
    units.push(commune);
    const builder = new CommuneBuilder(
      rng,
      commune,
      spec.level,
      spec.name,
      spec.places,
      Math.max(2, String(quota).length),
    );
    const pool = spec.level === 'Phường' ? wardPool : communePool;
    for (let k = 0; k < quota; k++) {
      const core = builder.core[k];
      if (core) core();
      else pool(rng)(builder);
    }
    for (const u of builder.out) units.push(u);
  });

  // History: the abolished districts and the ward/commune committees under them. Before
  // 1 July 2025 a ward's đảng bộ was a đảng bộ cơ sở directly under the district.
  for (const district of formerDistricts) {
    const code = `HN.${district.code}`;
    const d: DemoUnit = {
      key: `u:${code}`,
      parentKey: province.key,
      type: 'district',
      code,
      name: district.name,
      locality: province.locality,
      validFrom: district.validFrom,
      validTo: LAST_DAY_BEFORE_REORGANISATION,
      successorKey: null,
      kind: 'territorial',
    };
    units.push(d);
    district.units.forEach((former, i) => {
      const unitCode = `${code}.${String(i + 1).padStart(2, '0')}`;
      units.push({
        key: `u:${unitCode}`,
        parentKey: d.key,
        type: 'grassroots_committee',
        code: unitCode,
        name: `Đảng bộ ${former.level.toLowerCase()} ${former.name}`,
        locality: `${former.level} ${former.name}`,
        validFrom: district.validFrom,
        validTo: LAST_DAY_BEFORE_REORGANISATION,
        // Only set when that commune is part of this (possibly small) tree.
        successorKey: communeKeys.get(former.successor) ?? null,
        kind: 'territorial',
      });
    });
  }

  return units;
}
