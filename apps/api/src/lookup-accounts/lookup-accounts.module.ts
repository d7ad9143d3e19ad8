import { Module } from '@nestjs/common';
import { LookupAreaGuard } from '../auth/area.guard';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { UsersModule } from '../users/users.module';
import { IDENTITY_PROVIDER, LocalIdentityProvider } from './identity-provider';
import { LookupAccountsRepository } from './lookup-accounts.repository';
import { LookupAuthController } from './lookup-auth.controller';
import { LookupAuthService } from './lookup-auth.service';
import { LookupQuotaService } from './lookup-quota.service';
import { LookupQuotasRepository } from './lookup-quotas.repository';
import { LookupSessionGuard } from './lookup-session.guard';

/**
 * public lookup accounts, their sessions (the `lookup` area's guard), quotas, authorization codes,
 * the new-mode queries and the batch query. The identity provider is the local one (docs/decisions.md).
 */
@Module({
  imports: [UsersModule, RateLimitsModule],
  controllers: [LookupAuthController],
  providers: [
    LookupAccountsRepository,
    LookupQuotasRepository,
    LookupAuthService,
    LookupQuotaService,
    LookupSessionGuard,
    { provide: LookupAreaGuard, useExisting: LookupSessionGuard },
    { provide: IDENTITY_PROVIDER, useClass: LocalIdentityProvider },
  ],
  exports: [LookupQuotaService, LookupAuthService],
})
export class LookupAccountsModule {}
