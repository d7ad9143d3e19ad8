import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

// ARCHITECTURE: libs/domain is pure — no Nest, TypeORM, fs or other IO; today and the calendar are arguments.
describe('calendar module purity', () => {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

  it.each(files)('%s imports only sibling domain modules and reads no clock', (file) => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const imports = [...source.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports.filter((i) => !/^\.\.?\//.test(i) || i.startsWith('../../'))).toEqual([]);
    expect(source).not.toMatch(/Date\.now\(|new Date\(\)|process\./);
  });
});
