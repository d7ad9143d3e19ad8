import { RateLimitService } from '../../apps/api/src/rate-limits/rate-limit.service';
import { RateLimitsModule } from '../../apps/api/src/rate-limits/rate-limits.module';
import { createMediumContext, MediumContext } from './support/medium-context';

const HOUR = { limit: 5, windowSeconds: 3600 };

// R-9 (ID-number reveal and search quotas) rest on these counters: database-held fixed windows, exact under concurrency.
describe('database rate limits (medium)', () => {
  let m: MediumContext;
  let limits: RateLimitService;

  beforeEach(async () => {
    m = await createMediumContext({ imports: [RateLimitsModule], now: '2026-11-23T02:10:00Z' });
    limits = m.get(RateLimitService);
  });
  afterEach(() => m.close());

  const hits = async (bucket: string) =>
    Number((await m.dataSource.query('SELECT hits FROM rate_limits WHERE bucket = ?', [bucket]))[0]?.hits ?? 0);

  it('counts exactly up to its limit under concurrent first use; other buckets are separate', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => limits.consume('test:burst', HOUR)));
    expect(burst.filter(Boolean)).toHaveLength(5);
    expect(await limits.consume('test:burst', HOUR)).toBe(false);
    expect(await limits.consume('test:other', HOUR)).toBe(true);
    expect(await hits('test:burst')).toBe(5);
  });

  it('starts again when the clock crosses into the next window, and not a moment before', async () => {
    for (let i = 0; i < 5; i++) expect(await limits.consume('test:window', HOUR)).toBe(true);
    // Windows are aligned to the epoch hour: 02:10 → the window ends at 03:00.
    m.clock.set('2026-11-23T02:59:59.999Z');
    expect(await limits.consume('test:window', HOUR)).toBe(false);
    m.clock.set('2026-11-23T03:00:00Z');
    const next = await Promise.all(Array.from({ length: 8 }, () => limits.consume('test:window', HOUR)));
    expect(next.filter(Boolean)).toHaveLength(5);
    expect(await hits('test:window')).toBe(5);
  });

  it('enforce refuses with RATE_LIMITED and the given message once the window is used up', async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    await limits.enforce('test:enforce', rule, '查询过于频繁');
    await expect(limits.enforce('test:enforce', rule, '查询过于频繁')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: '查询过于频繁',
    });
    m.clock.advance(60_000);
    await expect(limits.enforce('test:enforce', rule, '查询过于频繁')).resolves.toBeUndefined();
  });

  it('prunes buckets idle for a day, keeps the rest, and a pruned bucket starts afresh', async () => {
    for (let i = 0; i < 5; i++) await limits.consume('test:idle', HOUR);
    m.clock.advance(23 * 3_600_000);
    await limits.consume('test:recent', HOUR);
    m.clock.advance(2 * 3_600_000);
    expect(await limits.prune()).toEqual({ deleted: 1 });
    expect(await hits('test:idle')).toBe(0);
    expect(await hits('test:recent')).toBe(1);
    expect(await limits.consume('test:idle', HOUR)).toBe(true);
  });
});
