import { normalizeIdentifierText } from '../identifiers/normalize';
import type { CertificateKind, CertificateLevel } from './code-tables';

export type CertificateNumberLayout = 'skill_level_22' | 'qualification_16' | 'unknown';

/** Appendix B: Y/S + 4 institution + 2 province + 6 site + 2 year + 1 level + 6 serial = 22 characters. */
export interface SkillLevelNumberParts {
  bodyType: 'Y' | 'S';
  institutionCode: string;
  provinceCode: string;
  siteCode: string;
  year2: string;
  level: CertificateLevel;
  serial: string;
}

export interface CertificateNumberAnalysis {
  normalized: string;
  /** Only letters, digits and '-' , 1–30 characters. */
  charsetOk: boolean;
  layout: CertificateNumberLayout;
  parts?: SkillLevelNumberParts;
}

export const CERTIFICATE_NUMBER_MAX_LENGTH = 30;
const SKILL_LEVEL_22 = /^([YS])([0-9A-Z]{4})(\d{2})(\d{6})(\d{2})([1-5])(\d{6})$/;
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 66 71 81 82'.split(' '),
);

export function analyzeCertificateNumber(raw: string): CertificateNumberAnalysis {
  const normalized = normalizeIdentifierText(raw);
  const charsetOk =
    normalized.length > 0 && normalized.length <= CERTIFICATE_NUMBER_MAX_LENGTH && /^[0-9A-Z-]+$/.test(normalized);
  const m = SKILL_LEVEL_22.exec(normalized);
  if (m && PROVINCES.has(m[3])) {
    return {
      normalized,
      charsetOk,
      layout: 'skill_level_22',
      parts: {
        bodyType: m[1] as 'Y' | 'S',
        institutionCode: m[2],
        provinceCode: m[3],
        siteCode: m[4],
        year2: m[5],
        level: Number(m[6]) as CertificateLevel,
        serial: m[7],
      },
    };
  }
  return { normalized, charsetOk, layout: /^\d{16}$/.test(normalized) ? 'qualification_16' : 'unknown' };
}

/** The layout a kind is expected to use (Appendix B); special-ability certificates have none. */
export function expectedLayout(kind: CertificateKind): CertificateNumberLayout | null {
  return kind === 'skill_level' ? 'skill_level_22' : kind === 'qualification' ? 'qualification_16' : null;
}

export interface SkillLevelNumberOptions {
  bodyType: 'Y' | 'S';
  institutionCode: string;
  provinceCode: string;
  siteCode: string;
  year: number;
  level: CertificateLevel;
  serial: number;
}

/** Builds a 22-character skill-level certificate number (demo and bench data). */
export function formatSkillLevelCertificateNumber(o: SkillLevelNumberOptions): string {
  const n = `${o.bodyType}${o.institutionCode}${o.provinceCode}${o.siteCode}${String(o.year % 100).padStart(2, '0')}${o.level}${String(o.serial).padStart(6, '0')}`;
  if (!SKILL_LEVEL_22.test(n)) {
    throw new RangeError(`formatSkillLevelCertificateNumber: bad parts → ${n}`);
  }
  return n;
}
