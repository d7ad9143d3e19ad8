import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@app/domain';
import type { Actor } from '../common/actor/actor';

export const PUBLIC_ROUTE = 'publicRoute';
export const REQUIRED_PERMISSION = 'requiredPermission';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'allowedBeforePasswordChange';

/** No login needed (health, login itself, the public lookup). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** the action this route performs; the guard refuses roles without it (403). */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** reachable while the account still has to replace a temporary password (me, logout, change password). */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});
