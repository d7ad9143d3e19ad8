import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { uploadOptions } from '../common/http/uploads';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CertificatesModule } from '../certificates/certificates.module';
import { JobsModule } from '../jobs/jobs.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { BatchDueDatesRepository } from './batch-due-dates.repository';
import { BatchDueDatesService } from './batch-due-dates.service';
import { BatchImportService } from './batch-import.service';
import { BatchQueryService } from './batch-query.service';
import { BatchSubmissionService } from './batch-submission.service';
import { BatchesController } from './batches.controller';
import { BatchesRepository } from './batches.repository';
import { ImportErrorReportsRepository } from './import-error-reports.repository';
import { ImportErrorReportsService } from './import-error-reports.service';
import { RecordEditController } from './record-edit.controller';
import { RecordEditService } from './record-edit.service';

@Module({
  imports: [
    OrganisationsModule,
    CertificatesModule,
    // uploads land in a temporary file (streamed, never buffered whole) and stop at the size limit (413).
    MulterModule.registerAsync({
      useFactory: (config: AppConfig) =>
        uploadOptions(config, { fileSize: config.import.maxBytes, files: 1, fields: 10 }),
      inject: [APP_CONFIG],
    }),
    // Holds the one @nestjs/schedule root, which runs the error-report sweep (@Interval) and clears it on close.
    JobsModule,
  ],
  controllers: [BatchesController, RecordEditController],
  providers: [
    BatchesRepository,
    BatchDueDatesRepository,
    BatchDueDatesService,
    ImportErrorReportsRepository,
    BatchImportService,
    BatchSubmissionService,
    BatchQueryService,
    ImportErrorReportsService,
    RecordEditService,
  ],
  // CertificatesModule re-exported: the review steps change records through its repository.
  exports: [BatchQueryService, BatchImportService, BatchesRepository, CertificatesModule],
})
export class BatchesModule {}
