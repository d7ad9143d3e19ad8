import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { CertificateEditService } from './certificate-edit.service';
import { CertificateHistoryService } from './certificate-history.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [OrganisationsModule, RateLimitsModule],
  controllers: [CertificatesController],
  providers: [CertificatesService, CertificateEditService, CertificateHistoryService],
  exports: [CertificatesService, CertificateHistoryService],
})
export class CertificatesModule {}
