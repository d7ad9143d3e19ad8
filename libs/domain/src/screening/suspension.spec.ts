import { SUSPENSION_REFUSALS, suspensionRefusal } from './suspension';

describe('suspensionRefusal (R-26, R-33)', () => {
  it.each([
    ['published and visible', { status: 'published', lookupStatus: 'visible' }, null],
    ['in review', { status: 'in_review', lookupStatus: null }, 'CERTIFICATE_NOT_PUBLISHED'],
    ['a draft', { status: 'draft', lookupStatus: null }, 'CERTIFICATE_NOT_PUBLISHED'],
    ['returned', { status: 'returned', lookupStatus: null }, 'CERTIFICATE_NOT_PUBLISHED'],
    ['published without a lookup status', { status: 'published', lookupStatus: null }, 'CERTIFICATE_NOT_PUBLISHED'],
    ['already suspended', { status: 'published', lookupStatus: 'suspended' }, 'CERTIFICATE_ALREADY_SUSPENDED'],
    ['deleted', { status: 'published', lookupStatus: 'deleted' }, 'CERTIFICATE_LOOKUP_DELETED'],
  ])('%s', (_name, certificate, expected) => {
    expect(suspensionRefusal(certificate)).toBe(expected);
  });

  it('gives each refusal a Chinese reason', () => {
    for (const reason of Object.values(SUSPENSION_REFUSALS)) expect(reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
