import { BATCH_STATUSES } from '../batches/batch-workflow';
import { batchReminderKind, batchResponsibility, OPEN_BATCH_STATUSES } from './responsibility';

describe('who acts on an open batch (R-14, R-17, R-35)', () => {
  it.each([
    ['draft', 'upload', { level: 'institution', role: 'institution_operator' }],
    ['returned', 'correction', { level: 'institution', role: 'institution_operator' }],
    ['municipal_review', 'review', { level: 'municipal', role: 'municipal_admin' }],
    ['municipal_head_approval', 'review', { level: 'municipal', role: 'municipal_head' }],
    ['provincial_review', 'review', { level: 'provincial', role: 'provincial_reviewer' }],
    ['national_review', 'review', { level: 'national', role: 'national_reviewer' }],
  ] as const)('%s is a %s item for %j', (status, kind, responsibility) => {
    expect(batchReminderKind(status)).toBe(kind);
    expect(batchResponsibility(status)).toEqual(responsibility);
  });

  it('every status but published is open', () => {
    expect([...OPEN_BATCH_STATUSES].sort()).toEqual(BATCH_STATUSES.filter((s) => s !== 'published').sort());
  });
});
