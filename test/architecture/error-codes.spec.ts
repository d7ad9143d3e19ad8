import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DomainError, type ErrorCode } from '@app/domain';
import { ERROR_TABLES, ERRORS, errorSpec } from '../../apps/api/src/composition/error-registry';
import { ErrorFilter } from '../../apps/api/src/common/errors/error.filter';

// STYLE.md §4, typed errors: every code the API can answer is declared once (a `<feature>.errors.ts`, or libs/domain
// for the domain's own) with its HTTP status and a Chinese sentence. The compiler refuses undeclared codes at
// `new DomainError(…)`; this test also reads the sources, so a code built some other way (a string that reaches
// a reply without passing the type) is caught, and the filter answers an undeclared code as a programming error.
const root = join(__dirname, '..', '..');
/** Any upper-snake-case string, and a one-word upper-case string where a code is given. */
const CODE_LITERALS = [
  /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g,
  /(?:DomainError\(|errorBody\(|code:)\s*['"`]([A-Z][A-Z0-9_]*)['"`]/g,
];
/** Upper-case constants in the sources that are not error codes: database driver errors, an injection token. */
const NOT_ERROR_CODES = new Set(['SQLITE_CONSTRAINT', 'ER_DUP_ENTRY', 'APP_CONFIG']);
const CHINESE = /[\u4e00-\u9fff]/;

function sources(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

function codesIn(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of CODE_LITERALS.flatMap((pattern) => [...text.matchAll(pattern)])) {
      if (!found.has(match[1])) found.set(match[1], relative(root, file));
    }
  }
  return found;
}

const productionSources = [join(root, 'apps', 'api', 'src'), join(root, 'libs', 'domain', 'src')].flatMap((dir) =>
  sources(dir, (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.errors.ts')),
);
const declared = new Set(Object.keys(ERRORS));

describe('error codes', () => {
  it('declares each code once, with an HTTP error status and a Chinese sentence', () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const [table, specs] of Object.entries(ERROR_TABLES)) {
      for (const [code, spec] of Object.entries(specs)) {
        if (seen.has(code)) problems.push(`${code} declared in ${seen.get(code)} and ${table}`);
        seen.set(code, table);
        if (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599) {
          problems.push(`${code}: status ${spec.status}`);
        }
        if (!CHINESE.test(spec.message)) problems.push(`${code}: message "${spec.message}" is not Chinese`);
      }
    }
    expect(problems).toEqual([]);
    expect([...seen.keys()].sort()).toEqual([...declared].sort());
    expect(declared.size).toBeGreaterThan(60);
  });

  it('declares every code the API and the domain raise or answer with', () => {
    const used = codesIn(productionSources);
    expect(used.size).toBeGreaterThan(60);
    const undeclared = [...used].filter(([code]) => !declared.has(code) && !NOT_ERROR_CODES.has(code));
    expect(undeclared).toEqual([]);
  });

  it('declares no code that nothing raises', () => {
    const used = codesIn(productionSources);
    expect([...declared].filter((code) => !used.has(code))).toEqual([]);
  });

  it('declares every code the end-to-end tests expect from the API', () => {
    const files = sources(join(root, 'test'), (name) => name.endsWith('.e2e-spec.ts'));
    const expected = new Map<string, string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /code\)?\.toBe\(\s*['"]([A-Z][A-Z0-9_]+)['"]|code: ['"]([A-Z][A-Z0-9_]+)['"]/g,
      )) {
        expected.set(match[1] ?? match[2], relative(root, file));
      }
    }
    expect(expected.size).toBeGreaterThan(20);
    expect([...expected].filter(([code]) => !declared.has(code))).toEqual([]);
  });

  it('answers an undeclared code as a programming error: 500, logged', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const filter = new ErrorFilter({ recordStandalone: () => Promise.resolve() }, errorSpec, 1);
    const reply = { status: jest.fn(), json: jest.fn(), headersSent: false };
    reply.status.mockReturnValue(reply);
    const host = {
      switchToHttp: () => ({ getRequest: () => ({ method: 'POST', path: '/api/admin/x' }), getResponse: () => reply }),
    } as unknown as ArgumentsHost;
    try {
      await filter.catch(new DomainError('NOT_DECLARED_ANYWHERE' as ErrorCode, '某个消息'), host);
      expect(reply.status).toHaveBeenCalledWith(500);
      expect(reply.json).toHaveBeenCalledWith({
        statusCode: 500,
        code: 'INTERNAL_ERROR',
        message: ERRORS.INTERNAL_ERROR.message,
      });
      expect(logged).toHaveBeenCalled();

      await filter.catch(new DomainError('STALE_VERSION', '该记录已被他人修改，请刷新后重试'), host);
      expect(reply.status).toHaveBeenLastCalledWith(409);
    } finally {
      logged.mockRestore();
    }
  });
});
