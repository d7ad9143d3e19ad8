import { Brackets } from 'typeorm';
import { likePrefix, type WhereTarget } from '../common/http/list-query';

/**
 * R-3 in SQL: narrows a query to rows whose owning organisation path (SQL expression `pathExpr`) lies in the subtree
 * at `subtreePath`. Repositories call it; services go through JurisdictionService.
 */
export function restrictToSubtree<Q extends WhereTarget>(qb: Q, pathExpr: string, subtreePath: string): Q {
  const param = `jurisdiction_${Object.keys(qb.getParameters()).length}`;
  qb.andWhere(
    new Brackets((w) => w.where(`${pathExpr} LIKE :${param} ESCAPE '!'`, { [param]: likePrefix(subtreePath) })),
  );
  return qb;
}
