import { Module } from '@nestjs/common';
import { QueryModeAdminController, QueryModePublicController } from './query-mode.controller';
import { QueryModeRepository } from './query-mode.repository';
import { QueryModeService } from './query-mode.service';

/** the lookup's cutover schedule; every lookup asks QueryModeService.requireOpen before anything else. */
@Module({
  controllers: [QueryModeAdminController, QueryModePublicController],
  providers: [QueryModeService, QueryModeRepository],
  exports: [QueryModeService],
})
export class QueryModeModule {}
