import type { CertificateHistoryEntry } from '@app/contracts';
import { historyTime, oldestFirst } from './certificateHistory';

const entry = (kind: CertificateHistoryEntry['kind'], at: string): CertificateHistoryEntry => ({
  at,
  kind,
  label: kind,
  actorName: null,
  organisationName: null,
  reason: null,
  detail: null,
  flagId: null,
  recheckId: null,
});

describe('certificate history timeline', () => {
  it('reads oldest first: published, flag, suspension, restore', () => {
    const api = [
      entry('restored', '2026-11-23T08:00:00.000Z'),
      entry('suspended', '2026-11-22T08:00:00.000Z'),
      entry('flag_raised', '2026-11-21T18:00:00.000Z'),
      entry('published', '2026-11-01T02:00:00.000Z'),
    ];
    expect(oldestFirst(api).map((e) => e.kind)).toEqual(['published', 'flag_raised', 'suspended', 'restored']);
  });

  it('keeps steps of the same instant in the order they happened (the API lists the later one first)', () => {
    const at = '2026-11-22T08:00:00.000Z';
    expect(oldestFirst([entry('suspended', at), entry('flag_raised', at)]).map((e) => e.kind)).toEqual([
      'flag_raised',
      'suspended',
    ]);
  });

  it('does not change the list it is given', () => {
    const api = [entry('restored', '2026-11-23T08:00:00Z'), entry('published', '2026-11-01T02:00:00Z')];
    oldestFirst(api);
    expect(api[0].kind).toBe('restored');
  });

  it('shows an instant in Beijing time and a bare day as that day', () => {
    expect(historyTime('2026-11-22T16:30:00.000Z')).toBe('2026-11-23 00:30:00');
    expect(historyTime('2026-11-01')).toBe('2026-11-01');
  });
});
