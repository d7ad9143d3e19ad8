import { Module } from '@nestjs/common';
import { DataAdminAuditNames } from './data-admin-audit-names';
import { DataAdminsController } from './data-admins.controller';
import { DataAdminsRepository } from './data-admins.repository';
import { DataAdminsService } from './data-admins.service';

/** Municipal data administrators (R-4, 附件2): registration, the head's approval, handovers, coverage. */
@Module({
  controllers: [DataAdminsController],
  providers: [DataAdminsService, DataAdminsRepository, DataAdminAuditNames],
  exports: [DataAdminsService],
})
export class DataAdminsModule {}
