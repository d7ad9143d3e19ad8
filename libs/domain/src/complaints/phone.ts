// a complainant's contact number — a Chinese mobile or landline — and its masked form (personal data, R-9).

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0xx or 0xxx, a 7–8 digit local number not starting with 0 or 1, optional extension. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$/;

/** Spaces dropped; a +86 / 0086 prefix dropped from a mobile number. */
export function normalizePhone(value: string): string {
  const compact = value.replace(/[\s\u3000]/g, '');
  const mobile = /^(?:\+86|0086|86)-?(1\d{10})$/.exec(compact);
  return mobile ? mobile[1] : compact;
}

export function isChinesePhone(value: string): boolean {
  const phone = normalizePhone(value);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** '13812345678' → '138****5678', '020-83456789' → '020-****6789': the first 3 and last 4 characters stay. */
export function maskPhone(value: string): string {
  const chars = Array.from(normalizePhone(value));
  if (chars.length <= 7) return chars.map((c, i) => (i < chars.length - 2 && /\d/.test(c) ? '*' : c)).join('');
  return chars.map((c, i) => (i < 3 || i >= chars.length - 4 || !/\d/.test(c) ? c : '*')).join('');
}
