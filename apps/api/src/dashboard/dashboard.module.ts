import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** 首页 figures: aggregate reads over the batches of the caller's jurisdiction. */
@Module({
  imports: [BatchesModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
