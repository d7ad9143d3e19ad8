import { Module } from '@nestjs/common';
import { QualityReportSources } from './quality-report-sources';
import { QualityReportRepository } from './quality-report.repository';
import { QualityReportService } from './quality-report.service';
import { ReportsController } from './reports.controller';

/**
 * R-39 质量通报. Reads the decision trail and the feature tables in grouped statements of its own; figures of features
 * above it (complaints) come through QualityReportSources.
 */
@Module({
  controllers: [ReportsController],
  providers: [QualityReportRepository, QualityReportService, QualityReportSources],
  exports: [QualityReportSources],
})
export class ReportsModule {}
