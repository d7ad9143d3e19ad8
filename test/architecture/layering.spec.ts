import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// Dependencies point one way between the top-level parts of apps/api/src (docs/decisions.md, "Honest
// infrastructure and one-way dependencies"):
//   infrastructure  imports only infrastructure;
//   a feature       imports infrastructure and the features listed BELOW it in FEATURES;
//   composition     (the entity and migration lists, migrations, demo data, the app module and entry points)
//                   may import everything, and nothing below it imports composition.
// The order of FEATURES was derived from the import graph when this test was written; a new top-level
// folder fails the test until it is placed in one of the lists.
const src = join(__dirname, '..', '..', 'apps', 'api', 'src');

const INFRASTRUCTURE = ['common', 'config', 'crypto', 'database', 'files', 'runtime', 'register-paths.ts'];
/** Lowest first: each may import only those before it. */
const FEATURES = [
  'rate-limits',
  'organisations',
  'jurisdiction',
  'audit',
  'jobs',
  'mail',
  'organisation-admin',
  'users',
  'data-admins',
  'auth',
  'certificates',
  'attachments',
  'calendar',
  'batches',
  'reviews',
  'screening',
  'reminders',
  'rechecks',
  'corrections',
  'reports',
  'complaints',
  'query-mode',
  'lookup',
  'lookup-accounts',
  // Composes the figures of every feature (lookup volumes included), so it sits above them all.
  'dashboard',
  'health',
];
const COMPOSITION = ['composition', 'seeds', 'app.module.ts', 'app.factory.ts', 'core.module.ts', 'main.ts'];

/**
 * Imports that run against the order today, each named exactly (importing file -> imported module). An entry
 * that no longer matches an import fails the test, so a removed exception is also removed from this list.
 */
const KNOWN_EXCEPTIONS: string[] = [];

type Layer = { kind: 'infrastructure' } | { kind: 'feature'; rank: number } | { kind: 'composition' };

function layerOf(part: string): Layer | undefined {
  if (INFRASTRUCTURE.includes(part)) return { kind: 'infrastructure' };
  if (FEATURES.includes(part)) return { kind: 'feature', rank: FEATURES.indexOf(part) };
  if (COMPOSITION.includes(part)) return { kind: 'composition' };
  return undefined;
}

function allowed(from: Layer, to: Layer): boolean {
  if (from.kind === 'composition') return true;
  if (to.kind === 'infrastructure') return true;
  if (from.kind === 'feature' && to.kind === 'feature') return to.rank < from.rank;
  return false;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Relative imports of a file (import, export … from, import(), require), resolved against apps/api/src. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) =>
      relative(src, resolve(dirname(file), name))
        .split(sep)
        .join('/'),
    );
}

const topOf = (path: string) => (path.includes('/') ? path.split('/')[0] : path.endsWith('.ts') ? path : `${path}.ts`);

interface Edge {
  from: string;
  to: string;
  key: string;
}

const edges: Edge[] = sources(src).flatMap((file) => {
  const from = relative(src, file).split(sep).join('/');
  return importsOf(file).map((to) => ({ from, to, key: `${from} -> ${to}` }));
});

describe('apps/api/src import direction', () => {
  it('reads the sources and their imports', () => {
    expect(edges.length).toBeGreaterThan(300);
  });

  it('places every top-level folder and file in a layer', () => {
    expect(readdirSync(src).filter((p) => !p.endsWith('.spec.ts') && !layerOf(p))).toEqual([]);
  });

  it('has no import against the declared order outside the named exceptions', () => {
    const violations = edges.filter((e) => {
      const from = layerOf(topOf(e.from));
      const to = layerOf(topOf(e.to));
      if (!from || !to || topOf(e.from) === topOf(e.to)) return false;
      return !allowed(from, to) && !KNOWN_EXCEPTIONS.includes(e.key);
    });
    expect(violations.map((v) => v.key)).toEqual([]);
  });

  it('names only exceptions that still exist', () => {
    const keys = new Set(edges.map((e) => e.key));
    expect(KNOWN_EXCEPTIONS.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('keeps composition out of every layer below it', () => {
    const upward = edges.filter(
      (e) => layerOf(topOf(e.from))?.kind !== 'composition' && layerOf(topOf(e.to))?.kind === 'composition',
    );
    expect(upward.map((e) => e.key)).toEqual([]);
  });
});
