import { DEFAULT_QUERY_MODE_DATES, newModeOpen, oldModeOpen, queryModeGap, queryModeOn } from './query-mode';

describe('R-32 query mode on a Beijing day', () => {
  const dates = DEFAULT_QUERY_MODE_DATES;

  it.each([
    ['2025-11-30', 'old'],
    ['2025-12-01', 'both'],
    ['2026-02-28', 'both'],
    ['2026-03-01', 'new'],
  ])('%s → %s (the day before, of and after each date)', (day, mode) => {
    expect(queryModeOn(dates, day)).toBe(mode);
  });

  it('old mode ending the day before the new one starts leaves no gap and no parallel period', () => {
    const back = { newModeStart: '2026-03-01', oldModeLastDay: '2026-02-28' };
    expect(queryModeGap(back)).toBe(false);
    expect(queryModeOn(back, '2026-02-28')).toBe('old');
    expect(queryModeOn(back, '2026-03-01')).toBe('new');
  });

  it('a day with neither mode is a gap', () => {
    expect(queryModeGap({ newModeStart: '2026-03-02', oldModeLastDay: '2026-02-28' })).toBe(true);
    expect(queryModeGap(dates)).toBe(false);
  });

  it('which modes are open', () => {
    expect([oldModeOpen('old'), oldModeOpen('both'), oldModeOpen('new')]).toEqual([true, true, false]);
    expect([newModeOpen('old'), newModeOpen('both'), newModeOpen('new')]).toEqual([false, true, true]);
  });
});
