import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module';
import { DataAdminsModule } from '../data-admins/data-admins.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** 首页 figures: aggregate reads over the batches of the caller's jurisdiction. */
@Module({
  imports: [BatchesModule, DataAdminsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
