import {
  assignableRoles,
  mayGrantRoles,
  ROLE_LABELS,
  ROLE_ORGANISATION_LEVELS,
  ROLES,
  type GrantTarget,
  type OrganisationLevel,
  type Role,
} from '@app/domain';

export interface RoleChoice {
  id: Role;
  name: string;
  disabled: boolean;
}

/** The chosen organisation relative to the administrator's own (the organisation list holds only the subtree). */
export function grantTargetFor(
  ownOrganisationId: number | undefined,
  organisationId: number | undefined,
): GrantTarget | null {
  if (ownOrganisationId == null || organisationId == null) return null;
  return organisationId === ownOrganisationId ? 'own' : 'below';
}

/**
 * the roles offered in the user form, from the same libs/domain grant table the API decides with: every
 * role the administrator grants anywhere, enabled only where it may be granted at the chosen organisation.
 */
export function roleChoices(
  granterRoles: readonly Role[],
  ownOrganisationId: number | undefined,
  organisation: { id: number; level: OrganisationLevel } | undefined,
): RoleChoice[] {
  const assignable = assignableRoles(granterRoles);
  const target = organisation ? grantTargetFor(ownOrganisationId, organisation.id) : null;
  return ROLES.filter((role) => assignable.includes(role)).map((role) => ({
    id: role,
    name: ROLE_LABELS[role],
    disabled: !!organisation && !mayGrantRoles(granterRoles, target, organisation.level, [role]),
  }));
}

/** Why a selection is refused at the chosen organisation (null when it may be granted). */
export function roleGrantProblem(
  granterRoles: readonly Role[],
  ownOrganisationId: number | undefined,
  organisation: { id: number; level: OrganisationLevel } | undefined,
  roles: readonly Role[],
): string | null {
  if (!organisation) return null;
  const misplaced = roles.filter((role) => !ROLE_ORGANISATION_LEVELS[role]?.includes(organisation.level));
  if (misplaced.length > 0) return `所选机构不能设置角色：${misplaced.map((r) => ROLE_LABELS[r]).join('、')}`;
  const target = grantTargetFor(ownOrganisationId, organisation.id);
  const beyond = roles.filter((role) => !mayGrantRoles(granterRoles, target, organisation.level, [role]));
  if (beyond.length > 0) return `您无权在该机构授予角色：${beyond.map((r) => ROLE_LABELS[r]).join('、')}`;
  return null;
}
