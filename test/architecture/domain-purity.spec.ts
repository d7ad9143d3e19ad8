import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// ARCHITECTURE / STYLE.md §3: libs/domain is pure — no Nest, TypeORM, fs or other IO; "today" and the calendar
// are arguments. Every non-spec source file may import only other domain modules and reads no clock.
const domain = join(__dirname, '..', '..', 'libs', 'domain', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('libs/domain purity', () => {
  const files = sources(domain).map((f) => relative(domain, f));

  it('finds the domain sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s imports only domain modules and reads no clock', (file) => {
    const source = readFileSync(join(domain, file), 'utf8');
    const imports = [...source.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    const outside = imports.filter(
      (i) => !i.startsWith('.') || !resolve(dirname(join(domain, file)), i).startsWith(domain),
    );
    expect(outside).toEqual([]);
    expect(source).not.toMatch(/Date\.now\(|new Date\(\)|process\./);
  });
});
