import type { ScreeningRule } from './rules';

/**
 * the canonical text of a flag's evidence — its rule, the certificates concerned and the figures that crossed
 * the threshold — which the API hashes into the flag's fingerprint. Same evidence, same text: a dismissed flag is
 * not raised again; a fourth certificate or another count changes it and raises a new flag.
 */
export function evidenceKey(
  rule: ScreeningRule,
  certificateIds: readonly number[],
  figures: Readonly<Record<string, string | number>> = {},
): string {
  const ids = [...new Set(certificateIds)].sort((a, b) => a - b).join(',');
  const facts = Object.keys(figures)
    .sort()
    .map((k) => `${k}=${figures[k]}`)
    .join(';');
  return `${rule}|${ids}|${facts}`;
}
