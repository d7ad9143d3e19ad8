/**
 * Group commit: concurrent callers hand in items and one writer stores them together. While a write is under way the
 * items that arrive wait for the next write, which takes all of them, so N requests at once cost about one
 * statement or transaction (one log flush on disk) instead of N, and an idle caller is written at once — no timer,
 * no added latency. Each caller gets its own item's result; a failed write fails every caller of that write, and the
 * next write starts afresh.
 */
export class GroupCommit<T, R> {
  private queue: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private writing: Promise<void> | null = null;

  /** `write` returns one result per item, in the items' order. */
  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxItems = 500,
  ) {}

  submit(item: T): Promise<R> {
    const result = new Promise<R>((resolve, reject) => this.queue.push({ item, resolve, reject }));
    this.writing ??= this.flush();
    return result;
  }

  private async flush(): Promise<void> {
    // Let the callers of this turn of the event loop join the first write too.
    await Promise.resolve();
    while (this.queue.length > 0) {
      const part = this.queue.splice(0, this.maxItems);
      try {
        const results = await this.write(part.map((p) => p.item));
        part.forEach((p, i) => p.resolve(results[i]));
      } catch (error) {
        for (const p of part) p.reject(error);
      }
    }
    this.writing = null;
  }
}
