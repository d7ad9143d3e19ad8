import { scopeKeepingHistory } from './scope-history';
import type { InstitutionScopeEntry } from './record';

const cook = (levels: number[], validFrom: string, validTo: string | null = null): InstitutionScopeEntry => ({
  occupationCode: '4-03-02-01',
  occupationName: '中式烹调师',
  levels,
  validFrom,
  validTo,
});
const TODAY = '2026-11-23';

describe('scopeKeepingHistory (R-2: an edit changes the scope from today on)', () => {
  it('ends a removed entry yesterday instead of deleting its past', () => {
    const { scope, ended } = scopeKeepingHistory([cook([5, 4], '2020-01-01')], [], TODAY);
    expect(ended).toEqual([cook([5, 4], '2020-01-01', '2026-11-22')]);
    expect(scope).toEqual(ended);
  });

  it('keeps a dropped level until yesterday and takes the narrowed entry as given', () => {
    const narrowed = cook([5], '2020-01-01');
    const { scope, ended } = scopeKeepingHistory([cook([5, 4, 3], '2020-01-01')], [narrowed], TODAY);
    expect(ended).toEqual([cook([4, 3], '2020-01-01', '2026-11-22')]);
    expect(scope).toEqual([narrowed, ...ended]);
  });

  it('keeps an entry that had ended when it is left out, and takes edited validity dates as typed', () => {
    const ended = cook([4], '2018-01-01', '2019-12-31');
    expect(scopeKeepingHistory([cook([5], '2020-01-01'), ended], [cook([5], '2024-01-01')], TODAY).ended).toEqual([
      ended,
    ]);
    expect(
      scopeKeepingHistory([cook([5], '2020-01-01')], [cook([5], '2020-01-01', '2025-06-30')], TODAY).ended,
    ).toEqual([]);
  });

  it('changes nothing when the occupation keeps its levels, also split over several entries', () => {
    expect(scopeKeepingHistory([cook([5], '2020-01-01')], [cook([5, 4], '2019-01-01')], TODAY).ended).toEqual([]);
    const split = [cook([5], '2020-01-01', '2022-12-31'), cook([5, 4], '2023-01-01')];
    expect(scopeKeepingHistory([cook([5, 4], '2020-01-01')], split, TODAY).ended).toEqual([]);
  });

  it('lets an entry that starts today or later be changed or removed freely', () => {
    expect(scopeKeepingHistory([cook([5], TODAY), cook([4], '2027-01-01')], [], TODAY)).toEqual({
      scope: [],
      ended: [],
    });
  });
});
