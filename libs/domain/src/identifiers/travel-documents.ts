import { normalizeIdentifierText } from './normalize';

/** Loose checks (Appendix B: "validate loosely (length, charset)") for documents other than the resident ID. */
export type DocumentNumberResult = { ok: true; normalized: string } | { ok: false; reason: string };

function loose(value: string, label: string, test: (s: string) => boolean, hint: string): DocumentNumberResult {
  const s = normalizeIdentifierText(String(value ?? '')).replace(/[\s()（）]/g, '');
  if (s.length === 0) {
    return { ok: false, reason: `${label}号码不能为空` };
  }
  return test(s) ? { ok: true, normalized: s } : { ok: false, reason: `${label}号码格式错误：${hint}` };
}

/** 港澳居民来往内地通行证 (回乡证): H/M + 8 digits (card), or + 10 digits (older booklets). */
export function validateHkMacaoPermit(value: string): DocumentNumberResult {
  return loose(value, '港澳居民来往内地通行证', (s) => /^[HM](\d{8}|\d{10})$/.test(s), '应为H或M加8位（旧版10位）数字');
}

/** 台湾居民来往大陆通行证 (台胞证): 8 digits (card since 2015), older booklets 10 digits with an optional letter. */
export function validateTaiwanPermit(value: string): DocumentNumberResult {
  return loose(value, '台湾居民来往大陆通行证', (s) => /^(\d{8}|\d{10}[A-Z]?)$/.test(s), '应为8位数字（旧版10位）');
}

/** Passports of any country: 5–17 letters/digits with at least one digit. */
export function validatePassportNumber(value: string): DocumentNumberResult {
  return loose(value, '护照', (s) => /^[A-Z0-9]{5,17}$/.test(s) && /\d/.test(s), '应为5—17位字母或数字');
}

/** 外国人永久居留身份证: 15 characters (3 letters + 12 digits, 2017 edition) or 18 starting with 9 (2023 edition). */
export function validateForeignPermanentResidentId(value: string): DocumentNumberResult {
  return loose(
    value,
    '外国人永久居留身份证',
    (s) => /^[A-Z]{3}\d{12}$/.test(s) || /^9\d{16}[\dX]$/.test(s),
    '应为15位（3位字母加12位数字）或以9开头的18位',
  );
}

/** Any other document: 1–30 printable characters, no control characters. */
export function validateOtherDocumentNumber(value: string): DocumentNumberResult {
  const s = String(value ?? '').trim();
  if (s.length === 0) {
    return { ok: false, reason: '证件号码不能为空' };
  }
  // eslint-disable-next-line no-control-regex
  if (Array.from(s).length > 30 || /[\u0000-\u001f\u007f]/.test(s)) {
    return { ok: false, reason: '证件号码格式错误：应为不超过30个字符的可打印字符' };
  }
  return { ok: true, normalized: s };
}
