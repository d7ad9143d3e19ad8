import { ROLES, Role } from '../access/roles';
import {
  actionRefusal,
  BATCH_STATUSES,
  BatchStatus,
  firstStage,
  nextStatus,
  REVIEW_STAGES,
  reviewChain,
} from './batch-workflow';

describe('batch workflow (R-11, R-13)', () => {
  it('walks municipal → head → provincial → national → published on the Guangdong profile', () => {
    const path: string[] = [firstStage('municipal')];
    while (path[path.length - 1] !== 'published') path.push(nextStatus(path[path.length - 1] as never, 'guangdong'));
    expect(path).toEqual([
      'municipal_review',
      'municipal_head_approval',
      'provincial_review',
      'national_review',
      'published',
    ]);
  });

  // the head's approval is Guangdong's rule (粤 二（一）); the national 指南 has no such step.
  it.each([
    ['guangdong', 'municipal', ['municipal_review', 'municipal_head_approval', 'provincial_review', 'national_review']],
    ['guangdong', 'provincial', ['provincial_review', 'national_review']],
    ['national', 'municipal', ['municipal_review', 'provincial_review', 'national_review']],
    ['national', 'provincial', ['provincial_review', 'national_review']],
  ] as const)('R-11 chain on the %s profile for an institution under a %s centre', (profile, parent, chain) => {
    expect(reviewChain(profile, parent)).toEqual(chain);
    const walked: string[] = [firstStage(parent)];
    while (walked[walked.length - 1] !== 'published') {
      walked.push(nextStatus(walked[walked.length - 1] as never, profile));
    }
    expect(walked).toEqual([...chain, 'published']);
  });

  it.each([
    ['municipal_review', 'national', 'provincial_review'],
    ['municipal_review', 'guangdong', 'municipal_head_approval'],
    ['municipal_head_approval', 'guangdong', 'provincial_review'],
    // A batch left at a stage its province does not have moves on to the next stage it does have.
    ['municipal_head_approval', 'national', 'provincial_review'],
    ['provincial_review', 'national', 'national_review'],
    ['national_review', 'national', 'published'],
    ['national_review', 'guangdong', 'published'],
  ] as const)('R-11 after %s on the %s profile comes %s', (stage, profile, next) => {
    expect(nextStatus(stage, profile)).toBe(next);
  });

  it('starts provincial-level institutions at provincial review', () => {
    expect(firstStage('provincial')).toBe('provincial_review');
  });

  // Who may approve or return at each state: exactly the stage's role, nobody elsewhere.
  const deciders: Record<BatchStatus, Role | null> = {
    draft: null,
    municipal_review: 'municipal_admin',
    municipal_head_approval: 'municipal_head',
    provincial_review: 'provincial_reviewer',
    national_review: 'national_reviewer',
    published: null,
    returned: null,
  };
  const table = BATCH_STATUSES.flatMap((status) =>
    ROLES.map((role) => [status, role, deciders[status] === role] as const),
  );

  it.each(table)('%s × %s → may decide: %s', (status, role, allowed) => {
    for (const action of ['approve', 'return'] as const) {
      expect(actionRefusal(action, status, [role]) === null).toBe(allowed);
    }
  });

  it.each([
    ['draft', 'institution_operator', true],
    ['returned', 'institution_operator', true],
    ['returned', 'municipal_admin', true],
    ['draft', 'provincial_reviewer', false],
    ['municipal_review', 'institution_operator', false],
    ['published', 'institution_operator', false],
  ] as const)('submit from %s by %s → %s', (status, role, allowed) => {
    expect(actionRefusal('submit', status, [role]) === null).toBe(allowed);
  });

  it('explains a refusal in Chinese', () => {
    expect(actionRefusal('approve', 'provincial_review', ['municipal_admin'])).toBe(
      '“省级审核”环节只能由省级审核员处理',
    );
    expect(REVIEW_STAGES).toHaveLength(4);
  });
});
