import { Role } from './roles';

/**
 * what each role may do, as one table. Jurisdiction (which records) is decided separately by the
 * organisation subtree; this table decides which actions. Features add their permissions here.
 */
export const PERMISSIONS = {
  'organisations.read': [
    'national_admin',
    'national_reviewer',
    'provincial_admin',
    'provincial_reviewer',
    'municipal_admin',
    'municipal_head',
    'institution_operator',
  ],
  'organisations.write': ['national_admin', 'provincial_admin', 'municipal_admin'],
  'users.read': ['national_admin', 'provincial_admin', 'municipal_admin'],
  'users.write': ['national_admin', 'provincial_admin', 'municipal_admin'],
  'audit.read': ['auditor', 'national_admin'],
  'calendar.read': [
    'national_admin',
    'national_reviewer',
    'provincial_admin',
    'provincial_reviewer',
    'municipal_admin',
    'municipal_head',
    'institution_operator',
  ],
  'calendar.write': ['national_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
