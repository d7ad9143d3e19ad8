// organisations carry a 6-digit GB/T 2260 administrative-division code. Province XX0000, prefecture
// (city) XXYY00, county XXYYZZ; the national centre uses 100000 (the whole country).

export const NATIONAL_REGION_CODE = '100000';

const SIX_DIGITS = /^\d{6}$/;

/** The significant prefix of a code: 440000 → 44, 440100 → 4401, 440111 → 440111. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** A province-level code: XX0000 with a real province number (11–82), not the national 100000. */
export function isProvinceRegionCode(code: string): boolean {
  if (!SIX_DIGITS.test(code) || !code.endsWith('0000')) return false;
  const province = Number(code.slice(0, 2));
  return province >= 11 && province <= 82;
}

/** Whether `child` is equal to or inside `parent` (the national code contains every province and below). */
export function isRegionWithin(child: string, parent: string): boolean {
  if (!SIX_DIGITS.test(child) || !SIX_DIGITS.test(parent)) return false;
  if (parent === NATIONAL_REGION_CODE) return child === parent || isProvinceRegionCode(child.slice(0, 2) + '0000');
  return child.startsWith(regionPrefix(parent));
}
