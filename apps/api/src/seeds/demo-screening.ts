import {
  addDaysIso,
  CertificateLevel,
  CertificateRecord,
  chineseName,
  generateResidentId,
  OccupationCatalogue,
  parseCertificateRecord,
  pickOne,
  randomInt,
  residentIdCheckChar,
  Rng,
  type ScreeningRule,
} from '@app/domain';
import type { Organisation } from '../organisations/entities/organisation.entity';

/**
 * published history in the demo that trips every screening rule, so the `screening` job
 * raises a flag of each on a fresh demo. It stands for data taken over from the older provincial systems: some of it
 * is what the import refuses today (an ID number with a wrong check digit, a holder under 16, an occupation outside
 * the registered scope, a certificate issued before registration), so it is inserted as published history, as the
 * other demo batches are. Dates are fixed and in the past, so what the job finds does not depend on "today"; the
 * flags to expect are listed in DEMO_SCREENING_FLAGS.
 */
export interface HistoryRecordSpec {
  occupationCode: string;
  level: CertificateLevel;
  issueDate: string;
  /** A holder several records share (frequent_holder, duplicate_award); otherwise a new person per record. */
  person?: keyof typeof PEOPLE;
  /** The rule this record is meant to trip; records without one are ordinary history. */
  trips?: ScreeningRule;
}

export interface DemoHistoryBatch {
  institution: string;
  publishedOn: string;
  records: HistoryRecordSpec[];
}

/** People the history names more than once: one resident ID number each, as a real holder has. */
const PEOPLE = {
  // Three certificates within 30 days at two institutions in two provinces (frequent_holder).
  frequent: { regionCode: '440106', birthDate: '1996-07-14', gender: 2 as const },
  // 电工 四级 twice at the same school, 18 months apart (duplicate_award).
  twice: { regionCode: '440306', birthDate: '1988-11-02', gender: 1 as const },
};

const month = (ym: string, days: number[]) => days.map((d) => `${ym}-${String(d).padStart(2, '0')}`);

/** 广东 评价中心: a few 消防设施操作员 a month for six months, then 16 in July 2024 (volume_spike: 16 > 5 × 2.5). */
const QUIET_MONTHS: [string, number[]][] = [
  ['2024-01', [9, 23]],
  ['2024-02', [6, 21, 27]],
  ['2024-03', [12, 26]],
  ['2024-04', [10, 17, 24]],
  ['2024-05', [15, 29]],
  ['2024-06', [5, 19, 26]],
];
const SPIKE_DAYS = [3, 3, 5, 8, 9, 10, 12, 12, 15, 16, 17, 19, 22, 23, 24, 26];
const VOLUME: HistoryRecordSpec[] = [
  ...QUIET_MONTHS.flatMap(([ym, days]) =>
    month(ym, days).map((issueDate, i): HistoryRecordSpec => ({
      occupationCode: '4-07-05-03',
      level: i % 2 ? 4 : 5,
      issueDate,
    })),
  ),
  ...month('2024-07', SPIKE_DAYS).map((issueDate, i): HistoryRecordSpec => ({
    occupationCode: '4-07-05-03',
    level: i % 3 ? 5 : 4,
    issueDate,
    ...(i === 0 ? { trips: 'volume_spike' } : {}),
  })),
];

/**
 * The history batches, in the order they are inserted (after the regular demo batches, so their ids and records
 * stay as they were). The last one is ordinary data, as the newest batch and certificate of the demo are what some
 * checks pick.
 */
export const DEMO_HISTORY: DemoHistoryBatch[] = [
  {
    // 成都 蜀味: registered 2021-06-18, an exam of May 2021 certified under its name.
    institution: 'inst_cd1',
    publishedOn: '2021-09-10',
    records: [
      { occupationCode: '4-03-02-01', level: 5, issueDate: '2021-05-26', trips: 'before_registration' },
      { occupationCode: '4-03-02-01', level: 5, issueDate: '2021-07-09' },
      { occupationCode: '4-03-02-01', level: 4, issueDate: '2021-07-23' },
    ],
  },
  {
    institution: 'inst_sz1',
    publishedOn: '2023-09-15',
    records: [
      { occupationCode: '4-12-01-01', level: 5, issueDate: '2023-06-16' },
      { occupationCode: '6-31-01-03', level: 4, issueDate: '2023-06-30', person: 'twice' },
      { occupationCode: '6-31-01-03', level: 5, issueDate: '2023-07-07' },
    ],
  },
  {
    // 番禺精工 stopped certifying (停止认定) from 2024-04-01 to 2024-07-31 (demo-organisations), yet issued in May.
    institution: 'inst_gz2',
    publishedOn: '2024-12-06',
    records: [
      { occupationCode: '6-18-02-04', level: 4, issueDate: '2024-01-18' },
      { occupationCode: '6-18-01-01', level: 5, issueDate: '2024-02-22' },
      { occupationCode: '6-18-02-04', level: 5, issueDate: '2024-03-14' },
      { occupationCode: '6-18-02-04', level: 4, issueDate: '2024-05-16', trips: 'institution_inactive' },
      { occupationCode: '6-18-01-01', level: 4, issueDate: '2024-09-12' },
      { occupationCode: '6-18-02-04', level: 3, issueDate: '2024-10-17' },
    ],
  },
  {
    institution: 'inst_sz1',
    publishedOn: '2025-02-28',
    records: [
      // The second holder's number is the first one's typed with a lower-case letter and a space.
      { occupationCode: '4-12-01-01', level: 4, issueDate: '2024-12-13' },
      { occupationCode: '4-12-01-01', level: 4, issueDate: '2024-12-13', trips: 'similar_number' },
      { occupationCode: '6-31-01-03', level: 5, issueDate: '2024-12-20' },
      { occupationCode: '6-31-01-03', level: 4, issueDate: '2024-12-27', person: 'twice', trips: 'duplicate_award' },
    ],
  },
  {
    // 粤厨 is registered for cookery and elderly care, not for 茶艺师.
    institution: 'inst_gz1',
    publishedOn: '2025-06-20',
    records: [
      { occupationCode: '4-03-02-07', level: 4, issueDate: '2025-03-21', trips: 'outside_scope' },
      { occupationCode: '4-03-02-02', level: 5, issueDate: '2025-03-28' },
      { occupationCode: '4-03-02-01', level: 4, issueDate: '2025-04-08', person: 'frequent' },
      { occupationCode: '4-03-02-02', level: 4, issueDate: '2025-04-22', person: 'frequent' },
    ],
  },
  {
    institution: 'inst_cd1',
    publishedOn: '2025-06-30',
    records: [
      { occupationCode: '4-03-02-01', level: 4, issueDate: '2024-10-16', trips: 'invalid_identity' },
      { occupationCode: '4-10-03-02', level: 5, issueDate: '2024-12-13', trips: 'under_age' },
      { occupationCode: '4-10-03-02', level: 4, issueDate: '2025-04-11' },
      { occupationCode: '4-03-02-07', level: 4, issueDate: '2025-04-29', person: 'frequent', trips: 'frequent_holder' },
    ],
  },
  { institution: 'inst_gd1', publishedOn: '2024-09-06', records: VOLUME },
];

/**
 * The flags `screening` raises on the demo's history, by rule: one each, and two of outside_scope, since the
 * certificate issued before 蜀味's registration is also outside the scope it registered that day. volume_spike is
 * the least: the regular demo batches are dated from "today", and depending on the day a recent month of theirs is
 * a spike of its own against the institution's history.
 */
export const DEMO_SCREENING_FLAGS: Readonly<Record<ScreeningRule, number>> = {
  invalid_identity: 1,
  under_age: 1,
  outside_scope: 2,
  institution_inactive: 1,
  before_registration: 1,
  frequent_holder: 1,
  duplicate_award: 1,
  similar_number: 1,
  volume_spike: 1,
};

export interface HistoryContext {
  rng: Rng;
  institution: Organisation;
  today: string;
  catalogue: OccupationCatalogue;
  /** Area codes of the institution's province, for holders' ID numbers. */
  districts: readonly string[];
  /** The people named so far (shared by every history batch of one load). */
  people: Map<string, DemoPerson>;
  /** The next number of the institution, year and level (shared with the other demo batches). */
  certificateNumber(year: number, level: CertificateLevel): string;
}

/** The records of one history batch: valid as the import checks them, then changed where the spec says. */
export function historyRecords(batch: DemoHistoryBatch, ctx: HistoryContext): CertificateRecord[] {
  const out: CertificateRecord[] = [];
  for (const spec of batch.records) {
    const record = historyRecord(spec, ctx);
    if (spec.trips === 'similar_number') {
      const previous = out[out.length - 1].certificateNumber;
      record.certificateNumber = `${previous.slice(0, 1).toLowerCase()}${previous.slice(1, 5)} ${previous.slice(5)}`;
    }
    out.push(record);
  }
  return out;
}

export interface DemoPerson {
  holderName: string;
  idNumber: string;
}

function historyRecord(spec: HistoryRecordSpec, ctx: HistoryContext): CertificateRecord {
  const { rng, institution, people } = ctx;
  const known = spec.person ? PEOPLE[spec.person] : null;
  const gender = known?.gender ?? (rng() < 0.55 ? 1 : 2);
  const birthDate =
    known?.birthDate ?? addDaysIso(spec.issueDate, -(randomInt(rng, 19, 48) * 365 + randomInt(rng, 0, 364)));
  const regionCode = known?.regionCode ?? pickOne(rng, ctx.districts);
  let person = spec.person ? people.get(spec.person) : undefined;
  if (!person) {
    // A person named twice keeps one name and number in every batch that names them.
    person = {
      holderName: chineseName(rng, gender),
      idNumber: generateResidentId(rng, { regionCode, birthDate, gender }),
    };
    if (spec.person) people.set(spec.person, person);
  }
  const scope = (institution.scope ?? []).find((s) => s.occupationCode === spec.occupationCode);
  const occupationName = scope?.occupationName ?? ctx.catalogue.byCode(spec.occupationCode)!.name;
  const theory = randomInt(rng, 600, 980) / 10;
  const practical = randomInt(rng, 600, 980) / 10;
  const input = {
    holderName: person.holderName,
    idType: 1,
    idNumber: person.idNumber,
    gender,
    birthDate,
    education: pickOne(rng, [92, 93, 94, 95, 96, 97]),
    occupationCode: spec.occupationCode,
    occupationName,
    workType: occupationName,
    level: spec.level,
    certificateNumber: ctx.certificateNumber(Number(spec.issueDate.slice(0, 4)), spec.level),
    issueDate: spec.issueDate,
    admissionTicket: `ZK${spec.issueDate.replace(/-/g, '')}${String(randomInt(rng, 0, 9999)).padStart(4, '0')}`,
    theoryScore: theory,
    practicalScore: practical,
    result: (theory + practical) / 2 >= 85 ? 3 : 2,
  };
  // What the import refuses about scope and registration is the point of these records: judged against an
  // institution registered for the occupation all along, everything else as an import would.
  const outside = spec.trips === 'outside_scope' || spec.trips === 'before_registration';
  const parsed = parseCertificateRecord(input, {
    today: ctx.today,
    kind: 'skill_level',
    institution: outside
      ? {
          registeredAt: '1990-01-01',
          scope: [
            {
              occupationCode: spec.occupationCode,
              occupationName,
              levels: [5, 4, 3, 2, 1],
              validFrom: '1990-01-01',
              validTo: null,
            },
          ],
        }
      : { registeredAt: institution.registeredAt!, scope: institution.scope ?? [] },
    catalogue: ctx.catalogue,
  });
  if (!parsed.record) throw new Error(`demo history record invalid: ${JSON.stringify(parsed.issues)}`);
  const record = parsed.record;
  if (spec.trips === 'invalid_identity') {
    // A typing error in the last digit: the check character no longer matches.
    const first17 = record.idNumber.slice(0, 17);
    const wrong = residentIdCheckChar(first17) === '7' ? '3' : '7';
    record.idNumber = record.idNumberCanonical = `${first17}${wrong}`;
  }
  if (spec.trips === 'under_age') {
    // Born 15 years and 9 months before the issue date, with an ID number that says so.
    const born = addDaysIso(spec.issueDate, -(15 * 365 + 280));
    record.birthDate = born;
    record.idNumber = record.idNumberCanonical = generateResidentId(rng, { regionCode, birthDate: born, gender });
  }
  return record;
}
