// the public lookup's accounts, authorization codes, daily quotas and batch limits.
import { addDaysIso, type IsoDate } from '../calendar/iso-date';
import { checkHolderName } from '../certificates/holder-name';
import { ID_TYPES, labelOf, listLabels, parseIdType, type IdTypeCode } from '../certificates/code-tables';
import { validateCreditCode } from '../identifiers/credit-code';
import { normalizeIdentifierText } from '../identifiers/normalize';
import { canonicalIdNumberForSearch, validateResidentId } from '../identifiers/resident-id';
import {
  validateForeignPermanentResidentId,
  validateHkMacaoPermit,
  validateOtherDocumentNumber,
  validatePassportNumber,
  validateTaiwanPermit,
  type DocumentNumberResult,
} from '../identifiers/travel-documents';

export type LookupAccountKind = 'person' | 'legal_entity';

/** Mainland mobile numbers (11 digits from 13x to 19x); the login form accepts them beside ID numbers and codes. */
const MOBILE = /^1[3-9]\d{9}$/;

/** Cleans a typed mobile number: full-width digits, spaces, dashes and a leading +86 / 0086 are dropped. */
export function normalizeMobile(input: string): string {
  const s = normalizeIdentifierText(String(input ?? '')).replace(/[\s-]/g, '');
  return s.replace(/^(\+86|0086)/, '');
}

export function isMobileNumber(input: string): boolean {
  return MOBILE.test(normalizeMobile(input));
}

/** The ID number of a person's account as certificates index it (the 18-character form for resident IDs). */
function personIdNumber(idType: IdTypeCode, idNumber: string): DocumentNumberResult {
  if (idType === 1) {
    const r = validateResidentId(idNumber);
    return r.ok ? { ok: true, normalized: r.canonical } : r;
  }
  const validators: Record<Exclude<IdTypeCode, 1>, (v: string) => DocumentNumberResult> = {
    2: validateHkMacaoPermit,
    3: validateTaiwanPermit,
    4: validatePassportNumber,
    5: validateForeignPermanentResidentId,
    9: validateOtherDocumentNumber,
  };
  return validators[idType](idNumber);
}

export interface RegistrationInput {
  type: string;
  name?: string;
  idType?: string | number;
  idNumber?: string;
  creditCode?: string;
  contactName?: string;
  mobile?: string;
}

/** A registration that passed every check: `identifier` is the canonical ID number or credit code. */
export type ValidRegistration =
  | { type: 'person'; name: string; idType: IdTypeCode; identifier: string; mobile: string }
  | { type: 'legal_entity'; name: string; identifier: string; contactName: string; mobile: string };

export interface RegistrationProblem {
  field: string;
  message: string;
}

const LEGAL_NAME_MAX = 100;

/**
 * a person registers with name, ID type and number (validated as the certificate import validates them:
 * GB 11643-1999 for resident IDs), a legal entity with its name, 统一社会信用代码 (GB 32100-2015 check character)
 * and a contact; both with a mobile number. Problems are named per field, in Chinese.
 */
export function validateLookupRegistration(
  input: RegistrationInput,
): { ok: true; value: ValidRegistration } | { ok: false; problems: RegistrationProblem[] } {
  const problems: RegistrationProblem[] = [];
  const name = String(input.name ?? '').trim();
  const mobile = normalizeMobile(input.mobile ?? '');
  if (!MOBILE.test(mobile)) problems.push({ field: 'mobile', message: '手机号码应为11位中国大陆手机号' });
  if (input.type === 'person') {
    const nameProblem = name === '' ? '姓名不能为空' : checkHolderName(name);
    if (nameProblem) problems.push({ field: 'name', message: nameProblem });
    const idType = parseIdType(input.idType ?? '');
    let identifier = '';
    if (idType === null) {
      problems.push({ field: 'idType', message: `证件类型无效，应为${listLabels(ID_TYPES)}之一或其代码` });
    } else {
      const r = personIdNumber(idType, String(input.idNumber ?? ''));
      if (r.ok) identifier = r.normalized;
      else problems.push({ field: 'idNumber', message: r.reason });
    }
    if (problems.length > 0 || idType === null) return { ok: false, problems };
    return { ok: true, value: { type: 'person', name, idType, identifier, mobile } };
  }
  if (input.type === 'legal_entity') {
    if (name === '' || Array.from(name).length > LEGAL_NAME_MAX) {
      problems.push({ field: 'name', message: `单位名称不能为空，且不超过${LEGAL_NAME_MAX}个字` });
    }
    const contactName = String(input.contactName ?? '').trim();
    const contactProblem = contactName === '' ? '联系人姓名不能为空' : checkHolderName(contactName);
    if (contactProblem) problems.push({ field: 'contactName', message: contactProblem });
    const code = validateCreditCode(String(input.creditCode ?? ''));
    if (!code.ok) problems.push({ field: 'creditCode', message: code.reason });
    if (problems.length > 0 || !code.ok) return { ok: false, problems };
    return { ok: true, value: { type: 'legal_entity', name, identifier: code.normalized, contactName, mobile } };
  }
  return {
    ok: false,
    problems: [{ field: 'type', message: '用户类型应为个人用户（person）或法人用户（legal_entity）' }],
  };
}

/** The label of a stored ID type code (居民身份证 …). */
export const idTypeLabel = (code: IdTypeCode): string => labelOf(ID_TYPES, code);

/**
 * What a login's account field can be (seed 000: 证件号码/手机号; legal entities log in with the credit code):
 * the identifier form to look up by blind index, and the mobile number when the text is one.
 */
export function loginAccountForms(input: string): { identifier: string; mobile: string | null } {
  const mobile = normalizeMobile(input);
  return { identifier: canonicalIdNumberForSearch(input), mobile: MOBILE.test(mobile) ? mobile : null };
}

// ---- Authorization codes (R-29) ----

/** 32 characters without 0/O and 1/I, which are misread aloud and on paper: 5 bits each. */
export const AUTHORIZATION_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** 16 characters × 5 bits = 80 bits (R-29 asks ≥ 60), from 10 random bytes without bias. */
export const AUTHORIZATION_CODE_LENGTH = 16;
export const AUTHORIZATION_CODE_RANDOM_BYTES = 10;
const CODE_GROUP = 4;

/** The code for 10 random bytes, in groups of four for reading aloud: `K7Q2-9MZP-…`. */
export function formatAuthorizationCode(random: Uint8Array): string {
  if (random.length !== AUTHORIZATION_CODE_RANDOM_BYTES) {
    throw new RangeError(`formatAuthorizationCode: ${AUTHORIZATION_CODE_RANDOM_BYTES} bytes expected`);
  }
  let bits = 0;
  let value = 0;
  let chars = '';
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      chars += AUTHORIZATION_CODE_ALPHABET[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return groupAuthorizationCode(chars);
}

export function groupAuthorizationCode(chars: string): string {
  return (chars.match(new RegExp(`.{1,${CODE_GROUP}}`, 'g')) ?? []).join('-');
}

/**
 * A typed code in its stored form (16 characters, no separators), or null when it cannot be a code: case, spaces,
 * dashes and full-width characters do not matter.
 */
export function normalizeAuthorizationCode(input: string): string | null {
  const s = normalizeIdentifierText(String(input ?? '')).replace(/[\s\-_.]/g, '');
  if (s.length !== AUTHORIZATION_CODE_LENGTH) return null;
  for (const ch of s) if (!AUTHORIZATION_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

export type AuthorizationCodeState = 'active' | 'stopped' | 'expired';

/** expired from `expiresAt` on, whatever else; otherwise stopped or active. */
export function authorizationCodeState(code: { stopped: boolean; expiresAt: Date }, now: Date): AuthorizationCodeState {
  if (now.getTime() >= code.expiresAt.getTime()) return 'expired';
  return code.stopped ? 'stopped' : 'active';
}

/** valid one year from creation (the same instant a year later; 29 February → 1 March). */
export function authorizationCodeExpiry(createdAt: Date): Date {
  const expires = new Date(createdAt.getTime());
  expires.setUTCFullYear(expires.getUTCFullYear() + 1);
  return expires;
}

// ---- Quotas and batches (R-30, R-31) ----

/** a quota day ends at the next Beijing midnight. */
export function quotaResetsAt(today: IsoDate): Date {
  return new Date(`${addDaysIso(today, 1)}T00:00:00+08:00`);
}

/** R-30, seed 000: a batch of at most 50 is recommended; above it the answer carries a warning. */
export const LOOKUP_BATCH_RECOMMENDED_ROWS = 50;

export function lookupBatchWarning(rows: number): string | undefined {
  return rows > LOOKUP_BATCH_RECOMMENDED_ROWS
    ? `本次上传 ${rows} 条，为保障查询流畅性，单次查询建议控制在 ${LOOKUP_BATCH_RECOMMENDED_ROWS} 条以内`
    : undefined;
}

/** the batch template's columns (seed 000: 姓名、证件号码、证书编号), in order. */
export const LOOKUP_BATCH_HEADERS = ['姓名', '证件号码', '证书编号'] as const;
