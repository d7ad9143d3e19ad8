import { hasPermission, type Permission, type Role } from '@app/domain';

/** The react-admin actions a resource page asks `canAccess` about. */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export';

/**
 * which permission (libs/domain PERMISSIONS, the API's own table) each page needs. An action
 * missing here is refused, so nothing is deletable or exportable until someone decides it is.
 * The API still authorises every request; this only keeps the console from offering what would fail.
 */
export const RESOURCE_ACCESS: Record<string, Partial<Record<ResourceAction, Permission>>> = {
  organisations: {
    list: 'organisations.read',
    show: 'organisations.read',
    create: 'organisations.write',
    edit: 'organisations.write',
  },
  users: { list: 'users.read', show: 'users.read', create: 'users.write', edit: 'users.write' },
  'audit-logs': { list: 'audit.read', show: 'audit.read' },
  // 上传批次 is the batches create page.
  batches: { list: 'batches.read', show: 'batches.read', create: 'batches.upload' },
  deadlines: { list: 'batches.read' },
};

/** Record-level refinements the permission table cannot express. */
function recordAllows(roles: readonly Role[], resource: string, action: string, record?: Record<string, unknown>) {
  if (resource === 'organisations' && action === 'edit' && record) {
    // Municipal data administrators maintain only the institutions under them, not the centre itself.
    const onlyMunicipal = !roles.includes('national_admin') && !roles.includes('provincial_admin');
    if (onlyMunicipal && record.level !== 'institution') return false;
  }
  return true;
}

export function canAccessResource(
  roles: readonly Role[],
  resource: string,
  action: string,
  record?: Record<string, unknown>,
): boolean {
  const permission = RESOURCE_ACCESS[resource]?.[action as ResourceAction];
  if (!permission) return false;
  return hasPermission(roles, permission) && recordAllows(roles, resource, action, record);
}
