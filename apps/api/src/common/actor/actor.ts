import type { OrganisationLevel, Role } from '@app/domain';

/** Who is acting: the authenticated staff member, their organisation's place in the tree, and where from. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: number;
  organisationPath: string;
  organisationLevel: OrganisationLevel;
  ip: string;
}

/** For audit records written before anyone is authenticated (login attempts) or by scheduled jobs. */
export interface AuditSubject {
  userId: number | null;
  username: string;
  organisationId: number | null;
  roles: string[];
  ip: string;
}

export function subjectOf(actor: Actor): AuditSubject {
  return {
    userId: actor.userId,
    username: actor.username,
    organisationId: actor.organisationId,
    roles: actor.roles,
    ip: actor.ip,
  };
}
