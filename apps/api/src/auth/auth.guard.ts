import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, hasPermission, Permission } from '@app/domain';
import { forbidden } from '../common/errors/app-errors';
import { Actor } from '../common/actor/actor';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, REQUIRED_PERMISSION } from '../common/http/route-access';
import { AuthService } from './auth.service';
import { PrincipalCache } from './principal-cache';

/**
 * The guard of the staff areas (`admin`, `auth`; chosen by AreaGuard): a valid staff session puts the `Actor` on
 * the request, and the role table of libs/domain decides @RequirePermission (403). Which records are visible is
 * the JurisdictionService's job.
 */
@Injectable()
export class StaffSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly principals: PrincipalCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = bearerToken(request);
    if (!token) throw new DomainError('AUTH_REQUIRED', '请先登录');
    const ip = request.ip ?? '';
    const { actor, mustChangePassword } = await this.principals.authenticate(token, ip, () =>
      this.auth.authenticateSession(token, ip),
    );
    request.actor = actor;
    // a new or administrator-reset account does nothing before replacing its temporary password.
    if (mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new DomainError(
        'AUTH_PASSWORD_CHANGE_REQUIRED',
        '您正在使用临时密码，请先在“账号安全”中修改密码后再进行其他操作',
      );
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !hasPermission(request.actor.roles, permission)) throw forbidden();
    return true;
  }
}

export function bearerToken(request: Request): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
}
