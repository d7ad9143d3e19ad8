import { Module } from '@nestjs/common';
import { CertificateAuditNames } from './certificate-audit-names';
import { OrganisationsModule } from '../organisations/organisations.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [OrganisationsModule, RateLimitsModule],
  controllers: [CertificatesController],
  providers: [CertificateAuditNames, CertificatesService, CertificatesRepository],
  exports: [CertificatesService, CertificatesRepository],
})
export class CertificatesModule {}
