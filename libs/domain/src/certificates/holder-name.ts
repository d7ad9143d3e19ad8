/** R-7 / 2013 table: 20 English characters or 10 Chinese characters (a Chinese character counts as two). */
export const HOLDER_NAME_MAX_WIDTH = 20;

// Letters of any script (CJK ideographs included), spaces, and the separators of minority and foreign names.
const ALLOWED = /^[\p{L}\p{M} ·•．.'’-]+$/u;

export function holderNameWidth(name: string): number {
  let width = 0;
  for (const ch of name) {
    width += ch.codePointAt(0)! > 0x7f ? 2 : 1;
  }
  return width;
}

/** Null when acceptable, else the Chinese reason. */
export function checkHolderName(name: string): string | null {
  if (name === '') {
    return '姓名不能为空';
  }
  if (!ALLOWED.test(name)) {
    const bad = Array.from(name).find((ch) => !ALLOWED.test(ch));
    return `姓名含有不允许的字符“${bad ?? ''}”`;
  }
  if (holderNameWidth(name) > HOLDER_NAME_MAX_WIDTH) {
    return '姓名过长：最多10个汉字或20个英文字符';
  }
  return null;
}
