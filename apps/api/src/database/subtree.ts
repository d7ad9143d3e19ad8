import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { likePrefix } from '../common/http/list-query';

/**
 * R-3 in SQL: narrows a query to rows whose owning organisation path (SQL expression `pathExpr`) lies in the subtree
 * at `subtreePath`. Repositories call it; services go through JurisdictionService.
 */
export function restrictToSubtree<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  pathExpr: string,
  subtreePath: string,
): SelectQueryBuilder<T> {
  const param = `jurisdiction_${Object.keys(qb.getParameters()).length}`;
  return qb.andWhere(
    new Brackets((w) => w.where(`${pathExpr} LIKE :${param} ESCAPE '!'`, { [param]: likePrefix(subtreePath) })),
  );
}
