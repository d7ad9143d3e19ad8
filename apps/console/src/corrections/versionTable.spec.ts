import type { CertificateVersionView } from '@app/contracts';
import { CORRECTABLE_FIELDS } from '@app/domain';
import { versionRows, versionSourceKey } from './versionTable';

const values = (over: Partial<CertificateVersionView['values']> = {}) =>
  ({
    ...Object.fromEntries(CORRECTABLE_FIELDS.map((f) => [f, null])),
    holderName: '陈伟',
    idNumber: '**************1234',
    gender: '1',
    level: '4',
    ...over,
  }) as CertificateVersionView['values'];

const version = (
  n: number,
  v: CertificateVersionView['values'],
  changes: CertificateVersionView['changes'] = [],
): CertificateVersionView => ({
  version: n,
  correctionId: null,
  changes,
  values: v,
  source: n === 1 ? 'import' : 'correction',
  createdByName: null,
  createdAt: '2026-11-20T02:00:00.000Z',
});

describe('certificate versions side by side (R-19)', () => {
  it('lists every correctable field in template order with the Chinese header', () => {
    const rows = versionRows([version(1, values())]);
    expect(rows.map((r) => r.field)).toEqual([...CORRECTABLE_FIELDS]);
    expect(rows[0]).toMatchObject({ header: '姓名', cells: [{ text: '陈伟', changed: false }], everChanged: false });
  });

  it('marks the cells a version changed, and shows codes as their labels', () => {
    const rows = versionRows([
      version(1, values()),
      version(2, values({ holderName: '陈玮' }), [
        { field: 'holderName', fieldLabel: '姓名', before: '陈伟', after: '陈玮' },
      ]),
      version(3, values({ holderName: '陈玮', level: '3' })),
    ]);
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(byField.holderName.cells).toEqual([
      { text: '陈伟', changed: false },
      { text: '陈玮', changed: true },
      { text: '陈玮', changed: false },
    ]);
    // Version 3 names no change, but its value differs from version 2's.
    expect(byField.level.cells.map((c) => [c.text, c.changed])).toEqual([
      ['四级/中级工', false],
      ['四级/中级工', false],
      ['三级/高级工', true],
    ]);
    expect(byField.gender.cells[0].text).toBe('男');
    expect(byField.idNumber.cells[0].text).toBe('**************1234');
    expect(rows.filter((r) => r.everChanged).map((r) => r.field)).toEqual(['holderName', 'level']);
  });

  it('names each source by key', () => {
    expect(versionSourceKey('reupload')).toBe('app.corrections.versions.source.reupload');
  });
});
