import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { CorrectionsModule } from '../corrections/corrections.module';
import { DataAdminsModule } from '../data-admins/data-admins.module';
import { LookupModule } from '../lookup/lookup.module';
import { RechecksModule } from '../rechecks/rechecks.module';
import { ScreeningModule } from '../screening/screening.module';
import { DashboardController } from './dashboard.controller';
import { DashboardFiguresService } from './dashboard-figures.service';
import { DashboardService } from './dashboard.service';

/**
 * 首页 figures: aggregate reads within the caller's jurisdiction, each in the repository of the feature that
 * owns the rows (batches, certificates, re-checks, correction requests, flags, the lookup log).
 */
@Module({
  imports: [
    BatchesModule,
    DataAdminsModule,
    RechecksModule,
    CorrectionsModule,
    ComplaintsModule,
    ScreeningModule,
    LookupModule,
  ],
  controllers: [DashboardController],
  providers: [DashboardService, DashboardFiguresService],
})
export class DashboardModule {}
