import { Abstract, CanActivate, ExecutionContext, Injectable, Logger, Type } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@app/domain';
import { AREA, AreaName } from '../common/http/route-access';
import { StaffSessionGuard } from './auth.guard';

interface AreaDefinition {
  /** Every route of the area lies under this path (checked by test/architecture/route-areas.spec.ts). */
  prefix: string;
  /**
   * Who may enter: a guard that authenticates the area's own kind of principal and puts it on the request,
   * `open` for no authentication, `closed` while the area has no guard yet (its routes are refused).
   */
  guard: Type<CanActivate> | Abstract<CanActivate> | 'open' | 'closed';
}

/**
 * The guard of the public lookup's area. Its implementation (the lookup-account session, whose principal is a lookup
 * account, never an `Actor`) lives in lookup-accounts/, above this feature: it registers itself under this token.
 */
export abstract class LookupAreaGuard implements CanActivate {
  abstract canActivate(context: ExecutionContext): Promise<boolean>;
}

/** The areas of the API, one line each. Staff areas put the `Actor` on the request. */
export const AREAS: Readonly<Record<AreaName, AreaDefinition>> = {
  admin: { prefix: '/api/admin/', guard: StaffSessionGuard },
  auth: { prefix: '/api/auth/', guard: StaffSessionGuard },
  lookup: { prefix: '/api/lookup/', guard: LookupAreaGuard },
  public: { prefix: '/', guard: 'open' },
};

/**
 * The one global guard: it finds the route's area (@Area on the handler or its controller) and hands over to that
 * area's guard. A route in no area, or in an area without a guard, is refused: nothing is reachable by default.
 */
@Injectable()
export class AreaGuard implements CanActivate {
  private readonly logger = new Logger(AreaGuard.name);
  private readonly guards = new Map<Type<CanActivate> | Abstract<CanActivate>, CanActivate>();

  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const area = this.reflector.getAllAndOverride<AreaName | undefined>(AREA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const definition = area ? AREAS[area] : undefined;
    if (!definition || definition.guard === 'closed') {
      const request = context.switchToHttp().getRequest<Request>();
      this.logger.error(
        { route: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`, area },
        'route refused: it is in no open area',
      );
      throw new DomainError('ROUTE_NOT_IN_AREA', '该接口未开放访问');
    }
    if (definition.guard === 'open') return true;
    const guard =
      this.guards.get(definition.guard) ?? this.moduleRef.get<CanActivate>(definition.guard, { strict: false });
    this.guards.set(definition.guard, guard);
    return (await guard.canActivate(context)) as boolean;
  }
}
