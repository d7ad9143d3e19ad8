import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { uploadOptions } from '../common/http/uploads';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { LookupBatchController } from './lookup-batch.controller';
import { LookupBatchService } from './lookup-batch.service';
import { LookupBatchesRepository } from './lookup-batches.repository';
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
import { LookupSessionCache } from './lookup-session-cache';
import { LookupSessionGuard } from './lookup-session.guard';

/**
 * public lookup accounts, their sessions (the `lookup` area's guard), quotas, authorization codes,
 * the new-mode queries and the batch query. The identity provider is the local one (docs/decisions.md).
 */
@Module({
  imports: [
    UsersModule,
    RateLimitsModule,
    LookupModule,
    // R-31 uploads as the certificate import takes them: a temporary file, stopped at the size limit (413).
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) =>
        uploadOptions(config, { fileSize: config.import.maxBytes, files: 1, fields: 10 }),
      inject: [APP_CONFIG],
    }),
  ],
  controllers: [LookupAuthController, LookupQueriesController, LookupBatchController],
  providers: [
    LookupAccountsRepository,
    LookupQuotasRepository,
    LookupAuthService,
    LookupQuotaService,
    LookupSessionGuard,
    LookupSessionCache,
    AuthorizationCodesRepository,
    AuthorizationCodesService,
    LookupQueriesService,
    LookupBatchesRepository,
    LookupBatchService,
    { provide: LookupAreaGuard, useExisting: LookupSessionGuard },
    { provide: IDENTITY_PROVIDER, useClass: LocalIdentityProvider },
  ],
  exports: [LookupQuotaService, LookupAuthService],
})
export class LookupAccountsModule {}
