import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

/**
 * The organisations API (list, read, register, edit): use cases over the organisation tree that check jurisdiction
 * and write the audit trail, so they sit above both, while the tree itself (organisations/) sits below them.
 */
@Module({
  imports: [OrganisationsModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationAdminModule {}
