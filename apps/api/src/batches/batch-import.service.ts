import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import {
  BatchDuplicateDetector,
  CertificateRecord,
  DomainError,
  parseCertificateRecord,
} from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, notFound, staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { FileStore } from '../files/file-store';
import { JurisdictionService } from '../jurisdiction/jurisdiction.service';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { Certificate } from '../certificates/entities/certificate.entity';
import { CertificateHistoryService } from '../certificates/certificate-history.service';
import { certificateFields } from '../certificates/certificate-fields';
import { BatchQueryService } from './batch-query.service';
import { Batch } from './entities/batch.entity';
import { BatchDecision, decidedBy } from './entities/batch-decision.entity';
import { ImportErrorReport } from './entities/import-error-report.entity';
import { buildTemplate, openBatchFile, ReportError, TemplateKind, writeErrorReport } from './excel';

export interface UploadedSheet {
  path: string;
  originalName: string;
  size: number;
}

/** Errors shown in the 422 answer; the full list is in the downloadable error report. */
const ERRORS_IN_RESPONSE = 1000;
const INSERT_CHUNK = 500;
const LOOKUP_CHUNK = 1000;

interface ParsedRow {
  rowNumber: number;
  record: CertificateRecord;
}

/**
 * an uploaded sheet becomes a draft batch with all its records, or nothing but its error report.
 */
@Injectable()
export class BatchImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly files: FileStore,
    private readonly jurisdiction: JurisdictionService,
    private readonly occupations: OccupationCatalogue,
    private readonly calendar: CalendarService,
    private readonly batchQueries: BatchQueryService,
    private readonly certificateHistory: CertificateHistoryService,
  ) {}

  template(kind: TemplateKind): Promise<Buffer> {
    return buildTemplate(kind, { catalogue: this.occupations.catalogue });
  }

  /** The institution the upload is for: one's own, or (for centres acting for it, R-44) one in jurisdiction. */
  async institutionFor(actor: Actor, institutionId: number | undefined): Promise<Organisation> {
    if (actor.organisationLevel === 'institution') {
      if (institutionId !== undefined && institutionId !== actor.organisationId) throw notFound('评价机构');
      return this.dataSource.getRepository(Organisation).findOneByOrFail({ id: actor.organisationId });
    }
    if (institutionId === undefined) {
      throw new DomainError('VALIDATION_FAILED', '代评价机构上传时必须选择评价机构（institutionId）');
    }
    const institution = await this.jurisdiction.organisationWithin(actor, institutionId, '评价机构');
    if (institution.level !== 'institution') throw new DomainError('VALIDATION_FAILED', '只能为评价机构上传证书数据');
    return institution;
  }

  async upload(actor: Actor, sheet: UploadedSheet, kind: TemplateKind, institutionId: number | undefined) {
    try {
      const institution = await this.institutionFor(actor, institutionId);
      const { checksum, rows, warnings } = await this.checkedSheet(actor, sheet, kind, institution);
      // A draft is itself on the clock: its earliest record's upload deadline, for the deadline board.
      const earliestIssue = rows.reduce((min, r) => (r.record.issueDate < min ? r.record.issueDate : min), rows[0].record.issueDate);
      const uploadDue = await this.calendar.deadline('upload', earliestIssue, institution.deadlineProfile);
      const batch = await this.uow.run((manager) =>
        this.store(manager, actor, institution, sheet, checksum, kind, rows, uploadDue.due),
      );
      return { id: batch.id, recordCount: batch.recordCount, status: batch.status, version: batch.version, warnings: warnings.length };
    } finally {
      await rm(sheet.path, { force: true });
    }
  }

  /**
   * R-44 (who may upload), the duplicate-file check and row validation; a sheet with any error is kept only as
   * an error report and refused as a whole.
   */
  private async checkedSheet(actor: Actor, sheet: UploadedSheet, kind: TemplateKind, institution: Organisation, replacingBatchId?: number) {
    if (!/\.xlsx$/i.test(sheet.originalName)) {
      throw new DomainError('IMPORT_NOT_XLSX', '只接受本平台模板格式的 .xlsx 文件，请下载导入模板填写后上传');
    }
    if (institution.status === 'dissolved' && actor.organisationLevel === 'institution') {
      throw forbidden('该机构已主体灭失，其数据由上级技能中心维护（R-44）');
    }
    const checksum = await sha256File(sheet.path);
    const existing = await this.dataSource.getRepository(Batch).findOneBy({ institutionId: institution.id, fileChecksum: checksum });
    if (existing) {
      throw new DomainError('IMPORT_DUPLICATE_FILE', `该文件已上传过（批次 ${existing.id}），同一文件不能重复上传`, { batchId: existing.id });
    }
    const { rows, errors, warnings } = await this.validate(sheet.path, kind, institution, replacingBatchId);
    if (errors.length > 0) {
      const report = await this.storeErrorReport(actor, institution, sheet, errors);
      throw new DomainError(
        'IMPORT_VALIDATION_FAILED',
        `导入失败：共发现 ${errors.length} 处错误，未保存任何数据。请下载错误报告，按“错误说明”列修改后重新上传。`,
        { errors: errors.slice(0, ERRORS_IN_RESPONSE), errorCount: errors.length, errorReportId: report.id },
      );
    }
    return { checksum, rows, warnings };
  }

  /**
   * R-13 resubmission: a returned (or draft) batch's records are replaced whole by a corrected sheet; the
   * replaced records are kept in certificate_history.
   */
  async reupload(actor: Actor, batchId: number, sheet: UploadedSheet) {
    try {
      const batch = await this.batchQueries.batchWithin(actor, batchId);
      if (batch.status !== 'returned' && batch.status !== 'draft') {
        throw new DomainError('BATCH_WRONG_STATE', '只有待提交或已退回的批次可以重新上传更正数据');
      }
      const institution = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: batch.institutionId });
      const { checksum, rows } = await this.checkedSheet(actor, sheet, batch.kind, institution, batch.id);
      await this.uow.run(async (manager) => {
        const updated = await manager
          .createQueryBuilder()
          .update(Batch)
          .set({ recordCount: rows.length, fileName: sheet.originalName.slice(0, 255), fileChecksum: checksum, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id: batch.id, version: batch.version })
          .execute();
        if (!updated.affected) throw staleVersion();
        await this.certificateHistory.supersedeBatch(manager, batch.id, actor, 'reupload', `重新上传 ${sheet.originalName}`);
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await manager.getRepository(Certificate).insert(
            rows.slice(i, i + INSERT_CHUNK).map(({ rowNumber, record }) => ({
              ...this.certificateRow(batch.id, institution.id, rowNumber, record),
              status: batch.status === 'returned' ? ('returned' as const) : ('draft' as const),
            })),
          );
        }
        await manager.getRepository(BatchDecision).insert({
          batchId: batch.id,
          action: 'reupload',
          stage: batch.status,
          resultStatus: batch.status,
          ...decidedBy(actor),
          recordCount: rows.length,
          comment: `重新上传更正数据 ${sheet.originalName}（原 ${batch.recordCount} 条，现 ${rows.length} 条）`,
        });
        await this.audit.record(manager, subjectOf(actor), {
          action: 'batch.reupload',
          targetType: 'batch',
          targetId: batch.id,
          before: { recordCount: batch.recordCount, fileName: batch.fileName, checksum: batch.fileChecksum },
          after: { recordCount: rows.length, fileName: sheet.originalName, checksum },
        });
      });
      return this.batchQueries.get(actor, batch.id);
    } finally {
      await rm(sheet.path, { force: true });
    }
  }

  /** Streams the sheet once: per-row rules, duplicates inside the file, then national uniqueness. */
  private async validate(path: string, kind: TemplateKind, institution: Organisation, replacingBatchId?: number) {
    const { rows } = await openBatchFile(path, {
      maxRows: this.config.import.maxRows,
      maxBytes: this.config.import.maxBytes,
      expectedKind: kind,
    });
    const ctx = {
      today: this.clock.today(),
      kind,
      institution: { registeredAt: institution.registeredAt ?? '1900-01-01', scope: institution.scope ?? [] },
      catalogue: this.occupations.catalogue,
    };
    const duplicates = new BatchDuplicateDetector();
    const parsed: ParsedRow[] = [];
    const errors: ReportError[] = [];
    const warnings: ReportError[] = [];
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
        const entry = { row: row.rowNumber, column: issue.column, message: issue.message, severity: issue.severity };
        (issue.severity === 'error' ? errors : warnings).push(entry);
      }
      if (result.record && !issues.some((i) => i.severity === 'error')) parsed.push({ rowNumber: row.rowNumber, record: result.record });
    }
    errors.push(...(await this.nationalDuplicates(parsed, replacingBatchId)));
    errors.sort((a, b) => a.row - b.row);
    return { rows: parsed, errors, warnings };
  }

  /** certificate numbers are unique nationally — checked against every stored certificate. */
  private async nationalDuplicates(rows: ParsedRow[], replacingBatchId?: number): Promise<ReportError[]> {
    const errors: ReportError[] = [];
    const repo = this.dataSource.getRepository(Certificate);
    for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) {
      const chunk = rows.slice(i, i + LOOKUP_CHUNK);
      const taken = await repo.find({
        select: { certificateNumber: true },
        where: {
          certificateNumber: In(chunk.map((r) => r.record.certificateNumber)),
          // A re-upload replaces its own batch's records, so their numbers are free to reuse.
          ...(replacingBatchId ? { batchId: Not(replacingBatchId) } : {}),
        },
      });
      const takenSet = new Set(taken.map((c) => c.certificateNumber));
      for (const row of chunk) {
        if (takenSet.has(row.record.certificateNumber)) {
          errors.push({ row: row.rowNumber, column: '证书编号', message: '证书编号已存在于全国证书库中，不能重复上报', severity: 'error' });
        }
      }
    }
    return errors;
  }

  private async store(
    manager: EntityManager,
    actor: Actor,
    institution: Organisation,
    sheet: UploadedSheet,
    checksum: string,
    kind: TemplateKind,
    rows: ParsedRow[],
    uploadDue: string,
  ): Promise<Batch> {
    const batches = manager.getRepository(Batch);
    const inserted = await batches.insert({
      kind,
      status: 'draft',
      institutionId: institution.id,
      orgPath: institution.path,
      recordCount: rows.length,
      fileName: sheet.originalName.slice(0, 255),
      fileChecksum: checksum,
      createdById: actor.userId,
      dueDate: uploadDue,
      dueRule: 'upload',
    });
    const batchId = Number(inserted.identifiers[0].id);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager.getRepository(Certificate).insert(
        rows.slice(i, i + INSERT_CHUNK).map(({ rowNumber, record }) => this.certificateRow(batchId, institution.id, rowNumber, record)),
      );
    }
    await manager.getRepository(BatchDecision).insert({
      batchId,
      action: 'upload',
      stage: 'draft',
      resultStatus: 'draft',
      ...decidedBy(actor),
      recordCount: rows.length,
      comment: `上传文件 ${sheet.originalName}`,
    });
    await this.audit.record(manager, subjectOf(actor), {
      action: 'batch.upload',
      targetType: 'batch',
      targetId: batchId,
      after: { institutionId: institution.id, kind, recordCount: rows.length, fileName: sheet.originalName, checksum },
    });
    return batches.findOneByOrFail({ id: batchId });
  }

  certificateRow(batchId: number, institutionId: number, rowNumber: number, r: CertificateRecord): Partial<Certificate> {
    return { batchId, institutionId, ...certificateFields(r, this.cipher), status: 'draft', rowNumber };
  }

  private async storeErrorReport(actor: Actor, institution: Organisation, sheet: UploadedSheet, errors: ReportError[]) {
    const fileKey = this.files.newKey('uploads', '.xlsx');
    const errorsKey = this.files.newKey('import-errors', '.json');
    await this.files.putFile(fileKey, sheet.path);
    await this.files.putBuffer(errorsKey, JSON.stringify(errors));
    return this.uow.run(async (manager) => {
      const inserted = await manager.getRepository(ImportErrorReport).insert({
        institutionId: institution.id,
        orgPath: institution.path,
        uploadedById: actor.userId,
        fileName: sheet.originalName.slice(0, 255),
        fileKey,
        errorsKey,
        errorCount: errors.length,
      });
      const id = Number(inserted.identifiers[0].id);
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.upload',
        targetType: 'import_error_report',
        targetId: id,
        outcome: 'failure',
        detail: `导入校验未通过：${errors.length} 处错误（${sheet.originalName}）`,
      });
      return { id };
    });
  }

  /** the uploaded sheet with an added 错误说明 column and the bad cells highlighted, streamed to `out`. */
  async errorReport(actor: Actor, id: number): Promise<{ fileName: string; write: (out: Writable) => Promise<void> }> {
    const report = await this.dataSource.getRepository(ImportErrorReport).findOneBy({ id });
    this.jurisdiction.assertWithin(actor, report?.orgPath, '错误报告');
    const found = report as ImportErrorReport;
    const errors = JSON.parse((await this.files.readBuffer(found.errorsKey)).toString('utf8')) as ReportError[];
    return {
      fileName: `${found.fileName.replace(/\.xlsx$/i, '')}-错误报告.xlsx`,
      write: (out) => writeErrorReport(this.files.localPath(found.fileKey), errors, out, { catalogue: this.occupations.catalogue }),
    };
  }
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
