// exported cells never start with =, +, -, @ unescaped (formula injection, OWASP "CSV injection").
// Tab and carriage return are included as OWASP recommends; full-width ＝＋－＠ are converted by some spreadsheet
// input methods, so they are escaped too.
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/** True when a spreadsheet could read the text as a formula. Leading spaces are looked through. */
export function looksLikeFormula(text: string): boolean {
  const first = text.replace(/^ +/, '').charAt(0);
  return first !== '' && DANGEROUS_FIRST.has(first);
}

/**
 * Value safe to put in an exported cell: text that could start a formula gets a leading apostrophe; numbers,
 * dates, booleans and empty values pass unchanged (they are typed cells, never parsed as formulas).
 */
export function escapeCellForExport<T>(value: T): T | string {
  // Text already starting with apostrophes before a formula char gets one more, so unescaping is exact.
  if (typeof value === 'string' && looksLikeFormula(value.replace(/^'+/, ''))) {
    return `'${value}`;
  }
  return value;
}

/** Inverse for re-imported reports (R-12 fix-and-upload): "'=x" → "=x"; other text unchanged. */
export function unescapeImportedCell(text: string): string {
  if (text.startsWith("'") && looksLikeFormula(text.replace(/^'+/, ''))) {
    return text.slice(1);
  }
  return text;
}
