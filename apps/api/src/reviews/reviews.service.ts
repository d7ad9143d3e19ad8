import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  actionRefusal,
  CORRECTION_RULE,
  DomainError,
  isReviewStage,
  nextStatus,
  ReviewStage,
  separationRefusal,
  STAGE_DEADLINE_RULE,
} from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService, StoredDue } from '../calendar/calendar.service';
import { UnitOfWork } from '../database/unit-of-work';
import { Organisation } from '../organisations/entities/organisation.entity';
import { BatchQueryService } from '../batches/batch-query.service';
import { Batch } from '../batches/entities/batch.entity';
import { BatchDecision, BatchDecisionRecord, decidedBy } from '../batches/entities/batch-decision.entity';
import { BatchRecordKey } from '../batches/entities/batch-record-key.entity';
import { Certificate } from '../certificates/entities/certificate.entity';
import { ReturnedRecordDto } from './dto/review.dto';
import type { BulkApproveReply } from '@app/contracts';

const RECORD_CHUNK = 500;
/** Steps that put data into a batch: their actors may not approve it (R-3 三权分立). */
const AUTHORING_ACTIONS = ['upload', 'reupload', 'submit', 'record_edit'] as const;

/**
 * a reviewer approves a batch to the next stage (national approval publishes it) or
 * returns it whole or in part. Each decision is one transaction guarded by the version the reviewer saw, so of
 * two reviewers acting at once exactly one succeeds.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly batches: BatchQueryService,
  ) {}

  /** Whether this person may approve the batch now: the same checks as approval, nothing changed. */
  async approvalCheck(actor: Actor, id: number, version: number) {
    const { batch, next } = await this.approvable(actor, id, version);
    return { dryRun: true, id, status: batch.status, nextStatus: next, version: batch.version };
  }

  async approve(actor: Actor, id: number, version: number, comment?: string) {
    const { batch, profile, next } = await this.approvable(actor, id, version);
    const stage = batch.status as ReviewStage;
    const today = this.clock.today();
    let dueDate: string | null = null;
    let stageReceivedOn: string | null = today;
    let dueRule: string | null = null;
    let due: Partial<Batch> = { dueFrom: null, dueProvisional: false };
    if (next !== 'published') {
      const rule = STAGE_DEADLINE_RULE[next];
      if (rule === 'inherit') {
        // The head's approval runs on the municipal centre's own period (libs/domain batch-workflow).
        dueDate = batch.dueDate;
        stageReceivedOn = batch.stageReceivedOn;
        dueRule = batch.dueRule;
        due = { dueFrom: batch.dueFrom, dueProvisional: batch.dueProvisional };
      } else {
        const stored = await this.calendar.storedDue(rule, today, profile);
        dueDate = stored.dueDate;
        dueRule = rule;
        due = stored;
      }
    }
    await this.uow.run(async (manager) => {
      await this.transition(manager, batch, version, {
        ...due,
        status: next,
        dueDate,
        dueRule,
        stageReceivedOn,
        publishedOn: next === 'published' ? today : null,
      });
      if (next === 'published') {
        // national approval makes the certificates queryable — one set-based statement.
        await manager
          .createQueryBuilder()
          .update(Certificate)
          .set({ status: 'published', publishedOn: today, version: () => 'version + 1' })
          .where('batchId = :id AND status = :status', { id, status: 'in_review' })
          .execute();
      }
      await this.decide(manager, actor, batch, {
        action: 'approve',
        resultStatus: next,
        comment: comment ?? null,
        recordCount: batch.recordCount,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: next === 'published' ? 'batch.publish' : 'batch.approve',
        targetType: 'batch',
        targetId: id,
        before: { status: stage, version },
        after: { status: next, dueDate, publishedOn: next === 'published' ? today : null },
        detail: comment ?? null,
      });
    });
    return this.batches.get(actor, id);
  }

  /** Approves many small batches; each is its own decision, and one failure does not undo the others. */
  async bulkApprove(actor: Actor, items: { id: number; version: number }[], comment?: string): Promise<BulkApproveReply> {
    const results: BulkApproveReply['results'] = [];
    for (const item of items) {
      try {
        const batch = await this.approve(actor, item.id, item.version, comment);
        results.push({ id: item.id, ok: true, status: batch.status, version: batch.version });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id: item.id, ok: false, code: error.code, message: error.message });
      }
    }
    return { approved: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  async return(actor: Actor, id: number, version: number, reason: string, records?: ReturnedRecordDto[]) {
    const batch = await this.reviewable(actor, id, 'return', version);
    const stage = batch.status as ReviewStage;
    const today = this.clock.today();
    const profile = await this.profileOf(batch);
    const correctionDue = await this.calendar.storedDue(CORRECTION_RULE[stage], today, profile);
    const selected = records ? await this.selectedRecords(batch, records) : null;
    const whole = !selected || selected.length === batch.recordCount;

    let childId: number | null = null;
    await this.uow.run(async (manager) => {
      if (whole) {
        await this.transition(manager, batch, version, {
          status: 'returned',
          returnedFrom: stage,
          ...correctionDue,
          stageReceivedOn: today,
        });
        await manager
          .createQueryBuilder()
          .update(Certificate)
          .set({ status: 'returned', returnReason: reason.slice(0, 500) })
          .where('batchId = :id', { id })
          .execute();
        if (selected) {
          for (const r of records ?? []) {
            await manager.getRepository(Certificate).update({ id: r.id }, { returnReason: r.reason });
          }
        }
        await this.keepReturnedRecords(manager, id);
      } else {
        childId = await this.splitOff(manager, batch, version, stage, records!, correctionDue, today);
      }
      const decisionId = await this.decide(manager, actor, batch, {
        action: 'return',
        resultStatus: whole ? 'returned' : stage,
        comment: reason,
        recordCount: whole ? batch.recordCount : records!.length,
        childBatchId: childId,
      });
      if (childId) await this.inheritTrail(manager, batch.id, childId, decisionId);
      if (records) {
        for (let i = 0; i < records.length; i += RECORD_CHUNK) {
          await manager
            .getRepository(BatchDecisionRecord)
            .insert(records.slice(i, i + RECORD_CHUNK).map((r) => ({ decisionId, certificateId: r.id, reason: r.reason })));
        }
      }
      await this.audit.record(manager, subjectOf(actor), {
        action: whole ? 'batch.return' : 'batch.return.partial',
        targetType: 'batch',
        targetId: id,
        before: { status: stage, version, recordCount: batch.recordCount },
        after: whole
          ? { status: 'returned', correctionDue: correctionDue.dueDate }
          : { status: stage, childBatchId: childId, returnedRecords: records!.length, correctionDue: correctionDue.dueDate },
        detail: reason,
      });
    });
    const result = await this.batches.get(actor, id);
    return childId ? { ...result, childBatchId: childId } : result;
  }

  /** Stage, role, version and separation of duties; the next stage on the province's chain. */
  private async approvable(actor: Actor, id: number, version: number) {
    const batch = await this.reviewable(actor, id, 'approve', version);
    const refusal = separationRefusal(actor.userId, await this.authorsOf(batch));
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const profile = await this.profileOf(batch);
    return { batch, profile, next: nextStatus(batch.status as ReviewStage, profile) };
  }

  /**
   * everyone who put data into the batch — uploaded, re-uploaded, edited or submitted it — or into a batch its
   * records came from (a partial return's parent).
   */
  private async authorsOf(batch: Batch): Promise<Set<number>> {
    const authors = new Set<number>();
    const lineage: number[] = [];
    for (let current: Batch | null = batch; current && lineage.length < 20; ) {
      lineage.push(current.id);
      authors.add(current.createdById);
      current = current.parentId ? await this.dataSource.getRepository(Batch).findOneBy({ id: current.parentId }) : null;
    }
    const rows = await this.dataSource
      .getRepository(BatchDecision)
      .createQueryBuilder('d')
      .select('DISTINCT d.actorId', 'actorId')
      .where('d.batchId IN (:...lineage)', { lineage })
      .andWhere('d.action IN (:...actions)', { actions: AUTHORING_ACTIONS })
      .getRawMany<{ actorId: number }>();
    for (const r of rows) authors.add(Number(r.actorId));
    return authors;
  }

  /**
   * the records a return sent back for correction, by id and certificate number, so that a resubmission
   * judges them by the correction period and new records by their own deadlines. One set-based statement.
   */
  private async keepReturnedRecords(manager: EntityManager, batchId: number): Promise<void> {
    await manager.getRepository(BatchRecordKey).delete({ batchId, purpose: 'returned' });
    const keys = manager.connection.getMetadata(BatchRecordKey);
    const certs = manager.connection.getMetadata(Certificate);
    const col = (m: typeof keys, p: string) => manager.connection.driver.escape(m.findColumnWithPropertyName(p)!.databaseName);
    const escape = (name: string) => manager.connection.driver.escape(name);
    await manager.query(
      `INSERT INTO ${escape(keys.tableName)} (${col(keys, 'batchId')}, ${col(keys, 'purpose')}, ${col(keys, 'certificateId')}, ${col(keys, 'certificateNumber')}) ` +
        `SELECT ${col(certs, 'batchId')}, 'returned', ${col(certs, 'id')}, ${col(certs, 'certificateNumber')} FROM ${escape(certs.tableName)} WHERE ${col(certs, 'batchId')} = ?`,
      [batchId],
    );
  }

  /**
   * a child batch carries the trail of its records — the parent's steps up to the partial return, copied
   * with their original times and marked as inherited, then the return that created it.
   */
  private async inheritTrail(manager: EntityManager, parentId: number, childId: number, returnDecisionId: number): Promise<void> {
    const repo = manager.getRepository(BatchDecision);
    const trail = await repo.find({ where: { batchId: parentId }, order: { id: 'ASC' } });
    const upTo = trail.filter((d) => d.id <= returnDecisionId);
    for (let i = 0; i < upTo.length; i += RECORD_CHUNK) {
      await repo.insert(
        upTo.slice(i, i + RECORD_CHUNK).map(({ id, updatedAt: _u, ...d }) => ({
          ...d,
          batchId: childId,
          inheritedFromBatchId: d.inheritedFromBatchId ?? parentId,
          ...(id === returnDecisionId ? { resultStatus: 'returned' } : {}),
        })),
      );
    }
  }

  /** Loads the batch and refuses stale versions (409), actors without the stage's role (403) and wrong states (422). */
  private async reviewable(actor: Actor, id: number, action: 'approve' | 'return', version: number): Promise<Batch> {
    const batch = await this.batches.batchWithin(actor, id);
    // A stale view is reported as such first: the reviewer must reload to see what changed.
    if (batch.version !== version) throw staleVersion();
    const refusal = actionRefusal(action, batch.status, actor.roles);
    if (refusal) throw isReviewStage(batch.status) ? forbidden(refusal) : new DomainError('BATCH_WRONG_STATE', refusal);
    return batch;
  }

  /** The conditional update that makes concurrent decisions safe: only the holder of the current version wins. */
  private async transition(manager: EntityManager, batch: Batch, version: number, changes: Partial<Batch>): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Batch)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', { id: batch.id, version, status: batch.status })
      .execute();
    if (!result.affected) throw staleVersion();
  }

  /** R-13 partial return: the selected records move to a new child batch in state `returned`. */
  private async splitOff(
    manager: EntityManager,
    batch: Batch,
    version: number,
    stage: ReviewStage,
    records: ReturnedRecordDto[],
    due: StoredDue,
    today: string,
  ): Promise<number> {
    await this.transition(manager, batch, version, { recordCount: batch.recordCount - records.length });
    const inserted = await manager.getRepository(Batch).insert({
      kind: batch.kind,
      status: 'returned',
      institutionId: batch.institutionId,
      orgPath: batch.orgPath,
      parentId: batch.id,
      recordCount: records.length,
      fileName: null,
      fileChecksum: null,
      createdById: batch.createdById,
      lateSubmission: batch.lateSubmission,
      overdueStatement: batch.overdueStatement,
      exemption: batch.exemption,
      returnedFrom: stage,
      ...due,
      stageReceivedOn: today,
      submittedAt: batch.submittedAt,
      round: batch.round,
    });
    const childId = Number(inserted.identifiers[0].id);
    const byReason = new Map<string, number[]>();
    for (const r of records) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.id]);
    for (const [reason, ids] of byReason) {
      for (let i = 0; i < ids.length; i += RECORD_CHUNK) {
        await manager
          .createQueryBuilder()
          .update(Certificate)
          .set({ batchId: childId, status: 'returned', returnReason: reason })
          .where({ id: In(ids.slice(i, i + RECORD_CHUNK)), batchId: batch.id })
          .execute();
      }
    }
    // the exemption moves with the records it was granted for.
    const moved = records.map((r) => r.id);
    for (let i = 0; i < moved.length; i += RECORD_CHUNK) {
      await manager
        .createQueryBuilder()
        .update(BatchRecordKey)
        .set({ batchId: childId })
        .where({ batchId: batch.id, purpose: 'exemption', certificateId: In(moved.slice(i, i + RECORD_CHUNK)) })
        .execute();
    }
    await this.keepReturnedRecords(manager, childId);
    return childId;
  }

  private async selectedRecords(batch: Batch, records: ReturnedRecordDto[]): Promise<number[]> {
    const ids = [...new Set(records.map((r) => r.id))];
    if (ids.length !== records.length) throw new DomainError('VALIDATION_FAILED', '退回记录中有重复的记录');
    let found = 0;
    for (let i = 0; i < ids.length; i += RECORD_CHUNK) {
      found += await this.dataSource
        .getRepository(Certificate)
        .countBy({ id: In(ids.slice(i, i + RECORD_CHUNK)), batchId: batch.id, status: 'in_review' });
    }
    if (found !== ids.length) throw new DomainError('RETURN_RECORDS_NOT_IN_BATCH', '所选记录不属于该批次或已不在审核中，请刷新后重试');
    return ids;
  }

  private async profileOf(batch: Batch) {
    return (await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: batch.institutionId })).deadlineProfile;
  }

  private async decide(
    manager: EntityManager,
    actor: Actor,
    batch: Batch,
    d: { action: 'approve' | 'return'; resultStatus: string; comment: string | null; recordCount: number; childBatchId?: number | null },
  ): Promise<number> {
    const inserted = await manager.getRepository(BatchDecision).insert({
      batchId: batch.id,
      action: d.action,
      stage: batch.status,
      resultStatus: d.resultStatus,
      ...decidedBy(actor),
      comment: d.comment,
      recordCount: d.recordCount,
      childBatchId: d.childBatchId ?? null,
      dueDate: batch.dueDate,
      // a late decision is recorded as such; nothing is ever approved automatically.
      late: batch.dueDate !== null && this.clock.today() > batch.dueDate,
    });
    return Number(inserted.identifiers[0].id);
  }
}

