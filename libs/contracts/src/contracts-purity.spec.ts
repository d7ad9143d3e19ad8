import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// libs/contracts holds JSON shapes and label tables only: every source imports only its siblings or @app/domain
// (never Nest, TypeORM, React or IO) and reads no clock, so the API and the console can both depend on it.
const contracts = __dirname;
const files = readdirSync(contracts).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

describe('libs/contracts purity', () => {
  it('finds the contract sources', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'batches.ts', 'users.ts']));
  });

  it.each(files)('%s imports only contracts and domain modules and reads no clock', (file) => {
    const source = readFileSync(join(contracts, file), 'utf8');
    const imports = [...source.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(imports.filter((i) => !/^\.\/[\w-]+$/.test(i) && i !== '@app/domain')).toEqual([]);
    expect(source).not.toMatch(/Date\.now\(|new Date\(|process\./);
  });
});
