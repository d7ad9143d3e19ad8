import {
  BatchDuplicateDetector,
  parseCertificateRecord,
  validateCreditCode,
  validateResidentId,
  type CertificateValidationContext,
} from '@app/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBenchData } from '../../../../../bench/data/generate';
import { writeCertificatesXlsx } from '../../../../../bench/data/write-xlsx';
import { loadOccupationCatalogue } from '../../organisations/occupation-catalogue.loader';
import { readBatchFile } from './read-batch-file';

// The bench/demo generator must produce rows the importer accepts.
describe('bench data generator', () => {
  const catalogue = loadOccupationCatalogue();
  const today = '2025-06-30';

  it('is deterministic per seed and produces rows that pass R-8 validation without duplicates', () => {
    const a = generateBenchData({ count: 1000, today, catalogue, seed: 7, institutions: 5 });
    const b = generateBenchData({ count: 1000, today, catalogue, seed: 7, institutions: 5 });
    expect([...a.certificates].slice(0, 50)).toEqual([...b.certificates].slice(0, 50));
    for (const inst of a.institutions) {
      expect(validateCreditCode(inst.creditCode).ok).toBe(true);
      expect(inst.scope.length).toBeGreaterThan(0);
    }
    const detector = new BatchDuplicateDetector();
    let residentIds = 0;
    let i = 0;
    for (const c of a.certificates) {
      const inst = a.institutions[c.institutionIndex];
      const ctx: CertificateValidationContext = { today, kind: 'skill_level', catalogue, institution: inst };
      const parsed = parseCertificateRecord(c.values, ctx);
      expect(parsed.issues).toEqual([]);
      expect(parsed.record).toEqual(c.record);
      expect(c.record.issueDate >= '2023-06-30' && c.record.issueDate <= today).toBe(true);
      if (c.record.idType === 1) {
        residentIds++;
        expect(validateResidentId(c.record.idNumber).ok).toBe(true);
      }
      expect(detector.check({ rowNumber: i++ + 2, ...c.record, idNumber: c.record.idNumberCanonical })).toEqual([]);
    }
    expect(residentIds).toBeGreaterThan(950);
  });

  it('writes an .xlsx in template layout that the importer reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-data-'));
    try {
      const data = generateBenchData({ count: 50, today, catalogue, seed: 3 });
      const path = join(dir, 'c.xlsx');
      await writeCertificatesXlsx(path, data.certificates, 'skill_level', catalogue);
      const rows = [];
      for await (const row of readBatchFile(path, { maxRows: 100, maxBytes: 1e7, expectedKind: 'skill_level' })) {
        rows.push(row);
      }
      expect(rows).toHaveLength(50);
      const expected = [...data.certificates];
      rows.forEach((row, i) => {
        const ctx: CertificateValidationContext = {
          today,
          kind: 'skill_level',
          catalogue,
          institution: data.institutions[0],
        };
        expect(parseCertificateRecord(row.values, ctx).record).toEqual(expected[i].record);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  // 20,000 rows generated, written and read: ~10 s alone, three times that on a busy 2-core machine.
  it('reads Chinese text intact across stream chunk boundaries (a character can straddle two inflated chunks)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-utf8-'));
    try {
      const data = generateBenchData({ count: 20_000, today, catalogue, seed: 11 });
      const path = join(dir, 'c.xlsx');
      await writeCertificatesXlsx(path, data.certificates, 'skill_level', catalogue);
      const expected = data.certificates[Symbol.iterator]();
      let n = 0;
      for await (const row of readBatchFile(path, { maxRows: 20_000, maxBytes: 5e7 })) {
        const want = expected.next().value!.values;
        if (
          row.values.holderName !== want.holderName ||
          row.values.idType !== want.idType ||
          row.values.education !== want.education ||
          row.values.occupationName !== want.occupationName
        ) {
          throw new Error(`row ${row.rowNumber}: ${JSON.stringify(row.values)} != ${JSON.stringify(want)}`);
        }
        n++;
      }
      expect(n).toBe(20_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
