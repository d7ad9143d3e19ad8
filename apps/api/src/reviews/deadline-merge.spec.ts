import fc from 'fast-check';
import { mergedPage } from './deadline-merge';

interface Item {
  key: number;
  kind: 'main' | 'extra';
  id: number;
}

/** The reference: both whole lists merged (ties: the main item first), then sliced. */
function naive(mains: Item[], extras: Item[], start: number, end: number): Item[] {
  const all = [...mains, ...extras].sort(
    (a, b) => a.key - b.key || (a.kind === b.kind ? a.id - b.id : a.kind === 'main' ? -1 : 1),
  );
  return all.slice(start, end + 1);
}

const sortedItems = (kind: Item['kind']) =>
  fc
    .array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 })
    .map((keys) => [...keys].sort((a, b) => a - b).map((key, id) => ({ key, kind, id })));

describe('mergedPage (the deadline board: open batches and re-checks in one order)', () => {
  it('equals slicing the fully merged lists, for any lists and page', async () => {
    await fc.assert(
      fc.asyncProperty(
        sortedItems('main'),
        sortedItems('extra'),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 25 }),
        async (mains, extras, start, size) => {
          const end = start + size - 1;
          const reads: { offset: number; limit: number }[] = [];
          const page = await mergedPage<Item>({
            start,
            end,
            extras: extras.slice(0, end + 1),
            extraBefore: (e, m) => e.key < m.key,
            fetchMain: (offset, limit) => {
              reads.push({ offset, limit });
              return Promise.resolve(mains.slice(offset, offset + limit));
            },
          });
          expect(page).toEqual(naive(mains, extras, start, end));
          // One read of the main list, never longer than the page and the extras given.
          expect(reads).toHaveLength(1);
          expect(reads[0].limit).toBeLessThanOrEqual(size + Math.min(extras.length, end + 1));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('without extras reads exactly the page of the main list', async () => {
    const reads: number[][] = [];
    const mains = Array.from({ length: 10 }, (_, id) => ({ key: id, kind: 'main' as const, id }));
    const page = await mergedPage<Item>({
      start: 4,
      end: 6,
      extras: [],
      extraBefore: () => false,
      fetchMain: (offset, limit) => {
        reads.push([offset, limit]);
        return Promise.resolve(mains.slice(offset, offset + limit));
      },
    });
    expect(page.map((i) => i.id)).toEqual([4, 5, 6]);
    expect(reads).toEqual([[4, 3]]);
  });
});
