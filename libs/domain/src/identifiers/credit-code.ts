import { normalizeIdentifierText } from './normalize';
import { pickOne, randomInt, type Rng } from './random';

export type CreditCodeResult = { ok: true; normalized: string } | { ok: false; reason: string };

/** GB 32100-2015 character set: digits and capitals without I, O, S, V, Z (Appendix B). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** check = (31 − Σ cᵢ·Wᵢ mod 31) mod 31 over the first 17 characters (Appendix B). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError('creditCodeCheckChar: 17 characters expected');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (v < 0) {
      throw new RangeError(`creditCodeCheckChar: bad character ${first17[i]}`);
    }
    sum += v * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** 统一社会信用代码, 18 characters, checksum validated. */
export function validateCreditCode(code: string): CreditCodeResult {
  const s = normalizeIdentifierText(String(code ?? ''));
  if (s.length === 0) {
    return { ok: false, reason: '统一社会信用代码不能为空' };
  }
  if (s.length !== 18) {
    return { ok: false, reason: `统一社会信用代码应为18位，当前为${s.length}位` };
  }
  for (const ch of s) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      return { ok: false, reason: `统一社会信用代码含有非法字符“${ch}”（不使用I、O、S、V、Z）` };
    }
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) {
    return { ok: false, reason: '统一社会信用代码第3—8位（登记管理机关行政区划码）应为数字' };
  }
  if (creditCodeCheckChar(s.slice(0, 17)) !== s[17]) {
    return { ok: false, reason: '统一社会信用代码校验位错误' };
  }
  return { ok: true, normalized: s };
}

// GB 11714 organisation code check (positions 9–17 of a credit code): weights 3 7 9 10 5 8 4 2.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8[i];
    const v = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export interface GenerateCreditCodeOptions {
  /** 6-digit administrative area code of the registering authority, e.g. '440100'. */
  regionCode: string;
  /**
   * Registering authority + organisation category (positions 1–2): '91' enterprise (default),
   * '12' public institution (e.g. 技工院校), '52' private non-enterprise unit (social training body).
   */
  prefix?: string;
}

/** A checksum-valid code for demo and bench data. */
export function generateCreditCode(rng: Rng, options: GenerateCreditCodeOptions): string {
  const prefix = options.prefix ?? '91';
  if (!/^\d{6}$/.test(options.regionCode) || prefix.length !== 2) {
    throw new RangeError('generateCreditCode: bad region code or prefix');
  }
  // Organisation code: 8 digits/letters (no I/O/S/V/Z, so it also fits the credit-code charset) + check.
  const orgChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 8; i++) {
    org += i < 2 ? String(randomInt(rng, 0, 9)) : pickOne(rng, orgChars.split(''));
  }
  const first17 = `${prefix}${options.regionCode}${org}${orgCodeCheckChar(org)}`;
  return first17 + creditCodeCheckChar(first17);
}
