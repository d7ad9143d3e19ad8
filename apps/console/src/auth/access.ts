import { hasPermission, type Role } from '@app/domain';
import type { ResourceAction } from '../common/feature';
import { FEATURES } from '../features';

export type { ResourceAction } from '../common/feature';

/**
 * whether the console offers a resource page, from the access table each feature registers with its
 * resource (common/feature.ts). An action a feature does not list is refused.
 */
export function canAccessResource(
  roles: readonly Role[],
  resource: string,
  action: string,
  record?: Record<string, unknown>,
): boolean {
  const registered = FEATURES.find((feature) => feature.resource?.name === resource)?.resource;
  const permission = registered?.access[action as ResourceAction];
  if (!registered || !permission) return false;
  return (
    hasPermission(roles, permission) &&
    (!record || !registered.recordAllows || registered.recordAllows(roles, action, record))
  );
}
