import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@app/domain';
import type { Actor } from '../actor/actor';

export const AREA = 'routeArea';
export const REQUIRED_PERMISSION = 'requiredPermission';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'allowedBeforePasswordChange';

/**
 * The areas of the API. Each has a path prefix and its own guard and kind of principal (auth/area.guard.ts): `admin` and
 * `auth` take a staff session (the `Actor`), `lookup` is kept for the public lookup's own login, `public` needs none.
 */
export type AreaName = 'admin' | 'auth' | 'lookup' | 'public';

/**
 * Puts a controller (or one handler, overriding its controller) in an area. A route in no area is refused
 * (AreaGuard), and test/architecture/route-areas.spec.ts lists every route with its area.
 */
export const Area = (area: AreaName) => applyDecorators(SetMetadata(AREA, area));

/** No login needed, by design (health, the login itself): the handler is in the `public` area. */
export const Public = () => Area('public');

/** the action this route performs; the guard refuses roles without it (403). */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** reachable while the account still has to replace a temporary password (me, logout, change password). */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used outside the staff areas');
  return request.actor;
});
