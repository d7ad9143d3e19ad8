import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zhCN } from './zh-CN';

// User-facing text goes through the i18n messages (zh-CN.ts): components name keys, never Chinese literals.
const src = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sources(src)
  .map((path) => relative(src, path).split('\\').join('/'))
  // The public lookup site is its own small app (no react-admin, no i18n provider): it writes its Chinese directly.
  .filter((file) => !file.startsWith('i18n/') && !file.startsWith('lookup-site/'));
const read = (file: string) => readFileSync(join(src, file), 'utf8');
/** The source without comments, so documentation may quote the Chinese terms it explains. */
const code = (file: string) =>
  read(file)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const message = (key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zhCN);

/**
 * Files that still hold Chinese text: label tables (names of codes, shown as data), pure helpers whose specs check
 * the Chinese they produce, and names that are data. Shrink this list; a new screen never joins it.
 */
const STILL_LITERAL = [
  // label tables
  'calendar/dayKinds.ts',
  'calendar/deadlineLabels.ts',
  'calendar/MonthGrid.tsx',
  'calendar/PeriodDaysTable.tsx',
  'calendar/SpecialDaysCard.tsx',
  'organisations/choices.ts',
  'organisations/ScopeInput.tsx',
  'providers/i18nProvider.ts',
  // pure helpers whose specs check the Chinese they produce
  'batches/dueChip.ts',
  'common/fields.tsx',
  // date formats (年, 月) of the pickers' calendar headings
  'common/pickers.tsx',
  // MUI's own pager texts, set once for every table (no translate() where the theme is built)
  'theme.ts',
  'users/roleChoices.ts',
  // names that are data rather than screen text: a record's representation, download file names
  'batches/index.ts',
  'providers/dataProvider.ts',
];

describe('console texts', () => {
  it('finds the console sources', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('keep Chinese only in the files still listed as literal (and every listed file still has some)', () => {
    const literal = files.filter((file) => /[\u4e00-\u9fff]/.test(code(file))).sort();
    expect(literal).toEqual([...STILL_LITERAL].sort());
  });

  it('name only message keys that exist in zh-CN.ts', () => {
    const missing = files.flatMap((file) =>
      [...code(file).matchAll(/['"`]((?:app|resources|ra)\.[\w-]+(?:\.[\w-]+)+)['"`]/g)]
        .map((m) => m[1])
        .filter((key) => typeof message(key) !== 'string')
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});
