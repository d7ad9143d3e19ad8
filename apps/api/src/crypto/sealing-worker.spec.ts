import { format } from 'mysql2';
import { loadConfig } from '../config/app-config';
import { FieldCipher } from './field-cipher';
import type { SealingWorker } from './sealing-worker';

// rows sealed on the worker thread hold what FieldCipher.encrypt / blindIndex would have stored.
describe('SealingWorker', () => {
  const cipher = new FieldCipher(loadConfig({ NODE_ENV: 'test' }));
  let worker: SealingWorker;
  beforeAll(() => {
    worker = cipher.sealingWorker();
  });
  afterAll(() => worker.close());

  const ids = Array.from({ length: 1500 }, (_, i) => `44010619900101${String(i).padStart(3, '0')}x`);
  const rows = () => ids.map((id, i) => [i, id, ` ${id} `, "O'Brien", null, 78.5]);

  it('encrypts the one column and blind-indexes the other, with a fresh IV per value', async () => {
    const result = await worker.seal(rows(), { encrypt: 1, blindIndex: 2 });
    if (!('rows' in result)) throw new Error('expected rows');
    expect(result.rows.map((r) => cipher.decrypt(String(r[1])))).toEqual(ids);
    expect(result.rows.map((r) => r[2])).toEqual(ids.map((id) => cipher.blindIndex(id)));
    expect(result.rows.map((r) => [r[0], r[3], r[4], r[5]])).toEqual(rows().map((r) => [r[0], r[3], r[4], r[5]]));
    expect(new Set(result.rows.map((r) => String(r[1]).split('.')[1])).size).toBe(ids.length);
  });

  it('writes the INSERT statements with mysql2’s escaping, perStatement rows each', async () => {
    const statement = {
      head: 'INSERT INTO t (v, a, b, c, d, e, f) VALUES ',
      tuple: '(1, ?, ?, ?, ?, ?, ?)',
      perStatement: 1000,
      timezone: 'Z',
    };
    const result = await worker.seal(rows(), { encrypt: 1, blindIndex: 2 }, statement);
    if (!('statements' in result)) throw new Error('expected statements');
    expect(result.statements).toHaveLength(2);
    const tuples = result.statements.flatMap((s) => {
      expect(s.startsWith(statement.head)).toBe(true);
      return s.slice(statement.head.length).split(/(?<=\)), (?=\(1, )/);
    });
    expect(tuples).toHaveLength(ids.length);
    tuples.forEach((tuple, i) => {
      const enc = /^\(1, \d+, '([^']+)'/.exec(tuple)![1];
      expect(cipher.decrypt(enc)).toBe(ids[i]);
      expect(tuple).toBe(format(statement.tuple, [i, enc, cipher.blindIndex(ids[i]), "O'Brien", null, 78.5]));
    });
  });

  it('answers an error for a job it cannot do, and keeps working', async () => {
    await expect(worker.seal([[1, { toString: null }, 'x']], { encrypt: 1, blindIndex: 2 })).rejects.toThrow(
      /sealing worker/,
    );
    const result = await worker.seal([[1, 'a', 'b']], { encrypt: 1, blindIndex: 2 });
    expect('rows' in result && cipher.decrypt(String(result.rows[0][1]))).toBe('a');
  });
});
