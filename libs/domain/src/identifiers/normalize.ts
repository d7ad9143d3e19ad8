/** Full-width digits/letters (common when typed with a Chinese IME) → ASCII, trimmed, upper-case. */
export function normalizeIdentifierText(value: string): string {
  let out = '';
  for (const ch of value.trim()) {
    const c = ch.charCodeAt(0);
    // U+FF10–U+FF5A: full-width ０-９, Ａ-Ｚ, ａ-ｚ
    out += c >= 0xff10 && c <= 0xff5a ? String.fromCharCode(c - 0xfee0) : ch;
  }
  return out.toUpperCase();
}
