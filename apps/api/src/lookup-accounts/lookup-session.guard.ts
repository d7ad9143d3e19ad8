import { ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { LookupAreaGuard } from '../auth/area.guard';
import { bearerToken } from '../auth/auth.guard';
import { LookupAuthService } from './lookup-auth.service';
import type { LookupPrincipal } from './lookup-principal';

/**
 * The guard of the `lookup` area (AreaGuard hands over to it): a lookup account's session puts the
 * `LookupPrincipal` on the request. Staff tokens are no lookup sessions (401), and lookup tokens open no staff area.
 */
@Injectable()
export class LookupSessionGuard extends LookupAreaGuard {
  constructor(private readonly auth: LookupAuthService) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { lookupAccount?: LookupPrincipal }>();
    request.lookupAccount = await this.auth.authenticate(bearerToken(request), request.ip ?? '');
    return true;
  }
}
