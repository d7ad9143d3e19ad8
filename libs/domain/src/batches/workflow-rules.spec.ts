import { OrganisationLevel } from '../access/roles';
import {
  InstitutionStatus,
  judgeRecord,
  maintenanceRefusal,
  proxyUploadRefusal,
  separationRefusal,
  SubmissionContext,
} from './workflow-rules';

describe('R-44 maintenance of institutions’ data', () => {
  const levels: OrganisationLevel[] = ['institution', 'municipal', 'provincial', 'national'];
  const statuses: InstitutionStatus[] = ['active', 'ceased', 'dissolved'];
  const table = statuses.flatMap((status) =>
    levels.map((level) => [status, level, status === 'dissolved' && level === 'institution'] as const),
  );
  it.each(table)('%s institution, actor at %s level → refused: %s', (status, level, refused) => {
    expect(maintenanceRefusal(status, level) !== null).toBe(refused);
  });

  it.each([
    ['institution', 'active', undefined, null],
    ['institution', 'ceased', undefined, null],
    ['institution', 'dissolved', undefined, 'INSTITUTION_DISSOLVED'],
    ['municipal', 'dissolved', undefined, null],
    ['provincial', 'dissolved', '', null],
    ['municipal', 'active', undefined, 'BATCH_PROXY_REASON_REQUIRED'],
    ['municipal', 'active', '  ', 'BATCH_PROXY_REASON_REQUIRED'],
    ['municipal', 'ceased', undefined, 'BATCH_PROXY_REASON_REQUIRED'],
    ['municipal', 'active', '机构系统故障，委托市中心代传', null],
    ['provincial', 'active', '省属机构书面委托', null],
  ] as const)('upload by a %s actor for a %s institution with reason %p → %s', (level, status, reason, code) => {
    expect(proxyUploadRefusal(level, status, reason)?.code ?? null).toBe(code);
  });
});

describe('R-3 separation of duties', () => {
  it('refuses an author of the batch and lets anyone else approve', () => {
    expect(separationRefusal(7, new Set([7, 9]))?.code).toBe('BATCH_SEPARATION_OF_DUTIES');
    expect(separationRefusal(8, new Set([7, 9]))).toBeNull();
  });
});

describe('R-14, R-16 judging a (re)submitted record', () => {
  // Issued 2026-04-20: upload due (Guangdong) 2026-05-20, cutoff 2026-10-20.
  const old = { id: 1, certificateNumber: 'A1', uploadDue: '2026-05-20', cutoff: '2026-10-20' };
  // Issued 2026-11-16: upload due 2026-12-16, cutoff 2027-05-16.
  const fresh = { id: 2, certificateNumber: 'B2', uploadDue: '2026-12-16', cutoff: '2027-05-16' };
  const returned = (due: string, ids: number[], numbers: string[] = []): SubmissionContext['correction'] => ({
    due,
    ids: new Set(ids),
    numbers: new Set(numbers),
  });
  const ctx = (over: Partial<SubmissionContext>): SubmissionContext => ({
    today: '2026-11-23',
    correction: null,
    exempted: null,
    ...over,
  });

  it.each([
    [
      'first submission, past the cutoff',
      old,
      ctx({}),
      { late: true, pastCutoff: true, refused: true, due: '2026-10-20' },
    ],
    [
      'first submission, on time',
      fresh,
      ctx({}),
      { late: false, pastCutoff: false, refused: false, due: '2026-12-16' },
    ],
    [
      'returned record within its correction period',
      old,
      ctx({ correction: returned('2026-12-07', [1]) }),
      { late: false, pastCutoff: false, refused: false, due: '2026-12-07' },
    ],
    [
      'returned record re-uploaded (same number) within the period',
      old,
      ctx({ correction: returned('2026-12-07', [99], ['A1']) }),
      { late: false, pastCutoff: false, refused: false, due: '2026-12-07' },
    ],
    [
      'returned record after its correction period',
      old,
      ctx({ today: '2026-12-08', correction: returned('2026-12-07', [1]) }),
      { late: true, pastCutoff: true, refused: true, due: '2026-10-20' },
    ],
    [
      'returned, fresh record after its correction period but inside its upload period',
      fresh,
      ctx({ today: '2026-12-08', correction: returned('2026-12-07', [2]) }),
      { late: false, pastCutoff: false, refused: false, due: '2026-12-16' },
    ],
    [
      'returned, fresh record after both periods',
      fresh,
      ctx({ today: '2026-12-17', correction: returned('2026-12-07', [2]) }),
      { late: true, pastCutoff: false, refused: false, due: '2026-12-16' },
    ],
    [
      'a new record a re-upload added to a returned batch',
      old,
      ctx({ correction: returned('2026-12-07', [5], ['Z9']) }),
      { late: true, pastCutoff: true, refused: true, due: '2026-10-20' },
    ],
    [
      'past the cutoff, covered by the exemption',
      old,
      ctx({ exempted: { ids: new Set([1]), numbers: new Set() } }),
      { late: true, pastCutoff: true, refused: false, due: '2026-10-20' },
    ],
    [
      'past the cutoff, exemption granted for other records',
      old,
      ctx({ exempted: { ids: new Set([3]), numbers: new Set(['C3']) } }),
      { late: true, pastCutoff: true, refused: true, due: '2026-10-20' },
    ],
  ] as const)('%s', (_name, record, context, expected) => {
    expect(judgeRecord(record, context)).toEqual(expected);
  });

  it('counts the correction due day itself as on time (whole Beijing days, R-15)', () => {
    expect(judgeRecord(old, ctx({ today: '2026-12-07', correction: returned('2026-12-07', [1]) })).late).toBe(false);
  });
});
