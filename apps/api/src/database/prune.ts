import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { UnitOfWork } from './unit-of-work';

/** Rows a nightly prune removes: their table, its key column, and what makes a row idle (SQL on column names). */
export interface IdleRows {
  entity: EntityTarget<ObjectLiteral>;
  keyColumn: string;
  condition: string;
  parameters: ObjectLiteral;
}

/** Keys one transaction deletes: short transactions, so the requests counting in these tables never wait long. */
export const PRUNE_CHUNK = 1000;

/**
 * Deletes every idle row, `chunk` keys per transaction; the DELETE repeats the condition, so a row a request touched
 * between the read and the delete stays. Checks `signal` between chunks (a stopped job). How many rows it deleted.
 */
export async function pruneIdleRows(
  uow: UnitOfWork,
  rows: IdleRows,
  options: { signal?: AbortSignal; chunk?: number } = {},
): Promise<number> {
  const chunk = options.chunk ?? PRUNE_CHUNK;
  let deleted = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const step = await uow.run(async (manager) => {
      const keys = (
        await manager
          .createQueryBuilder()
          .select(rows.keyColumn, 'pruneKey')
          .from(rows.entity, 't')
          .where(rows.condition, rows.parameters)
          .orderBy(rows.keyColumn, 'ASC')
          .limit(chunk)
          .getRawMany<{ pruneKey: unknown }>()
      ).map((r) => r.pruneKey);
      if (keys.length === 0) return { seen: 0, deleted: 0 };
      const result = await manager
        .createQueryBuilder()
        .delete()
        .from(rows.entity)
        .where(`${rows.keyColumn} IN (:...pruneKeys) AND (${rows.condition})`, { ...rows.parameters, pruneKeys: keys })
        .execute();
      return { seen: keys.length, deleted: result.affected ?? 0 };
    });
    deleted += step.deleted;
    if (step.seen < chunk) return deleted;
  }
}
