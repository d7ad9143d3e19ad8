import type { BatchStatus, Role } from '@app/domain';
import { batchActions } from './batchActions';

const batch = (status: BatchStatus, exemption: unknown = null) =>
  ({ status, exemption }) as Parameters<typeof batchActions>[0];

describe('batchActions (which buttons a role gets at which stage)', () => {
  it('offers an institution operator submit and record edits on a draft, nothing to review', () => {
    expect(batchActions(batch('draft'), ['institution_operator'])).toEqual({
      submit: true,
      reupload: false,
      editRecords: true,
      review: false,
      exemption: false,
    });
  });

  it('offers the corrected-sheet upload only for returned batches', () => {
    expect(batchActions(batch('returned'), ['institution_operator']).reupload).toBe(true);
    expect(batchActions(batch('draft'), ['institution_operator']).reupload).toBe(false);
  });

  it.each<[BatchStatus, Role]>([
    ['municipal_review', 'municipal_admin'],
    ['municipal_head_approval', 'municipal_head'],
    ['provincial_review', 'provincial_reviewer'],
    ['national_review', 'national_reviewer'],
  ])('lets only the stage role review at %s (%s)', (status, role) => {
    expect(batchActions(batch(status), [role]).review).toBe(true);
    const others: Role[] = ['municipal_admin', 'municipal_head', 'provincial_reviewer', 'national_reviewer'];
    for (const other of others.filter((r) => r !== role)) {
      expect(batchActions(batch(status), [other]).review).toBe(false);
    }
  });

  it('offers nothing on a published batch', () => {
    const none = { submit: false, reupload: false, editRecords: false, review: false, exemption: false };
    expect(batchActions(batch('published'), ['national_reviewer'])).toEqual(none);
    expect(batchActions(batch('published'), ['institution_operator'])).toEqual(none);
  });

  it('offers the exemption to the provincial centre before submission, again for records an earlier one does not cover', () => {
    expect(batchActions(batch('draft'), ['provincial_reviewer']).exemption).toBe(true);
    expect(batchActions(batch('returned'), ['provincial_admin']).exemption).toBe(true);
    expect(batchActions(batch('draft', { reason: '已豁免' }), ['provincial_reviewer']).exemption).toBe(true);
    expect(batchActions(batch('provincial_review'), ['provincial_reviewer']).exemption).toBe(false);
    expect(batchActions(batch('draft'), ['municipal_admin']).exemption).toBe(false);
  });
});
