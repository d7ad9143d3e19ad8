import { Global, Module } from '@nestjs/common';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { JurisdictionService } from './jurisdiction.service';

/**
 * Global: every feature checks jurisdiction. The organisation tree's repository is provided here, beside the
 * service that reads it, so any feature can look organisations up without importing OrganisationsModule.
 */
@Global()
@Module({
  providers: [JurisdictionService, OrganisationsRepository],
  exports: [JurisdictionService, OrganisationsRepository],
})
export class JurisdictionModule {}
