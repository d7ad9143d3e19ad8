import { Global, Module } from '@nestjs/common';
import { AuditAnchorService } from './audit-anchor.service';
import { AuditQueryService } from './audit-query.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditQueryService, AuditAnchorService, AuditRepository],
  exports: [AuditService, AuditAnchorService],
})
export class AuditModule {}
