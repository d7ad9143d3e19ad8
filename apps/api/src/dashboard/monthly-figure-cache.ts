/** One month's dashboard figures for one jurisdiction. */
export interface MonthFigures {
  submissions: number;
  publications: number;
}

/**
 * The monthly figures already counted, per jurisdiction and month. A closed month never changes — submissions are
 * stamped and batches published with the day they happen — so it is kept until evicted; the running month is kept for
 * `runningMonthMs` only. Bounded: the oldest entries go first.
 */
export class MonthlyFigureCache {
  private readonly entries = new Map<string, { figures: MonthFigures; expiresAt: number | null }>();

  constructor(
    private readonly runningMonthMs = 60_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(scopeKey: string, month: string, nowMs: number): MonthFigures | undefined {
    const key = `${scopeKey}|${month}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.figures;
  }

  set(scopeKey: string, month: string, figures: MonthFigures, closed: boolean, nowMs: number): void {
    const key = `${scopeKey}|${month}`;
    this.entries.delete(key);
    this.entries.set(key, { figures, expiresAt: closed ? null : nowMs + this.runningMonthMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
