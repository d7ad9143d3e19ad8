import { Module } from '@nestjs/common';
import { LookupAreaGuard } from '../auth/area.guard';
import { LookupModule } from '../lookup/lookup.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { AuthorizationCodesRepository } from './authorization-codes.repository';
import { AuthorizationCodesService } from './authorization-codes.service';
import { LookupQueriesController } from './lookup-queries.controller';
import { LookupQueriesService } from './lookup-queries.service';
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
  imports: [UsersModule, RateLimitsModule, LookupModule],
  controllers: [LookupAuthController, LookupQueriesController],
  providers: [
    LookupAccountsRepository,
    LookupQuotasRepository,
    LookupAuthService,
    LookupQuotaService,
    LookupSessionGuard,
    AuthorizationCodesRepository,
    AuthorizationCodesService,
    LookupQueriesService,
    { provide: LookupAreaGuard, useExisting: LookupSessionGuard },
    { provide: IDENTITY_PROVIDER, useClass: LocalIdentityProvider },
  ],
  exports: [LookupQuotaService, LookupAuthService],
})
export class LookupAccountsModule {}
