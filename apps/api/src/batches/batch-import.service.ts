import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  BatchDuplicateDetector,
  CertificateRecord,
  DomainError,
  parseCertificateRecord,
  proxyUploadRefusal,
} from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { FieldCipher } from '../crypto/field-cipher';
import type { SealingWorker } from '../crypto/sealing-worker';
import { UnitOfWork } from '../database/unit-of-work';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { Certificate } from '../certificates/entities/certificate.entity';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { certificateFields, PLAIN_SEAL } from '../certificates/certificate-fields';
import { BatchQueryService } from './batch-query.service';
import { BatchesRepository } from './batches.repository';
import { Batch } from './entities/batch.entity';
import { decidedBy } from './entities/batch-decision.entity';
import {
  BatchRow,
  BoundedErrors,
  buildTemplate,
  openBatchFile,
  ReportError,
  TemplateKind,
  unlistedErrorsNote,
} from './excel';
import { ImportErrorReportsService } from './import-error-reports.service';
import { isUniqueViolation } from '../database/unique-violation';

export interface UploadedSheet {
  path: string;
  originalName: string;
  size: number;
}

/** Errors shown in the 422 answer; the full list is in the downloadable error report. */
const ERRORS_IN_RESPONSE = 1000;
/** Rows validated, checked for national uniqueness and inserted together while a sheet streams in. */
const IMPORT_CHUNK = 1000;

interface ParsedRow {
  rowNumber: number;
  record: CertificateRecord;
}

/** Raised inside an import transaction when the sheet has errors, so the transaction rolls back (R-42). */
class SheetRefused extends Error {
  constructor(readonly errors: BoundedErrors) {
    super('sheet refused');
  }
}

/**
 * R-8, R-12, R-42: an uploaded sheet becomes a draft batch with all its records, or nothing but its error report.
 */
@Injectable()
export class BatchImportService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly certificates: CertificatesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly errorReports: ImportErrorReportsService,
    private readonly jurisdiction: JurisdictionService,
    private readonly occupations: OccupationCatalogue,
    private readonly calendar: CalendarService,
    private readonly batchQueries: BatchQueryService,
  ) {}

  template(kind: TemplateKind): Promise<Buffer> {
    return buildTemplate(kind, { catalogue: this.occupations.catalogue, now: this.clock.now() });
  }

  /** The institution the upload is for: one's own, or (for centres acting for it, R-44) one in jurisdiction. */
  async institutionFor(actor: Actor, institutionId: number | undefined): Promise<Organisation> {
    if (actor.organisationLevel === 'institution') {
      if (institutionId !== undefined && institutionId !== actor.organisationId) throw notFound('评价机构');
      return this.batches.organisationOrFail(actor.organisationId);
    }
    if (institutionId === undefined) {
      throw new DomainError('VALIDATION_FAILED', '代评价机构上传时必须选择评价机构（institutionId）');
    }
    const institution = await this.jurisdiction.organisationWithin(actor, institutionId, '评价机构');
    if (institution.level !== 'institution') throw new DomainError('VALIDATION_FAILED', '只能为评价机构上传证书数据');
    return institution;
  }

  async upload(
    actor: Actor,
    sheet: UploadedSheet,
    kind: TemplateKind,
    institutionId: number | undefined,
    proxyReason?: string,
  ) {
    try {
      const institution = await this.institutionFor(actor, institutionId);
      const checksum = await this.checkedFile(actor, sheet, institution, proxyReason);
      const proxy = proxyNote(actor, proxyReason);
      const rows = await this.openRows(sheet.path, kind);
      const { batch, warnings } = await this.refusingOnErrors(actor, institution, sheet, () =>
        this.uow.run(async (manager) => {
          const batchId = await this.batches.insert(manager, {
            kind,
            status: 'draft',
            institutionId: institution.id,
            orgPath: institution.path,
            recordCount: 0,
            fileName: sheet.originalName.slice(0, 255),
            fileChecksum: checksum,
            createdById: actor.userId,
            proxyReason: proxy,
            dueDate: null,
            dueRule: 'upload',
          });
          const imported = await this.importRows(manager, rows, kind, institution, { batchId, status: 'draft' });
          // A draft is itself on the clock: its earliest record's upload deadline (R-14; R-18 for qualification data).
          const uploadDue = await this.calendar.uploadDue(kind, imported.earliestIssue, institution.deadlineProfile);
          await this.batches.completeInsert(manager, batchId, { recordCount: imported.count, ...uploadDue });
          const stored = await this.recordUpload(
            manager,
            actor,
            institution,
            sheet,
            checksum,
            kind,
            batchId,
            imported.count,
            proxy,
          );
          return { batch: stored, warnings: imported.warnings };
        }),
      ).catch((error: unknown) => this.duplicateFileRace(error, institution.id, checksum));
      return { id: batch.id, recordCount: batch.recordCount, status: batch.status, version: batch.version, warnings };
    } finally {
      await rm(sheet.path, { force: true });
    }
  }

  /** R-44 (who may upload, a centre only with a recorded reason) and the duplicate-file check; returns the file's checksum. */
  private async checkedFile(
    actor: Actor,
    sheet: UploadedSheet,
    institution: Organisation,
    proxyReason: string | undefined,
  ): Promise<string> {
    if (!/\.xlsx$/i.test(sheet.originalName)) {
      throw new DomainError('IMPORT_NOT_XLSX', '只接受本平台模板格式的 .xlsx 文件，请下载导入模板填写后上传');
    }
    const refusal = proxyUploadRefusal(actor.organisationLevel, institution.status, proxyReason);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const checksum = await sha256File(sheet.path);
    await this.assertFileNew(institution.id, checksum);
    return checksum;
  }

  private async assertFileNew(institutionId: number, checksum: string): Promise<void> {
    const existing = await this.batches.findByFile(institutionId, checksum);
    if (existing) {
      throw new DomainError('IMPORT_DUPLICATE_FILE', `该文件已上传过（批次 ${existing.id}），同一文件不能重复上传`, {
        batchId: existing.id,
      });
    }
  }

  /**
   * R-42: two uploads of one file can both pass the check above; the unique key (institution, checksum) lets
   * only one insert its batch. The loser answers like any duplicate (409), not with the driver's error.
   */
  private async duplicateFileRace(error: unknown, institutionId: number, checksum: string): Promise<never> {
    if (isUniqueViolation(error)) await this.assertFileNew(institutionId, checksum);
    throw error;
  }

  /** File-level checks (size, real .xlsx, zip bomb, template marker and kind) before any transaction opens. */
  private async openRows(path: string, kind: TemplateKind): Promise<AsyncIterable<BatchRow>> {
    const { rows } = await openBatchFile(path, {
      maxRows: this.config.import.maxRows,
      maxBytes: this.config.import.maxBytes,
      expectedKind: kind,
    });
    return rows;
  }

  /**
   * Runs an import transaction; a sheet with any error rolls it back (nothing stored) and is kept only as an
   * error report (R-12, R-42). The report is written after the rollback, in its own transaction.
   */
  private async refusingOnErrors<T>(
    actor: Actor,
    institution: Organisation,
    sheet: UploadedSheet,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SheetRefused)) throw error;
      const { errors } = error;
      const report = await this.errorReports.store(actor, institution, sheet, errors);
      const note = unlistedErrorsNote(errors.unlisted);
      throw new DomainError(
        'IMPORT_VALIDATION_FAILED',
        `导入失败：共发现 ${errors.count} 处错误，未保存任何数据。请下载错误报告，按“错误说明”列修改后重新上传。${note ? `${note}。` : ''}`,
        {
          errors: errors.listed.slice(0, ERRORS_IN_RESPONSE),
          errorCount: errors.count,
          unlistedErrorCount: errors.unlisted,
          errorReportId: report.id,
        },
      );
    }
  }

  /**
   * R-13 resubmission: a returned (or draft) batch's records are replaced whole by a corrected sheet; the
   * replaced records are kept in certificate_history (R-19).
   */
  async reupload(actor: Actor, batchId: number, sheet: UploadedSheet, proxyReason?: string) {
    try {
      const batch = await this.batchQueries.batchWithin(actor, batchId);
      if (batch.status !== 'returned' && batch.status !== 'draft') {
        throw new DomainError('BATCH_WRONG_STATE', '只有待提交或已退回的批次可以重新上传更正数据');
      }
      const institution = await this.batches.organisationOrFail(batch.institutionId);
      const checksum = await this.checkedFile(actor, sheet, institution, proxyReason);
      const proxy = proxyNote(actor, proxyReason);
      const rows = await this.openRows(sheet.path, batch.kind);
      await this.refusingOnErrors(actor, institution, sheet, () =>
        this.uow.run(async (manager) => {
          // The old records leave first, so a corrected sheet may reuse their certificate numbers; any error below
          // rolls this back too.
          await this.certificates.supersedeBatch(
            manager,
            batch.id,
            actor.userId,
            'reupload',
            `重新上传 ${sheet.originalName}`,
          );
          const imported = await this.importRows(manager, rows, batch.kind, institution, {
            batchId: batch.id,
            status: batch.status === 'returned' ? 'returned' : 'draft',
            replacing: true,
          });
          // R-16: an exemption covers the records it was granted for, which a re-upload replaces. R-14: a draft's
          // due date follows its new records; a returned batch stays on its correction period.
          await this.batches.deleteRecordKeys(manager, batch.id, 'exemption');
          const dueDate =
            batch.status === 'draft'
              ? (await this.calendar.deadline('upload', imported.earliestIssue, institution.deadlineProfile)).due
              : batch.dueDate;
          await this.batches.update(
            manager,
            { id: batch.id, version: batch.version },
            {
              recordCount: imported.count,
              fileName: sheet.originalName.slice(0, 255),
              fileChecksum: checksum,
              exemption: null,
              dueDate,
              ...(proxy ? { proxyReason: proxy } : {}),
            },
          );
          await this.batches.insertDecision(manager, {
            batchId: batch.id,
            action: 'reupload',
            stage: batch.status,
            resultStatus: batch.status,
            ...decidedBy(actor),
            recordCount: imported.count,
            comment:
              `重新上传更正数据 ${sheet.originalName}（原 ${batch.recordCount} 条，现 ${imported.count} 条）` +
              (batch.exemption ? '；原受理豁免随原数据失效' : '') +
              (proxy ? `；代评价机构上传，原因：${proxy}` : ''),
          });
          await this.audit.record(manager, subjectOf(actor), {
            action: 'batch.reupload',
            targetType: 'batch',
            targetId: batch.id,
            before: {
              recordCount: batch.recordCount,
              fileName: batch.fileName,
              checksum: batch.fileChecksum,
              exemption: batch.exemption,
              dueDate: batch.dueDate,
            },
            after: {
              recordCount: imported.count,
              fileName: sheet.originalName,
              checksum,
              exemption: null,
              dueDate,
              proxyReason: proxy,
            },
          });
        }),
      );
      return this.batchQueries.get(actor, batch.id);
    } finally {
      await rm(sheet.path, { force: true });
    }
  }

  /**
   * Streams the sheet once inside the import transaction: per-row rules (R-8), duplicates inside the file,
   * national uniqueness per chunk, and — while no error has been seen — the chunk's INSERT. Memory stays one
   * chunk of rows (plus the in-file duplicate keys) whatever the file's size. Throws SheetRefused with every
   * error, in row order, when any row is wrong, which rolls the transaction back (R-42).
   */
  private async importRows(
    manager: EntityManager,
    rows: AsyncIterable<BatchRow>,
    kind: TemplateKind,
    institution: Organisation,
    target: { batchId: number; status: 'draft' | 'returned'; replacing?: boolean },
  ): Promise<{ count: number; earliestIssue: string; warnings: number }> {
    const ctx = {
      today: this.clock.today(),
      kind,
      institution: { registeredAt: institution.registeredAt ?? '1900-01-01', scope: institution.scope ?? [] },
      catalogue: this.occupations.catalogue,
    };
    const duplicates = new BatchDuplicateDetector();
    const errors = new BoundedErrors(this.config.import.maxErrors);
    let warnings = 0;
    let count = 0;
    let earliestIssue = '';
    let pending: ParsedRow[] = [];
    // Each chunk's duplicate check and INSERT run while the next chunk is parsed: the database works on its own
    // core meanwhile. One statement at a time on the transaction's connection; a failure surfaces at the next flush.
    let inFlight: Promise<void> | null = null;
    let failed: { error: unknown } | null = null;
    const settle = async () => {
      if (inFlight) await inFlight;
      inFlight = null;
      if (failed) throw failed.error;
    };
    // Sheets of more than one chunk seal their ID numbers (and on MySQL write the INSERT text) on a worker thread,
    // so that work overlaps the parsing of the next chunk on the main thread.
    let worker: SealingWorker | null = null;
    const flush = async (last: boolean) => {
      await settle();
      const chunk = pending;
      pending = [];
      if (!worker && !last) worker = this.cipher.sealingWorker();
      const sealing =
        worker && errors.count === 0
          ? this.certificates
              .sealRows(
                manager,
                chunk.map(({ rowNumber, record }) =>
                  this.certificateRow(target.batchId, institution.id, rowNumber, record, target.status, PLAIN_SEAL),
                ),
                worker,
              )
              .then(
                (sealed) => ({ sealed }),
                (error: unknown) => ({ error }),
              )
          : null;
      inFlight = (async () => {
        // A re-upload replaces its own batch's records, so their numbers are free to reuse.
        errors.add(...(await this.nationalDuplicates(manager, chunk, target.replacing ? target.batchId : undefined)));
        if (sealing) {
          const outcome = await sealing;
          if ('error' in outcome) throw outcome.error;
          if (errors.count === 0) await this.certificates.insertSealed(manager, outcome.sealed);
        } else if (errors.count === 0) {
          await this.certificates.insertMany(
            manager,
            chunk.map(({ rowNumber, record }) =>
              this.certificateRow(target.batchId, institution.id, rowNumber, record, target.status, this.cipher),
            ),
          );
        }
      })().catch((error: unknown) => {
        failed = { error };
      });
    };
    try {
      for await (const row of rows) {
        const result = parseCertificateRecord(row.values, ctx);
        const issues = [...row.issues, ...result.issues];
        if (result.record) {
          issues.push(
            ...duplicates.check({
              rowNumber: row.rowNumber,
              kind,
              idNumber: result.record.idNumberCanonical,
              occupationCode: result.record.occupationCode,
              level: result.record.level,
              certificateNumber: result.record.certificateNumber,
            }),
          );
        }
        for (const issue of issues) {
          if (issue.severity === 'error') {
            errors.add({ row: row.rowNumber, column: issue.column, message: issue.message, severity: issue.severity });
          } else warnings++;
        }
        if (result.record && !issues.some((i) => i.severity === 'error')) {
          pending.push({ rowNumber: row.rowNumber, record: result.record });
          count++;
          if (earliestIssue === '' || result.record.issueDate < earliestIssue) earliestIssue = result.record.issueDate;
          if (pending.length >= IMPORT_CHUNK) await flush(false);
        }
      }
      if (pending.length > 0) await flush(true);
    } finally {
      // Never leave a statement running when the transaction ends (commit or rollback). The flush closure assigns
      // inFlight, which the compiler's narrowing does not see.
      const running = inFlight as Promise<void> | null;
      if (running) await running;
      const started = worker as SealingWorker | null;
      if (started) await started.close();
    }
    await settle();
    if (errors.count > 0) {
      errors.listed.sort((a, b) => a.row - b.row);
      throw new SheetRefused(errors);
    }
    return { count, earliestIssue, warnings };
  }

  /** R-8: certificate numbers are unique nationally — checked against every stored certificate. */
  private async nationalDuplicates(
    manager: EntityManager,
    rows: ParsedRow[],
    replacingBatchId?: number,
  ): Promise<ReportError[]> {
    const taken = await this.certificates.takenNumbers(
      manager,
      rows.map((r) => r.record.certificateNumber),
      replacingBatchId,
    );
    return rows
      .filter((row) => taken.has(row.record.certificateNumber))
      .map((row) => ({
        row: row.rowNumber,
        column: '证书编号',
        message: '证书编号已存在于全国证书库中，不能重复上报',
        severity: 'error' as const,
      }));
  }

  private async recordUpload(
    manager: EntityManager,
    actor: Actor,
    institution: Organisation,
    sheet: UploadedSheet,
    checksum: string,
    kind: TemplateKind,
    batchId: number,
    recordCount: number,
    proxyReason: string | null,
  ): Promise<Batch> {
    await this.batches.insertDecision(manager, {
      batchId,
      action: 'upload',
      stage: 'draft',
      resultStatus: 'draft',
      ...decidedBy(actor),
      recordCount,
      comment: `上传文件 ${sheet.originalName}` + (proxyReason ? `（代评价机构上传，原因：${proxyReason}）` : ''),
    });
    await this.audit.record(manager, subjectOf(actor), {
      action: 'batch.upload',
      targetType: 'batch',
      targetId: batchId,
      after: { institutionId: institution.id, kind, recordCount, fileName: sheet.originalName, checksum, proxyReason },
    });
    return this.batches.findByIdIn(manager, batchId);
  }

  private certificateRow(
    batchId: number,
    institutionId: number,
    rowNumber: number,
    r: CertificateRecord,
    status: 'draft' | 'returned',
    seal: Parameters<typeof certificateFields>[1],
  ): Partial<Certificate> {
    return { batchId, institutionId, ...certificateFields(r, seal), status, rowNumber };
  }
}

/** The recorded reason of a centre uploading for an institution (R-44); institutions upload their own data. */
function proxyNote(actor: Actor, proxyReason: string | undefined): string | null {
  if (actor.organisationLevel === 'institution') return null;
  const reason = proxyReason?.trim();
  return reason ? reason.slice(0, 500) : null;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
