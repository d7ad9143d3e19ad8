/**
 * One page of two ordered lists merged into one order, without reading the main list from its start: the deadline
 * board's open batches (the main list, paged in SQL) and the few open items of other features (the extras, e.g.
 * re-checks). The extras come as their first `end + 1` items at most; the main list is read from the page's start
 * less their number, so its read is at most the page and the extras, whatever the offset.
 */
export interface MergePageInput<T> {
  /** The page's first and last positions in the merged order (inclusive, 0-based). */
  start: number;
  end: number;
  /** The extras' first `min(end + 1, total)` items in their order. */
  extras: T[];
  /** Whether `extra` comes before `main` in the merged order (an equal sort key: the main item first). */
  extraBefore: (extra: T, main: T) => boolean;
  /** `limit` items of the main list from `offset`, in its order. */
  fetchMain: (offset: number, limit: number) => Promise<T[]>;
}

export async function mergedPage<T>(input: MergePageInput<T>): Promise<T[]> {
  const { start, end, extras, extraBefore } = input;
  // A main item on the page has at most extras.length extras before it, so its rank is at least this.
  const firstMain = Math.max(0, start - extras.length);
  const mains = (await input.fetchMain(firstMain, end - firstMain + 1)).map((item, k) => ({
    item,
    rank: firstMain + k,
  }));
  const placed: { position: number; item: T }[] = [];
  for (const m of mains) {
    // Exact, or (every extra given before it while more exist) past `end` either way.
    placed.push({ position: m.rank + extras.filter((e) => extraBefore(e, m.item)).length, item: m.item });
  }
  extras.forEach((e, rank) => {
    // Every main item before firstMain counts as before it: exact when the item at firstMain comes before it; when
    // not, its true position is smaller still and rank + firstMain < start keeps it off the page either way.
    const mainsBefore = firstMain + mains.filter((m) => !extraBefore(e, m.item)).length;
    placed.push({ position: rank + mainsBefore, item: e });
  });
  return placed
    .filter((p) => p.position >= start && p.position <= end)
    .sort((a, b) => a.position - b.position)
    .map((p) => p.item);
}
