import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actionRefusal, DomainError, firstStage, STAGE_DEADLINE_RULE } from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { UnitOfWork } from '../database/unit-of-work';
import { Organisation } from '../organisations/entities/organisation.entity';
import { Certificate } from '../certificates/entities/certificate.entity';
import { BatchQueryService } from './batch-query.service';
import { OverdueStatementDto } from './dto/batch.dto';
import { Batch } from './entities/batch.entity';
import { BatchDecision, decidedBy } from './entities/batch-decision.entity';

/** Records listed in a refusal; the count says how many there are in all. */
const LISTED_RECORDS = 200;

interface LateRecord {
  id: number;
  rowNumber: number;
  certificateNumber: string;
  holderName: string;
  issueDate: string;
  due: string;
}

/** submission of a draft (or returned) batch into its institution's first review stage. */
@Injectable()
export class BatchSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly batches: BatchQueryService,
  ) {}

  async submit(actor: Actor, id: number, version: number, statement: OverdueStatementDto | undefined) {
    const batch = await this.batches.batchWithin(actor, id);
    const refusal = actionRefusal('submit', batch.status, actor.roles);
    if (refusal) {
      throw batch.status === 'draft' || batch.status === 'returned' ? forbidden(refusal) : new DomainError('BATCH_WRONG_STATE', refusal);
    }
    if (batch.version !== version) throw staleVersion();
    const institution = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: batch.institutionId });
    const parent = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: institution.parentId as number });
    const profile = institution.deadlineProfile;
    const today = this.clock.today();
    const { late, pastCutoff, uploadDueByDate } = await this.checkPeriods(batch.id, profile, today, batch.kind);

    if (pastCutoff.length > 0 && !batch.exemption) {
      throw new DomainError(
        'BATCH_PAST_ACCEPTANCE_CUTOFF',
        `有 ${pastCutoff.length} 条证书自发证日期起已超过 6 个月，原则上不予受理。如确需上报，请省级技能中心为本批次办理受理豁免。`,
        { records: pastCutoff.slice(0, LISTED_RECORDS), count: pastCutoff.length },
      );
    }
    const givenStatement = statement ?? null;
    if (late.length > 0 && !givenStatement && !batch.overdueStatement) {
      throw new DomainError(
        'BATCH_OVERDUE_STATEMENT_REQUIRED',
        `有 ${late.length} 条证书已超过上报期限，请填写《逾期上报情况说明》（附件3）后再提交。`,
        { records: late.slice(0, LISTED_RECORDS), count: late.length },
      );
    }

    const stage = firstStage(parent.level);
    const stageRule = STAGE_DEADLINE_RULE[stage];
    if (stageRule === 'inherit') throw new Error(`first stage ${stage} cannot inherit a deadline`);
    const deadline = await this.calendar.storedDue(stageRule, today, profile);
    const overdueStatement =
      late.length > 0
        ? givenStatement
          ? { ...givenStatement, recordCount: late.length, givenBy: actor.displayName, givenAt: this.clock.now().toISOString() }
          : batch.overdueStatement
        : null;

    await this.uow.run(async (manager) => {
      const updated = await manager
        .createQueryBuilder()
        .update(Batch)
        .set({
          status: stage,
          lateSubmission: late.length > 0,
          overdueStatement,
          stageReceivedOn: today,
          ...deadline,
          returnedFrom: null,
          submittedAt: this.clock.now(),
          round: () => 'round + 1',
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (!updated.affected) throw staleVersion();
      // Set-based: one statement per distinct issue date (at most a few hundred), not one per record.
      for (const [issueDate, uploadDue] of uploadDueByDate) {
        await manager
          .createQueryBuilder()
          .update(Certificate)
          .set({ status: 'in_review', uploadDue, returnReason: null })
          .where('batchId = :id AND issueDate = :issueDate', { id, issueDate })
          .execute();
      }
      await manager.getRepository(BatchDecision).insert({
        batchId: id,
        action: 'submit',
        stage: batch.status,
        resultStatus: stage,
        ...decidedBy(actor),
        recordCount: batch.recordCount,
        comment: late.length > 0 ? `逾期上报 ${late.length} 条，已附逾期说明` : null,
        dueDate: deadline.dueDate,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.submit',
        targetType: 'batch',
        targetId: id,
        before: { status: batch.status, version },
        after: { status: stage, dueDate: deadline.dueDate, lateSubmission: late.length > 0, overdueStatement },
      });
    });
    return this.batches.get(actor, id);
  }

  /** the provincial centre lets a batch through the 6-month cutoff, with a recorded reason and approver. */
  async grantExemption(actor: Actor, id: number, reason: string) {
    const batch = await this.batches.batchWithin(actor, id);
    if (actor.organisationLevel !== 'provincial') throw forbidden('受理豁免只能由省级技能中心办理');
    if (batch.status !== 'draft' && batch.status !== 'returned') {
      throw new DomainError('BATCH_WRONG_STATE', '只有待提交或已退回的批次需要受理豁免');
    }
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: actor.organisationId });
    const exemption = {
      reason,
      approverId: actor.userId,
      approverName: actor.displayName,
      organisationName: organisation.name,
      grantedAt: this.clock.now().toISOString(),
    };
    await this.uow.run(async (manager) => {
      await manager.getRepository(Batch).update({ id }, { exemption, version: () => 'version + 1' });
      await manager.getRepository(BatchDecision).insert({
        batchId: id,
        action: 'exemption',
        stage: batch.status,
        resultStatus: batch.status,
        ...decidedBy(actor),
        recordCount: batch.recordCount,
        comment: reason,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.exemption',
        targetType: 'batch',
        targetId: id,
        before: { exemption: batch.exemption },
        after: { exemption },
      });
    });
    return this.batches.get(actor, id);
  }

  /** upload deadline and 6-month cutoff per record, computed once per distinct issue date. */
  private async checkPeriods(batchId: number, profile: 'national' | 'guangdong', today: string, kind: string) {
    const records: LateRecord[] = (
      await this.dataSource
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select(['c.id AS id', 'c.rowNumber AS rowNumber', 'c.certificateNumber AS certificateNumber', 'c.holderName AS holderName', 'c.issueDate AS issueDate'])
        .where('c.batchId = :batchId', { batchId })
        .orderBy('c.rowNumber', 'ASC')
        .getRawMany<Record<string, unknown>>()
    ).map((r) => ({
      id: Number(r.id),
      rowNumber: Number(r.rowNumber),
      certificateNumber: String(r.certificateNumber),
      holderName: String(r.holderName),
      // Date columns arrive as 'YYYY-MM-DD' on both drivers (dateStrings on MySQL).
      issueDate: String(r.issueDate),
      due: '',
    }));
    const uploadDueByDate = new Map<string, string>();
    const cutoffByDate = new Map<string, string>();
    for (const issueDate of new Set(records.map((r) => r.issueDate))) {
      uploadDueByDate.set(issueDate, (await this.calendar.uploadDue(kind, issueDate, profile)).dueDate);
      cutoffByDate.set(issueDate, (await this.calendar.deadline('acceptance_cutoff', issueDate, profile)).due);
    }
    const pastCutoff = records.filter((r) => today > cutoffByDate.get(r.issueDate)!).map((r) => ({ ...r, due: cutoffByDate.get(r.issueDate)! }));
    const cut = new Set(pastCutoff.map((r) => r.id));
    const late = records
      .filter((r) => !cut.has(r.id) && today > uploadDueByDate.get(r.issueDate)!)
      .map((r) => ({ ...r, due: uploadDueByDate.get(r.issueDate)! }));
    // Exempted records past the cutoff are late as well and need the statement too.
    return { late: [...pastCutoff, ...late], pastCutoff, uploadDueByDate };
  }
}
