import { MonthlyFigureCache } from './monthly-figure-cache';

describe('MonthlyFigureCache', () => {
  const figures = { submissions: 3, publications: 300 };

  it('keeps a closed month, and the running month for a minute only', () => {
    const cache = new MonthlyFigureCache(60_000);
    cache.set('/1/2/', '2026-11', figures, true, 0);
    cache.set('/1/2/', '2026-12', figures, false, 0);
    expect(cache.get('/1/2/', '2026-11', 10 * 86_400_000)).toEqual(figures);
    expect(cache.get('/1/2/', '2026-12', 59_999)).toEqual(figures);
    expect(cache.get('/1/2/', '2026-12', 60_000)).toBeUndefined();
    expect(cache.get('/1/3/', '2026-11', 0)).toBeUndefined();
  });

  it('evicts the oldest entries beyond its bound', () => {
    const cache = new MonthlyFigureCache(60_000, 2);
    cache.set('a', '2026-01', figures, true, 0);
    cache.set('b', '2026-01', figures, true, 0);
    cache.set('c', '2026-01', figures, true, 0);
    expect(cache.get('a', '2026-01', 0)).toBeUndefined();
    expect(cache.get('c', '2026-01', 0)).toEqual(figures);
  });
});
