import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  actionRefusal,
  CORRECTION_RULE,
  DomainError,
  isReviewStage,
  nextStatus,
  ReviewStage,
  separationRefusal,
  AUTHORING_ACTIONS,
  STAGE_DEADLINE_RULE,
} from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService, StoredDue } from '../calendar/calendar.service';
import { UnitOfWork } from '../database/unit-of-work';
import { BatchQueryService } from '../batches/batch-query.service';
import { BatchesRepository } from '../batches/batches.repository';
import { Batch } from '../batches/entities/batch.entity';
import { decidedBy } from '../batches/entities/batch-decision.entity';
import { CertificatesRepository } from '../certificates/certificates.repository';
import { ReturnedRecordDto } from './dto/review.dto';
import type { BulkApproveReply } from '@app/contracts';

/** Steps that put data into a batch: their actors may not approve it (R-3 三权分立). */

/**
 * a reviewer approves a batch to the next stage (national approval publishes it) or
 * returns it whole or in part. Each decision is one transaction guarded by the version the reviewer saw, so of
 * two reviewers acting at once exactly one succeeds.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly certificates: CertificatesRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly queries: BatchQueryService,
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
        // national approval makes the certificates queryable.
        await this.certificates.publishBatch(manager, id, today);
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
    return this.queries.get(actor, id);
  }

  /** Approves many small batches; each is its own decision, and one failure does not undo the others. */
  async bulkApprove(
    actor: Actor,
    items: { id: number; version: number }[],
    comment?: string,
  ): Promise<BulkApproveReply> {
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
          returnReason: reason,
          ...correctionDue,
          stageReceivedOn: today,
        });
        await this.certificates.returnBatch(manager, id, reason, selected ? records : []);
        await this.batches.keepReturnedRecords(manager, id);
      } else {
        childId = await this.splitOff(manager, batch, version, stage, reason, records!, correctionDue, today);
      }
      const decisionId = await this.decide(manager, actor, batch, {
        action: 'return',
        resultStatus: whole ? 'returned' : stage,
        comment: reason,
        recordCount: whole ? batch.recordCount : records!.length,
        childBatchId: childId,
      });
      if (childId) await this.batches.copyTrail(manager, batch.id, childId, decisionId);
      if (records) await this.batches.insertDecisionRecords(manager, decisionId, records);
      await this.audit.record(manager, subjectOf(actor), {
        action: whole ? 'batch.return' : 'batch.return.partial',
        targetType: 'batch',
        targetId: id,
        before: { status: stage, version, recordCount: batch.recordCount },
        after: whole
          ? { status: 'returned', correctionDue: correctionDue.dueDate }
          : {
              status: stage,
              childBatchId: childId,
              returnedRecords: records!.length,
              correctionDue: correctionDue.dueDate,
            },
        detail: reason,
      });
    });
    const result = await this.queries.get(actor, id);
    return childId ? { ...result, childBatchId: childId } : result;
  }

  /** Stage, role, version and separation of duties; the next stage on the province's chain. */
  private async approvable(actor: Actor, id: number, version: number) {
    const batch = await this.reviewable(actor, id, 'approve', version);
    const refusal = separationRefusal(actor.userId, await this.batches.actorsOf(batch, AUTHORING_ACTIONS));
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const profile = await this.profileOf(batch);
    return { batch, profile, next: nextStatus(batch.status as ReviewStage, profile) };
  }

  /** Loads the batch and refuses stale versions (409), actors without the stage's role (403) and wrong states (422). */
  private async reviewable(actor: Actor, id: number, action: 'approve' | 'return', version: number): Promise<Batch> {
    const batch = await this.queries.batchWithin(actor, id);
    // A stale view is reported as such first: the reviewer must reload to see what changed.
    if (batch.version !== version) throw staleVersion();
    const refusal = actionRefusal(action, batch.status, actor.roles);
    if (refusal) throw isReviewStage(batch.status) ? forbidden(refusal) : new DomainError('BATCH_WRONG_STATE', refusal);
    return batch;
  }

  /** The conditional update that makes concurrent decisions safe: only the holder of the current version, in the stage seen, wins. */
  private transition(manager: EntityManager, batch: Batch, version: number, changes: Partial<Batch>): Promise<void> {
    return this.batches.update(manager, { id: batch.id, version, status: batch.status }, changes);
  }

  /** R-13 partial return: the selected records move to a new child batch in state `returned`. */
  private async splitOff(
    manager: EntityManager,
    batch: Batch,
    version: number,
    stage: ReviewStage,
    reason: string,
    records: ReturnedRecordDto[],
    due: StoredDue,
    today: string,
  ): Promise<number> {
    await this.transition(manager, batch, version, { recordCount: batch.recordCount - records.length });
    const childId = await this.batches.insert(manager, {
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
      returnReason: reason,
      ...due,
      stageReceivedOn: today,
      // the child's records keep the parent's submission time; the console says the child is not yet resubmitted.
      submittedAt: batch.submittedAt,
      round: batch.round,
    });
    const byReason = new Map<string, number[]>();
    for (const r of records) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.id]);
    for (const [reason, ids] of byReason) await this.certificates.moveReturned(manager, batch.id, childId, ids, reason);
    // the exemption moves with the records it was granted for.
    await this.batches.moveExemptionKeys(
      manager,
      batch.id,
      childId,
      records.map((r) => r.id),
    );
    await this.batches.keepReturnedRecords(manager, childId);
    return childId;
  }

  private async selectedRecords(batch: Batch, records: ReturnedRecordDto[]): Promise<number[]> {
    const ids = [...new Set(records.map((r) => r.id))];
    if (ids.length !== records.length) throw new DomainError('VALIDATION_FAILED', '退回记录中有重复的记录');
    const found = await this.certificates.countInReview(batch.id, ids);
    if (found !== ids.length) {
      throw new DomainError('RETURN_RECORDS_NOT_IN_BATCH', '所选记录不属于该批次或已不在审核中，请刷新后重试');
    }
    return ids;
  }

  private async profileOf(batch: Batch) {
    return (await this.batches.organisationOrFail(batch.institutionId)).deadlineProfile;
  }

  private async decide(
    manager: EntityManager,
    actor: Actor,
    batch: Batch,
    d: {
      action: 'approve' | 'return';
      resultStatus: string;
      comment: string | null;
      recordCount: number;
      childBatchId?: number | null;
    },
  ): Promise<number> {
    return this.batches.insertDecision(manager, {
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
  }
}
