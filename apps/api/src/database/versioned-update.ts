import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { staleVersion } from '../common/errors/app-errors';

/**
 * Optimistic locking in one place: updates the row only while it still has the version the user saw (and any
 * further condition, such as the workflow status the decision was taken in), bumping the version. When another
 * writer got there first nothing is changed and the caller gets 409 STALE_VERSION, so two concurrent actions
 * can never both win.
 */
export async function versionedUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  expected: { id: number; version: number } & Partial<Record<keyof T & string, string | number | null>>,
  changes: QueryDeepPartialEntity<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' })
    .where(expected)
    .execute();
  if (!result.affected) throw staleVersion();
}
