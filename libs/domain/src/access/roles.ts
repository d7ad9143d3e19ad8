// organisation levels, staff roles and who may hold which role where.

export const ORGANISATION_LEVELS = ['national', 'provincial', 'municipal', 'institution'] as const;
export type OrganisationLevel = (typeof ORGANISATION_LEVELS)[number];

export const ORGANISATION_LEVEL_LABELS: Record<OrganisationLevel, string> = {
  national: '部中心',
  provincial: '省级技能中心',
  municipal: '市级技能中心',
  institution: '评价机构',
};

/** the level an organisation's parent must have. Institutions hang under a municipal or a provincial centre. */
export const ALLOWED_PARENT_LEVELS: Record<OrganisationLevel, readonly OrganisationLevel[]> = {
  national: [],
  provincial: ['national'],
  municipal: ['provincial'],
  institution: ['municipal', 'provincial'],
};

export const ROLES = [
  'national_admin',
  'national_reviewer',
  'provincial_admin',
  'provincial_reviewer',
  'municipal_admin',
  'municipal_head',
  'institution_operator',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  national_admin: '部中心管理员',
  national_reviewer: '部中心审核员',
  provincial_admin: '省级管理员',
  provincial_reviewer: '省级审核员',
  municipal_admin: '市级证书数据管理员',
  municipal_head: '市级负责人',
  institution_operator: '评价机构操作员',
  auditor: '审计员',
};

/** The organisation level a role belongs to. Auditors sit at a national or provincial centre. */
export const ROLE_ORGANISATION_LEVELS: Record<Role, readonly OrganisationLevel[]> = {
  national_admin: ['national'],
  national_reviewer: ['national'],
  provincial_admin: ['provincial'],
  provincial_reviewer: ['provincial'],
  municipal_admin: ['municipal'],
  municipal_head: ['municipal'],
  institution_operator: ['institution'],
  auditor: ['national', 'provincial'],
};

/**
 * R-3 三权分立: administration, review and audit are separate duties, so one account may not combine
 * an auditor role with any other, nor an admin role with a reviewer/head role.
 */
export function rolesConflict(roles: readonly Role[]): string | null {
  if (roles.includes('auditor') && roles.length > 1) return '审计员角色不能与其他角色兼任（三权分立）';
  const admin = roles.some((r) => r.endsWith('_admin'));
  const reviewer = roles.some((r) => r.endsWith('_reviewer') || r === 'municipal_head');
  if (admin && reviewer) return '管理员角色不能与审核类角色兼任（三权分立）';
  return null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Where an account sits relative to the administrator acting on it: in the administrator's own organisation,
 * or in an organisation below it (strictly inside the subtree). Anything else is outside the jurisdiction.
 */
export type GrantTarget = 'own' | 'below';

/**
 * who may grant which roles, as one table — granter role → target organisation (own / below) → roles.
 * The organisation-level fit (ROLE_ORGANISATION_LEVELS) and 三权分立 (rolesConflict) apply on top of it.
 * A reader with national scope (national_* roles, or an auditor at the national centre) can only be created by
 * the national administrator, so a provincial administrator cannot widen anyone's reach beyond its province.
 * Auditors are appointed only by the national administrator (at the national centre or at a provincial centre):
 * 三权分立 — a provincial administrator does not choose who audits its own actions.
 */
export const ROLE_GRANTS: Record<Role, Record<GrantTarget, readonly Role[]>> = {
  national_admin: {
    own: ['national_admin', 'national_reviewer', 'auditor'],
    below: [
      'provincial_admin',
      'provincial_reviewer',
      'municipal_admin',
      'municipal_head',
      'institution_operator',
      'auditor',
    ],
  },
  national_reviewer: { own: [], below: [] },
  provincial_admin: {
    own: ['provincial_admin', 'provincial_reviewer'],
    below: ['municipal_admin', 'municipal_head', 'institution_operator'],
  },
  provincial_reviewer: { own: [], below: [] },
  municipal_admin: { own: [], below: ['institution_operator'] },
  municipal_head: { own: [], below: [] },
  institution_operator: { own: [], below: [] },
  auditor: { own: [], below: [] },
};

/** The roles a holder of `granterRoles` may grant at an organisation in the given relation to its own. */
export function grantableRoles(granterRoles: readonly Role[], target: GrantTarget): Role[] {
  const granted = new Set(granterRoles.flatMap((r) => (isRole(r) ? ROLE_GRANTS[r][target] : [])));
  return ROLES.filter((r) => granted.has(r));
}

/**
 * Whether `roles` may all be granted at an organisation of `level` in relation `target`: within the grant
 * table and fitting the organisation's level. The same test decides whether an administrator may manage an
 * existing account (edit, disable, enable, reset its password, unlock it): only if it could grant all of its roles.
 */
export function mayGrantRoles(
  granterRoles: readonly Role[],
  target: GrantTarget | null,
  level: OrganisationLevel,
  roles: readonly Role[],
): boolean {
  if (target === null || roles.length === 0) return false;
  // A granter role counts only where the organisation really stands in that relation to the role's own level.
  const depth = (l: OrganisationLevel) => ORGANISATION_LEVELS.indexOf(l);
  const applicable = granterRoles.filter(
    (g) =>
      isRole(g) &&
      ROLE_ORGANISATION_LEVELS[g].some((home) => (target === 'own' ? home === level : depth(level) > depth(home))),
  );
  const grantable = grantableRoles(applicable, target);
  return roles.every((r) => grantable.includes(r) && ROLE_ORGANISATION_LEVELS[r].includes(level));
}

/** Every role the holder may grant somewhere (own organisation or below): for filters and labels only. */
export function assignableRoles(granterRoles: readonly Role[]): Role[] {
  const all = new Set([...grantableRoles(granterRoles, 'own'), ...grantableRoles(granterRoles, 'below')]);
  return ROLES.filter((r) => all.has(r));
}
