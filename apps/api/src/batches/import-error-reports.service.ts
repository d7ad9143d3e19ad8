import type { Writable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { addDaysIso, DomainError, hasPermission } from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Actor, AuditSubject, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, notFound } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { UnitOfWork } from '../database/unit-of-work';
import { FileStore } from '../files/file-store';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { ImportErrorReport } from './entities/import-error-report.entity';
import { ImportErrorReportsRepository } from './import-error-reports.repository';
import { BoundedErrors, ReportError, writeErrorReport } from './excel';

/** What is stored beside the refused sheet. */
interface StoredErrors {
  errors: ReportError[];
  unlisted: number;
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const SWEEP_PAGE = 200;
const SYSTEM: AuditSubject = { userId: null, username: 'system', organisationId: null, roles: [], ip: '' };

/**
 * R-12 error reports of refused uploads. They hold every ID number of the sheet in clear once decrypted, so
 * only the organisation that uploaded (the institution, or the centre that uploaded for it) may download one, each
 * download is audited, and reports are deleted after import.errorReportRetentionDays.
 */
@Injectable()
export class ImportErrorReportsService {
  private readonly logger = new Logger(ImportErrorReportsService.name);

  constructor(
    private readonly reports: ImportErrorReportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly files: FileStore,
    private readonly occupations: OccupationCatalogue,
  ) {}

  /** Keeps a refused sheet and its (bounded) errors, encrypted; returns the report's id. */
  async store(
    actor: Actor,
    institution: Organisation,
    sheet: { path: string; originalName: string },
    errors: BoundedErrors,
  ) {
    const fileKey = this.files.newKey('uploads', '.xlsx');
    const errorsKey = this.files.newKey('import-errors', '.json');
    await this.files.putFile(fileKey, sheet.path);
    const stored: StoredErrors = { errors: errors.listed, unlisted: errors.unlisted };
    await this.files.putBuffer(errorsKey, JSON.stringify(stored));
    return this.uow.run(async (manager) => {
      const id = await this.reports.insert(manager, {
        institutionId: institution.id,
        orgPath: institution.path,
        uploadedById: actor.userId,
        uploaderOrganisationId: actor.organisationId,
        fileName: sheet.originalName.slice(0, 255),
        fileKey,
        errorsKey,
        errorCount: errors.count,
        expiresOn: addDaysIso(this.clock.today(), this.config.import.errorReportRetentionDays),
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.upload',
        targetType: 'import_error_report',
        targetId: id,
        outcome: 'failure',
        detail: `导入校验未通过：${errors.count} 处错误（${sheet.originalName}）`,
      });
      return { id };
    });
  }

  /** the uploaded sheet with an added 错误说明 column and the bad cells highlighted, streamed to `out`. */
  async download(actor: Actor, id: number): Promise<{ fileName: string; write: (out: Writable) => Promise<void> }> {
    const report = await this.reports.findById(id);
    // Not the centres above the uploader, not national staff: 404, as for anything outside one's reach.
    if (!report || report.uploaderOrganisationId !== actor.organisationId) throw notFound('错误报告');
    if (!hasPermission(actor.roles, 'certificates.unmask')) throw forbidden('错误报告含完整证件号码，您的角色无权下载');
    if (!report.expiresOn || report.expiresOn <= this.clock.today()) {
      await this.remove([report]);
      throw new DomainError(
        'NOT_FOUND',
        `错误报告已超过 ${this.config.import.errorReportRetentionDays} 天保存期限并已删除，请重新上传文件以生成新的错误报告`,
      );
    }
    await this.audit.recordStandalone(subjectOf(actor), {
      action: 'batch.error_report.download',
      targetType: 'import_error_report',
      targetId: report.id,
      detail: `下载错误报告（${report.fileName}，${report.errorCount} 处错误）`,
    });
    const stored = JSON.parse((await this.files.readBuffer(report.errorsKey)).toString('utf8')) as StoredErrors;
    return {
      fileName: `${report.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`,
      write: (out) =>
        this.files.withLocalCopy(report.fileKey, (path) =>
          writeErrorReport(path, stored.errors, out, {
            catalogue: this.occupations.catalogue,
            unlisted: stored.unlisted,
            now: this.clock.now(),
          }),
        ),
    };
  }

  /** Deletes every report (and its files) expired on `today`; idempotent, safe on several instances at once. */
  async sweepExpired(today = this.clock.today()): Promise<number> {
    let removed = 0;
    for (;;) {
      const expired = await this.reports.listExpired(today, SWEEP_PAGE);
      if (expired.length === 0) break;
      const count = await this.remove(expired);
      if (count === 0) break;
      removed += count;
    }
    return removed;
  }

  @Interval(SWEEP_EVERY_MS)
  async sweepOnSchedule(): Promise<void> {
    try {
      await this.sweepExpired();
    } catch (error) {
      this.logger.error({ err: error }, 'error report sweep failed');
    }
  }

  /** Files first, so no personal data outlives its row; then the rows, each with an audit record. */
  private async remove(reports: ImportErrorReport[]): Promise<number> {
    for (const report of reports) {
      await this.files.remove(report.fileKey);
      await this.files.remove(report.errorsKey);
    }
    return this.uow.run(async (manager) => {
      let count = 0;
      for (const report of reports) {
        if (!(await this.reports.delete(manager, report.id))) continue; // another instance's sweep got there first
        count++;
        await this.audit.record(manager, SYSTEM, {
          action: 'batch.error_report.expire',
          targetType: 'import_error_report',
          targetId: report.id,
          detail: `错误报告超过保存期限，已删除（含上传文件 ${report.fileName}）`,
        });
      }
      return count;
    });
  }
}
