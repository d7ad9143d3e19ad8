import { Module } from '@nestjs/common';
import { OccupationCatalogue } from './occupation-catalogue';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  controllers: [OrganisationsController],
  providers: [OrganisationsService, OccupationCatalogue],
  exports: [OrganisationsService, OccupationCatalogue],
})
export class OrganisationsModule {}
