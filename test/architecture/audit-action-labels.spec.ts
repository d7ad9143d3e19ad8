import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_TARGET_LABELS } from '@app/contracts';

// The audit log speaks Chinese to auditors: every action code the API can write, and every target type, has a
// Chinese name in libs/contracts (the console shows no code).
const src = join(__dirname, '..', '..', 'apps', 'api', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Dotted codes (not a query alias like `a.id`) quoted on `action: …` lines (a ternary names both codes) and passed as a throttled action. */
function writtenCodes(pattern: RegExp): Set<string> {
  const codes = new Set<string>();
  for (const file of sources(src)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!pattern.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]{3,}(?:\.[a-z_]+)+)'/g)) codes.add(m[1]);
    }
  }
  return codes;
}

describe('audit codes have Chinese names', () => {
  it('finds the actions the services write (sanity)', () => {
    const actions = writtenCodes(/\baction: |checkTotpThrottled\(/);
    expect([...actions]).toEqual(expect.arrayContaining(['batch.submit', 'user.disable', 'batch.return.partial']));
  });

  it('every audit action the API writes has a label', () => {
    const missing = [...writtenCodes(/\baction: |checkTotpThrottled\(/)].filter((code) => !AUDIT_ACTION_LABELS[code]);
    expect(missing).toEqual([]);
  });

  it('every target type the API writes has a label', () => {
    const types = new Set<string>();
    for (const file of sources(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/targetType: '([a-z_]+)'/g)) types.add(m[1]);
    }
    expect(types.size).toBeGreaterThan(5);
    expect([...types].filter((type) => !AUDIT_TARGET_LABELS[type])).toEqual([]);
  });

  it('no label shows a code', () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_TARGET_LABELS)]) {
      expect(label).not.toMatch(/[a-z]+\.[a-z]+|[A-Z_]{4,}/);
    }
  });
});
