import { Module } from '@nestjs/common';
import { OccupationCatalogue } from './occupation-catalogue';

/**
 * The organisation tree's shared parts. Its repository is provided by JurisdictionModule (global); the API over
 * the tree is OrganisationAdminModule (organisation-admin/), which sits above jurisdiction and audit.
 */
@Module({
  providers: [OccupationCatalogue],
  exports: [OccupationCatalogue],
})
export class OrganisationsModule {}
