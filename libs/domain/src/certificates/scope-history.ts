import { addDaysIso, type IsoDate } from '../calendar/iso-date';
import type { InstitutionScopeEntry } from './record';

/**
 * a registered scope says what an institution could certify on each day, and certificates already
 * issued are judged against the scope of their issue date. Removing an occupation or dropping levels from it
 * therefore narrows the scope from today on: the part of the old entry that had started (its validity up to
 * yesterday) stays as an entry of its own, ended yesterday (or on its own earlier end). The validity dates are the
 * instrument for correcting history and are taken as typed; entries that have not started yet may go freely.
 */
export function scopeKeepingHistory<T extends InstitutionScopeEntry>(
  before: readonly T[],
  after: readonly T[],
  today: IsoDate,
): { scope: T[]; ended: T[] } {
  const yesterday = addDaysIso(today, -1);
  const ended: T[] = [];
  for (const old of before) {
    const pastEnd = old.validTo !== null && old.validTo < yesterday ? old.validTo : yesterday;
    if (old.validFrom > pastEnd) continue;
    const kept = new Set(after.filter((e) => e.occupationCode === old.occupationCode).flatMap((e) => e.levels));
    const dropped = old.levels.filter((level) => !kept.has(level));
    if (dropped.length > 0) ended.push({ ...old, levels: dropped, validTo: pastEnd });
  }
  return { scope: [...after, ...ended], ended };
}
