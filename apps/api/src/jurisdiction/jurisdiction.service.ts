import { Injectable } from '@nestjs/common';
import { isWithinSubtree } from '@app/domain';
import { Actor } from '../common/actor/actor';
import { notFound } from '../common/errors/app-errors';
import type { WhereTarget } from '../common/http/list-query';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { restrictToSubtree } from '../database/subtree';

/**
 * R-3 jurisdiction, in one place: a person sees and changes only what belongs to their organisation's
 * subtree. Lists are narrowed with `restrictList`; single records are checked with `assertWithin`, which
 * answers 404 so nothing outside the subtree is revealed to exist. Every feature uses these two.
 */
@Injectable()
export class JurisdictionService {
  constructor(private readonly organisations: OrganisationsRepository) {}

  /** Narrows a query to rows whose owning organisation path (SQL expression `pathExpr`) lies in the actor's subtree. */
  restrictList<Q extends WhereTarget>(qb: Q, pathExpr: string, actor: Actor): Q {
    return restrictToSubtree(qb, pathExpr, actor.organisationPath);
  }

  /** Throws 404 unless `targetPath` lies in the actor's subtree. */
  assertWithin(actor: Actor, targetPath: string | null | undefined, what?: string): void {
    if (!targetPath || !isWithinSubtree(actor.organisationPath, targetPath)) throw notFound(what);
  }

  /**
   * Throws 404 unless one of `targetPaths` lies in the actor's subtree: for a record reached through several owners
   * (an attachment through its uploader's organisation and the requests that cite it).
   */
  assertWithinAny(actor: Actor, targetPaths: readonly (string | null | undefined)[], what?: string): void {
    if (!targetPaths.some((path) => path && isWithinSubtree(actor.organisationPath, path))) throw notFound(what);
  }

  /** Loads an organisation the actor may see, or 404. */
  async organisationWithin(actor: Actor, organisationId: number, what = '机构'): Promise<Organisation> {
    const organisation = await this.organisations.findById(organisationId);
    this.assertWithin(actor, organisation?.path, what);
    return organisation as Organisation;
  }
}
