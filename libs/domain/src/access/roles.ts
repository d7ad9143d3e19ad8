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

/** Roles that a holder of `granter` roles may assign: only roles at or below the granter's own level. */
export function assignableRoles(granterRoles: readonly Role[]): Role[] {
  if (granterRoles.includes('national_admin')) return [...ROLES];
  if (granterRoles.includes('provincial_admin')) {
    return ['provincial_admin', 'provincial_reviewer', 'municipal_admin', 'municipal_head', 'institution_operator', 'auditor'];
  }
  if (granterRoles.includes('municipal_admin')) return ['institution_operator'];
  return [];
}
