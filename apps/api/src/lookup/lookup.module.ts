import { Module } from '@nestjs/common';
import { QueryModeModule } from '../query-mode/query-mode.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { LookupPublicController, LookupStatsController } from './lookup.controller';
import { LookupService } from './lookup.service';
import { LookupCertificatesRepository } from './lookup-certificates.repository';
import { LookupLogRepository } from './lookup-log.repository';
import { LookupLogService } from './lookup-log.service';

/**
 * The public lookup's core: the one reader of certificates for the public, the lookup log, the
 * anonymous old mode and the coverage table. The accounts feature builds the new mode on these exports.
 */
@Module({
  imports: [QueryModeModule, RateLimitsModule],
  controllers: [LookupPublicController, LookupStatsController],
  providers: [LookupCertificatesRepository, LookupLogRepository, LookupLogService, LookupService],
  exports: [LookupCertificatesRepository, LookupLogService, LookupService, QueryModeModule],
})
export class LookupModule {}
