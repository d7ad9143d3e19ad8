import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { LookupAccountType } from '@app/contracts';

/**
 * Who is calling in the `lookup` area: a public lookup account, never a staff `Actor`. The identifier hash is
 * the blind index of the person's ID number (or the entity's credit code), the key of `mine` and of codes.
 */
export interface LookupPrincipal {
  accountId: number;
  type: LookupAccountType;
  name: string;
  identifierHash: string;
  ip: string;
}

export const CurrentLookupAccount = createParamDecorator((_: unknown, ctx: ExecutionContext): LookupPrincipal => {
  const request = ctx.switchToHttp().getRequest<{ lookupAccount?: LookupPrincipal }>();
  if (!request.lookupAccount) throw new Error('CurrentLookupAccount used outside the lookup area');
  return request.lookupAccount;
});
