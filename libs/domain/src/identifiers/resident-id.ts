import { daysInMonth, tryEpochDay, type IsoDate } from '../calendar/iso-date';
import { normalizeIdentifierText } from './normalize';
import { randomInt, type Rng } from './random';

/** 1 男, 2 女 — derived from the sequence code's parity (GB 11643-1999). */
export type IdGender = 1 | 2;

export type ResidentIdResult =
  | {
      ok: true;
      /** Cleaned input: trimmed, full-width → ASCII, 'x' → 'X'. 15 digits for a legacy number. */
      normalized: string;
      /** The 18-character form (legacy numbers upgraded, Appendix B); use it for matching and de-duplication. */
      canonical: string;
      legacy: boolean;
      birthDate: IsoDate;
      gender: IdGender;
      /** 6-digit administrative area code (810000/820000/830000 for HK/MO/TW residence permits). */
      regionCode: string;
    }
  | { ok: false; reason: string };

export interface ResidentIdOptions {
  /** Accept 15-digit pre-1999 numbers (R-8: only when the record is flagged legacy). */
  allowLegacy15?: boolean;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// GB/T 2260 province-level codes; 81/82/83 are the HK/MO/TW residence permits (Appendix B).
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);
const PERMIT_AREAS = new Set(['810000', '820000', '830000']);

/** ISO 7064 MOD 11-2 check character over the first 17 digits (Appendix B). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('residentIdCheckChar: 17 digits expected');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

/** Legacy 15-digit number → 18 characters: '19' after the area code, check character appended. Null if malformed. */
export function upgradeLegacyId15(id15: string): string | null {
  const s = normalizeIdentifierText(id15);
  if (!/^\d{15}$/.test(s)) {
    return null;
  }
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/**
 * The form stored in blind indexes for an ID number typed into a search: a well-formed 15-digit resident ID number
 * becomes its 18-digit upgrade (so it finds the records imported from either form); anything else is only cleaned.
 */
export function canonicalIdNumberForSearch(input: string): string {
  const s = normalizeIdentifierText(String(input ?? ''));
  return /^\d{15}$/.test(s) ? (upgradeLegacyId15(s) as string) : s;
}

function checkRegion(code: string): string | null {
  if (!PROVINCE_CODES.has(code.slice(0, 2))) {
    return `居民身份证号码前6位地址码无效（${code}）`;
  }
  if ((code.startsWith('81') || code.startsWith('82') || code.startsWith('83')) && !PERMIT_AREAS.has(code)) {
    return `港澳台居民居住证号码的地址码应为810000、820000或830000（${code}）`;
  }
  return null;
}

function checkBirth(y: number, m: number, d: number): string | null {
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return '居民身份证号码中的出生日期不是有效日期';
  }
  return null;
}

function iso(y: number, m: number, d: number): IsoDate {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** GB 11643-1999 validation (R-8, Appendix B). Reasons are Chinese, shown to the user as is. */
export function validateResidentId(id: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const s = normalizeIdentifierText(String(id ?? ''));
  if (s.length === 0) {
    return { ok: false, reason: '居民身份证号码不能为空' };
  }
  if (s.length === 15 && /^\d{15}$/.test(s)) {
    if (!options.allowLegacy15) {
      return { ok: false, reason: '15位旧版居民身份证号码仅在记录标记为旧号码时接受，请填写18位号码' };
    }
    const regionError = checkRegion(s.slice(0, 6));
    if (regionError) {
      return { ok: false, reason: regionError };
    }
    const y = 1900 + Number(s.slice(6, 8));
    const m = Number(s.slice(8, 10));
    const d = Number(s.slice(10, 12));
    const birthError = checkBirth(y, m, d);
    if (birthError) {
      return { ok: false, reason: birthError };
    }
    return {
      ok: true,
      normalized: s,
      canonical: upgradeLegacyId15(s) as string,
      legacy: true,
      birthDate: iso(y, m, d),
      gender: Number(s[14]) % 2 === 1 ? 1 : 2,
      regionCode: s.slice(0, 6),
    };
  }
  if (s.length !== 18) {
    return { ok: false, reason: `居民身份证号码应为18位，当前为${s.length}位` };
  }
  if (!/^\d{17}[\dX]$/.test(s)) {
    return { ok: false, reason: '居民身份证号码格式错误：前17位应为数字，最后一位为数字或X' };
  }
  const regionError = checkRegion(s.slice(0, 6));
  if (regionError) {
    return { ok: false, reason: regionError };
  }
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birthError = checkBirth(y, m, d);
  if (birthError) {
    return { ok: false, reason: birthError };
  }
  if (residentIdCheckChar(s.slice(0, 17)) !== s[17]) {
    return { ok: false, reason: '居民身份证号码校验位错误' };
  }
  return {
    ok: true,
    normalized: s,
    canonical: s,
    legacy: false,
    birthDate: iso(y, m, d),
    gender: Number(s[16]) % 2 === 1 ? 1 : 2,
    regionCode: s.slice(0, 6),
  };
}

export interface GenerateResidentIdOptions {
  /** 6-digit area code, e.g. '440106' (广州市天河区). */
  regionCode: string;
  birthDate: IsoDate;
  gender: IdGender;
}

/** A checksum-valid 18-character number for demo and bench data (never a real person's on purpose). */
export function generateResidentId(rng: Rng, options: GenerateResidentIdOptions): string {
  const { regionCode, birthDate, gender } = options;
  if (!/^\d{6}$/.test(regionCode)) {
    throw new RangeError(`generateResidentId: bad region code ${regionCode}`);
  }
  if (Number.isNaN(tryEpochDay(birthDate))) {
    throw new RangeError(`generateResidentId: bad birth date ${birthDate}`);
  }
  // Odd sequence = male; 000 is avoided.
  const seq = gender === 1 ? 2 * randomInt(rng, 0, 499) + 1 : 2 * randomInt(rng, 1, 499);
  const first17 = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
