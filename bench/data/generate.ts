// Realistic certificate data for benchmarks and the demo seed: valid resident IDs from 广东/四川 and
// neighbouring areas, Chinese names, real occupations and levels from the catalogue, issue dates over the last
// two years, unique 22-character skill-level certificate numbers, valid credit codes. Deterministic per seed.
import {
  addDaysIso,
  ASSESSMENT_RESULTS,
  CERTIFICATE_LEVELS,
  chineseName,
  createSeededRng,
  EDUCATION_LEVELS,
  formatSkillLevelCertificateNumber,
  generateCreditCode,
  generateResidentId,
  GENDERS,
  ID_TYPES,
  labelOf,
  pickOne,
  randomInt,
  type AssessmentResultCode,
  type CertificateLevel,
  type CertificateRecord,
  type CertificateRecordInput,
  type EducationCode,
  type InstitutionScopeEntry,
  type IsoDate,
  type OccupationCatalogue,
  type OccupationEntry,
  type Rng,
} from '../../libs/domain/src';

export type BenchKind = 'skill_level' | 'qualification';

export interface GeneratedInstitution {
  index: number;
  name: string;
  creditCode: string;
  /** R-2 kind: 用人单位 / 技工院校 / 社会培训评价组织. */
  institutionKind: '用人单位' | '技工院校' | '社会培训评价组织';
  provinceCode: '44' | '51';
  cityCode: string;
  registeredAt: IsoDate;
  /** 4-character code inside skill-level certificate numbers. */
  institutionCode: string;
  siteCode: string;
  scope: InstitutionScopeEntry[];
}

export interface GeneratedCertificate {
  institutionIndex: number;
  /** As a user fills the template: labels, ISO date text, numbers for scores. */
  values: CertificateRecordInput;
  /** The same record parsed (what the importer stores). */
  record: CertificateRecord;
}

export interface GenerateOptions {
  count: number;
  /** Beijing "today"; issue dates fall in the `spanDays` before it. */
  today: IsoDate;
  catalogue: OccupationCatalogue;
  seed?: number;
  kind?: BenchKind;
  /** Default 1, so a generated file imports as one institution's batch. */
  institutions?: number;
  spanDays?: number;
  /** Rows for this one institution (e.g. a demo institution) instead of generated ones. */
  institution?: GeneratedInstitution;
  /** First serial of each (institution, year, level) in skill-level certificate numbers; default 1. */
  firstSerial?: number;
}

// Area codes (GB/T 2260) of districts and cities; holders also come from neighbouring provinces.
const GUANGDONG_CITIES: { city: string; name: string; districts: string[] }[] = [
  { city: '440100', name: '广州市', districts: ['440103', '440104', '440106', '440111', '440112', '440113', '440114'] },
  { city: '440300', name: '深圳市', districts: ['440303', '440304', '440305', '440306', '440307', '440308'] },
  { city: '440400', name: '珠海市', districts: ['440402', '440403'] },
  { city: '440600', name: '佛山市', districts: ['440604', '440605', '440606'] },
  { city: '440700', name: '江门市', districts: ['440703', '440704'] },
  { city: '441300', name: '惠州市', districts: ['441302', '441303'] },
  { city: '441900', name: '东莞市', districts: ['441900'] },
  { city: '442000', name: '中山市', districts: ['442000'] },
  { city: '440500', name: '汕头市', districts: ['440507', '440511'] },
  { city: '440800', name: '湛江市', districts: ['440802', '440803'] },
];
const SICHUAN_CITIES: { city: string; name: string; districts: string[] }[] = [
  { city: '510100', name: '成都市', districts: ['510104', '510105', '510106', '510107', '510108', '510116'] },
  { city: '510300', name: '自贡市', districts: ['510302', '510303'] },
  { city: '510500', name: '泸州市', districts: ['510502', '510504'] },
  { city: '510600', name: '德阳市', districts: ['510603', '510604'] },
  { city: '510700', name: '绵阳市', districts: ['510703', '510704'] },
  { city: '511000', name: '内江市', districts: ['511002', '511011'] },
  { city: '511300', name: '南充市', districts: ['511302', '511303'] },
  { city: '511500', name: '宜宾市', districts: ['511502', '511503'] },
  { city: '511700', name: '达州市', districts: ['511702', '511703'] },
];
const OTHER_BIRTH_AREAS = ['430102', '430103', '450102', '450103', '360102', '420102', '500101', '500103', '520102', '530102', '350102', '610102'];

const WORK_TYPES: Record<string, string[]> = {
  '4-07-05-03': ['消防设施监控操作', '消防设施检测维修保养'],
  '4-04-04-02': ['网络安全管理员', '信息安全管理员'],
};
const INSTITUTION_NAMES: Record<GeneratedInstitution['institutionKind'], string[]> = {
  用人单位: ['机械制造有限公司', '建设集团有限公司', '酒店管理有限公司', '电力工程有限公司'],
  技工院校: ['技工学校', '技师学院'],
  社会培训评价组织: ['职业技能培训学校', '职业培训中心', '人力资源服务有限公司'],
};

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) {
      return item;
    }
  }
  return items[items.length - 1][0];
}


/** 4 characters from an index, scrambled by a bijection mod 36^4 so neighbours do not look alike. */
function institutionCode(index: number): string {
  const n = (index * 7_919 + 104_729) % 1_679_616;
  return n.toString(36).toUpperCase().padStart(4, '0');
}

export function generateInstitutions(
  rng: Rng,
  count: number,
  today: IsoDate,
  catalogue: OccupationCatalogue,
  kind: BenchKind = 'skill_level',
): GeneratedInstitution[] {
  const usable = usableOccupations(catalogue, kind);
  return Array.from({ length: count }, (_, index) => {
    const province = index % 2 === 0 ? ('44' as const) : ('51' as const);
    const city = pickOne(rng, province === '44' ? GUANGDONG_CITIES : SICHUAN_CITIES);
    const institutionKind = weighted(rng, [
      ['社会培训评价组织', 5],
      ['用人单位', 3],
      ['技工院校', 2],
    ] as const);
    const prefix = institutionKind === '技工院校' ? '12' : institutionKind === '用人单位' ? '91' : '52';
    const registeredAt = addDaysIso(today, -randomInt(rng, 2 * 365 + 30, 6 * 365));
    const scopeSize = Math.min(usable.length, randomInt(rng, 8, 16));
    const shuffled = [...usable];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = randomInt(rng, 0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    shuffled.length = scopeSize;
    return {
      index,
      name: `${city.name}${['华南', '天府', '南粤', '蜀都', '鹏城', '锦程', '众诚', '匠心'][index % 8]}${pickOne(rng, INSTITUTION_NAMES[institutionKind])}`,
      creditCode: generateCreditCode(rng, { regionCode: city.city, prefix }),
      institutionKind,
      provinceCode: province,
      cityCode: city.city,
      registeredAt,
      institutionCode: institutionCode(index),
      siteCode: `${city.city.slice(2, 4)}${String(randomInt(rng, 1, 9999)).padStart(4, '0')}`,
      scope: shuffled.map((o) => ({
        occupationCode: o.code,
        occupationName: o.name,
        levels: levelsOf(o, kind),
        validFrom: registeredAt,
        validTo: null,
      })),
    };
  });
}

function levelsOf(o: OccupationEntry, kind: BenchKind): CertificateLevel[] {
  if (o.levels.length > 0) {
    return o.levels;
  }
  return kind === 'qualification' ? [5, 4, 3] : [];
}

function usableOccupations(catalogue: OccupationCatalogue, kind: BenchKind): OccupationEntry[] {
  const list = catalogue.entries.filter((o) =>
    kind === 'qualification' ? o.inQualificationCatalogue2021 !== 'no' : o.levels.length > 0,
  );
  if (list.length === 0) {
    throw new RangeError('generate: the catalogue has no usable occupations');
  }
  return list;
}

const LEVEL_WEIGHTS: Record<CertificateLevel, number> = { 5: 30, 4: 30, 3: 25, 2: 10, 1: 5 };
const EDUCATION_WEIGHTS: readonly (readonly [EducationCode, number])[] = [
  [91, 2], [92, 15], [93, 25], [94, 15], [95, 10], [96, 20], [97, 12], [98, 1],
];

/** Rows one at a time (constant memory; re-iterable, same rows each time), plus their institutions. */
export function generateBenchData(options: GenerateOptions): {
  institutions: GeneratedInstitution[];
  certificates: Iterable<GeneratedCertificate>;
} {
  const rng = createSeededRng(options.seed ?? 1);
  const kind = options.kind ?? 'skill_level';
  const institutions = options.institution
    ? [options.institution]
    : generateInstitutions(rng, options.institutions ?? 1, options.today, options.catalogue, kind);
  const span = options.spanDays ?? 730;
  // Each iteration restarts from the seed, so the rows can be read twice (e.g. write, then verify).
  function* certificates(): Generator<GeneratedCertificate> {
    const rng = createSeededRng((options.seed ?? 1) + 0x9e3779b9);
    const serials = new Map<string, number>();
    for (let i = 0; i < options.count; i++) {
      const inst = institutions[i % institutions.length];
      let scope = pickOne(rng, inst.scope);
      let level = weighted(rng, scope.levels.map((l) => [l as CertificateLevel, LEVEL_WEIGHTS[l as CertificateLevel]] as const));
      const issueDate = addDaysIso(options.today, -randomInt(rng, 0, span));
      // A registered scope entry may have ended (demo institutions have such): pick again among those valid that
      // day. Generated institutions' entries never end, so their rows (and every benchmark's data) stay as they were.
      if (scope.validFrom > issueDate || (scope.validTo !== null && scope.validTo < issueDate)) {
        const valid = inst.scope.filter((e) => e.validFrom <= issueDate && (e.validTo === null || e.validTo >= issueDate));
        scope = pickOne(rng, valid);
        level = pickOne(rng, scope.levels) as CertificateLevel;
      }
      const gender: 1 | 2 = rng() < 0.55 ? 1 : 2;
      const age = randomInt(rng, 18, 55);
      const birthDate = addDaysIso(issueDate, -(age * 365 + randomInt(rng, 0, 364)));
      const roll = rng();
      const idType = roll < 0.99 ? 1 : roll < 0.995 ? 2 : roll < 0.998 ? 3 : 4;
      let idNumber: string;
      if (idType === 1) {
        const area =
          rng() < 0.8
            ? pickOne(rng, pickOne(rng, inst.provinceCode === '44' ? GUANGDONG_CITIES : SICHUAN_CITIES).districts)
            : pickOne(rng, OTHER_BIRTH_AREAS);
        idNumber = generateResidentId(rng, { regionCode: area, birthDate, gender });
      } else if (idType === 2) {
        idNumber = `${rng() < 0.7 ? 'H' : 'M'}${String(randomInt(rng, 0, 99_999_999)).padStart(8, '0')}`;
      } else if (idType === 3) {
        idNumber = String(randomInt(rng, 0, 99_999_999)).padStart(8, '0');
      } else {
        idNumber = `E${String(randomInt(rng, 0, 99_999_999)).padStart(8, '0')}`;
      }
      const year = Number(issueDate.slice(0, 4));
      const serialKey = `${inst.index}:${year}:${level}`;
      const serial = (serials.get(serialKey) ?? (options.firstSerial ?? 1) - 1) + 1;
      serials.set(serialKey, serial);
      const certificateNumber =
        kind === 'skill_level'
          ? formatSkillLevelCertificateNumber({
              bodyType: inst.institutionKind === '用人单位' ? 'Y' : 'S',
              institutionCode: inst.institutionCode,
              provinceCode: inst.provinceCode,
              siteCode: inst.siteCode,
              year,
              level,
              serial,
            })
          : `${inst.provinceCode}${String(year % 100).padStart(2, '0')}${String(inst.index % 10_000).padStart(4, '0')}${level}${String(serial).padStart(7, '0')}`;
      const withScores = rng() < 0.7;
      const theory = withScores ? randomInt(rng, 600, 980) / 10 : null;
      const practical = withScores ? randomInt(rng, 600, 980) / 10 : null;
      const comprehensive = withScores && level <= 2 ? randomInt(rng, 600, 950) / 10 : null;
      const avg = theory !== null && practical !== null ? (theory + practical) / 2 : null;
      const result: AssessmentResultCode | null = avg === null ? null : avg >= 90 ? 4 : avg >= 80 ? 3 : 2;
      const education = weighted(rng, EDUCATION_WEIGHTS);
      const workTypes = WORK_TYPES[scope.occupationCode];
      const workType = workTypes ? pickOne(rng, workTypes) : null;
      const admissionTicket = rng() < 0.6 ? `ZK${issueDate.replace(/-/g, '')}${String(i % 10_000).padStart(4, '0')}` : null;
      const holderName = chineseName(rng, gender);
      const record: CertificateRecord = {
        kind,
        holderName,
        idType,
        idNumber,
        idNumberCanonical: idNumber,
        gender,
        birthDate,
        education,
        occupationCode: scope.occupationCode,
        occupationName: scope.occupationName,
        workType,
        level,
        certificateNumber,
        issueDate,
        admissionTicket,
        theoryScore: theory,
        practicalScore: practical,
        comprehensiveScore: comprehensive,
        result,
      };
      yield {
        institutionIndex: inst.index,
        record,
        values: {
          holderName,
          idType: labelOf(ID_TYPES, idType),
          idNumber,
          gender: labelOf(GENDERS, gender),
          birthDate,
          education: labelOf(EDUCATION_LEVELS, education),
          occupationCode: scope.occupationCode,
          occupationName: scope.occupationName,
          workType,
          level: labelOf(CERTIFICATE_LEVELS, level),
          certificateNumber,
          issueDate,
          admissionTicket,
          theoryScore: theory,
          practicalScore: practical,
          comprehensiveScore: comprehensive,
          result: result === null ? null : labelOf(ASSESSMENT_RESULTS, result),
        },
      };
    }
  }
  return { institutions, certificates: { [Symbol.iterator]: certificates } };
}
