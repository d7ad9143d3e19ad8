import { Global, Module } from '@nestjs/common';
import { AuditAnchorService } from './audit-anchor.service';
import { AuditQueryService } from './audit-query.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { AuditTargetNames } from './audit-target-names';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService, AuditAnchorService, AuditRepository, AuditTargetNames],
  exports: [AuditService, AuditAnchorService, AuditTargetNames],
})
export class AuditModule {}
