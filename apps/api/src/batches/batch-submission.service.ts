import { Injectable } from '@nestjs/common';
import {
  actionRefusal,
  CORRECTION_RULE,
  DeadlineProfile,
  DomainError,
  firstStage,
  isReviewStage,
  judgeRecord,
  RecordKeys,
  STAGE_DEADLINE_RULE,
  SubmissionContext,
} from '@app/domain';
import { Actor, subjectOf } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { forbidden, staleVersion } from '../common/errors/app-errors';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { UnitOfWork } from '../database/unit-of-work';
import { assertMaintains } from '../organisations/institution-maintenance';
import { CertificatesRepository, RecordDates } from '../certificates/certificates.repository';
import { BatchQueryService } from './batch-query.service';
import { BatchesRepository } from './batches.repository';
import { OverdueStatementDto } from './dto/batch.dto';
import { Batch } from './entities/batch.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { decidedBy } from './entities/batch-decision.entity';
import type { LateRecordsBody, SubmissionCheck } from '@app/contracts';

/** Records listed in a refusal; the count says how many there are in all. */
const LISTED_RECORDS = 200;
type LateRecord = RecordDates & { due: string };

interface Assessment {
  batch: Batch;
  parent: Organisation;
  profile: DeadlineProfile;
  today: string;
  correction: { due: string } | null;
  /** Prefix of the refusal messages when the correction period has passed. */
  correctionNote: string;
  late: LateRecord[];
  refused: LateRecord[];
  uploadDueByDate: Map<string, string>;
}

/**
 * what the submission refuses with — records past the 6-month cutoff (without an exemption covering them),
 * or late records without a 附件3 statement — or null when it may go ahead.
 */
function lateRefusal(a: Assessment, statement: OverdueStatementDto | null): RefusalError | null {
  if (a.refused.length > 0) {
    return new DomainError(
      'BATCH_PAST_ACCEPTANCE_CUTOFF',
      `${a.correctionNote}有 ${a.refused.length} 条证书自发证日期起已超过 6 个月，原则上不予受理。` +
        (a.batch.exemption ? '本批次的受理豁免不涵盖这些记录，' : '') +
        '如确需上报，请省级技能中心为这些记录办理受理豁免。',
      { records: a.refused.slice(0, LISTED_RECORDS), count: a.refused.length },
    ) as RefusalError;
  }
  if (a.late.length > 0 && !statement) {
    return new DomainError(
      'BATCH_OVERDUE_STATEMENT_REQUIRED',
      `${a.correctionNote}有 ${a.late.length} 条证书已超过上报期限，请填写《逾期上报情况说明》（附件3）后再提交。`,
      { records: a.late.slice(0, LISTED_RECORDS), count: a.late.length },
    ) as RefusalError;
  }
  return null;
}

type RefusalError = DomainError & {
  code: LateRecordsBody['code'];
  details: Pick<LateRecordsBody, 'records' | 'count'>;
};

/** submission of a draft (or returned) batch into its institution's first review stage. */
@Injectable()
export class BatchSubmissionService {
  constructor(
    private readonly batches: BatchesRepository,
    private readonly certificates: CertificatesRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly queries: BatchQueryService,
  ) {}

  /**
   * What submitting the batch now without a 附件3 statement would meet: the same assessment and refusal as
   * `submit`, nothing changed. Access and state are checked as for the submission itself.
   */
  async check(actor: Actor, id: number): Promise<SubmissionCheck> {
    const assessment = await this.assess(actor, await this.queries.batchWithin(actor, id));
    const refusal = lateRefusal(assessment, null);
    return { refusal: refusal && { code: refusal.code, message: refusal.message, ...refusal.details } };
  }

  async submit(actor: Actor, id: number, version: number, statement: OverdueStatementDto | undefined) {
    const batch = await this.queries.batchWithin(actor, id);
    const assessment = await this.assess(actor, batch, version);
    // a statement explains the lateness of the submission it is given with; an earlier one is not reused
    // for records that are late now (late corrections, or new records a re-upload added).
    const givenStatement = statement ?? null;
    const refusal = lateRefusal(assessment, givenStatement);
    if (refusal) {
      if (refusal.code === 'BATCH_PAST_ACCEPTANCE_CUTOFF') await this.recordCutoffRefusal(actor, batch, refusal);
      throw refusal;
    }
    const { parent, profile, today, correction, correctionNote, late, uploadDueByDate } = assessment;

    const stage = firstStage(parent.level);
    const stageRule = STAGE_DEADLINE_RULE[stage];
    if (stageRule === 'inherit') throw new Error(`first stage ${stage} cannot inherit a deadline`);
    const deadline = await this.calendar.storedDue(stageRule, today, profile);
    // A resubmission on time keeps the first submission's lateness and statement on record (R-39 quality report).
    const resubmission = batch.status === 'returned';
    const overdueStatement =
      late.length > 0 && givenStatement
        ? {
            ...givenStatement,
            recordCount: late.length,
            givenBy: actor.displayName,
            givenAt: this.clock.now().toISOString(),
          }
        : resubmission
          ? batch.overdueStatement
          : null;
    const lateSubmission = late.length > 0 || (resubmission && batch.lateSubmission);

    await this.uow.run(async (manager) => {
      await this.batches.update(
        manager,
        { id, version },
        {
          status: stage,
          lateSubmission,
          overdueStatement,
          stageReceivedOn: today,
          ...deadline,
          returnedFrom: null,
          returnReason: null,
          submittedAt: this.clock.now(),
          round: () => 'round + 1',
        },
      );
      // Set-based: one statement per distinct issue date (at most a few hundred), not one per record.
      for (const [issueDate, uploadDue] of uploadDueByDate) {
        await this.certificates.markInReview(manager, id, issueDate, uploadDue);
      }
      await this.batches.insertDecision(manager, {
        batchId: id,
        action: 'submit',
        stage: batch.status,
        resultStatus: stage,
        ...decidedBy(actor),
        recordCount: batch.recordCount,
        comment:
          late.length > 0
            ? `${correctionNote}逾期上报 ${late.length} 条，已附逾期说明`
            : correction
              ? `在更正期限（${correction.due}）内重新上报`
              : null,
        dueDate: deadline.dueDate,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.submit',
        targetType: 'batch',
        targetId: id,
        before: { status: batch.status, version },
        after: {
          status: stage,
          dueDate: deadline.dueDate,
          lateSubmission,
          overdueStatement,
          correctionDue: correction?.due ?? null,
        },
      });
    });
    return this.queries.get(actor, id);
  }

  /**
   * a submission refused for the 6-month cutoff stays on the batch's trail (不予受理), so the quality
   * report counts refusals from the decisions like every other figure. Written apart from the refused request.
   */
  private async recordCutoffRefusal(actor: Actor, batch: Batch, refusal: RefusalError): Promise<void> {
    const details = refusal.details as { count?: number } | undefined;
    await this.uow.run((manager) =>
      this.batches.insertDecision(manager, {
        batchId: batch.id,
        action: 'refuse',
        stage: batch.status,
        resultStatus: batch.status,
        ...decidedBy(actor),
        recordCount: details?.count ?? 0,
        comment: refusal.message.slice(0, 500),
      }),
    );
  }

  /**
   * the shared part of a submission and its check — who may submit the batch in its state, and how
   * its records stand against their upload deadlines, the 6-month cutoff or the correction period today.
   */
  private async assess(actor: Actor, batch: Batch, version?: number): Promise<Assessment> {
    const refusal = actionRefusal('submit', batch.status, actor.roles);
    if (refusal) {
      throw batch.status === 'draft' || batch.status === 'returned'
        ? forbidden(refusal)
        : new DomainError('BATCH_WRONG_STATE', refusal);
    }
    if (version !== undefined && batch.version !== version) throw staleVersion();
    const institution = await this.batches.organisationOrFail(batch.institutionId);
    assertMaintains(actor, institution);
    const parent = await this.batches.organisationOrFail(institution.parentId as number);
    const profile = institution.deadlineProfile;
    const today = this.clock.today();
    const correction = batch.status === 'returned' ? await this.correctionPeriod(batch, profile) : null;
    const context: SubmissionContext = {
      today,
      correction: correction && { due: correction.due, ...(await this.returnedRecords(batch.id)) },
      exempted: batch.exemption ? await this.batches.recordKeys(batch.id, 'exemption') : null,
    };
    const { late, refused, uploadDueByDate } = await this.checkPeriods(batch.id, profile, context, batch.kind);
    return {
      batch,
      parent,
      profile,
      today,
      correction,
      correctionNote: correction && today > correction.due ? `更正期限（${correction.due}）已过，` : '',
      late,
      refused,
      uploadDueByDate,
    };
  }

  /** the provincial centre lets a batch through the 6-month cutoff, with a recorded reason and approver. */
  async grantExemption(actor: Actor, id: number, version: number, reason: string) {
    const batch = await this.queries.batchWithin(actor, id);
    if (actor.organisationLevel !== 'provincial') throw forbidden('受理豁免只能由省级技能中心办理');
    if (batch.status !== 'draft' && batch.status !== 'returned') {
      throw new DomainError('BATCH_WRONG_STATE', '只有待提交或已退回的批次需要受理豁免');
    }
    // The exemption is granted for the records the centre looked at: a batch changed since (re-upload, edit) is stale.
    if (batch.version !== version) throw staleVersion();
    const organisation = await this.batches.organisationOrFail(actor.organisationId);
    const institution = await this.batches.organisationOrFail(batch.institutionId);
    // the exemption is granted for the records past the cutoff now, and covers only those.
    const { pastCutoff } = await this.checkPeriods(
      batch.id,
      institution.deadlineProfile,
      { today: this.clock.today(), correction: null, exempted: null },
      batch.kind,
    );
    const exemption = {
      reason,
      approverId: actor.userId,
      approverName: actor.displayName,
      organisationName: organisation.name,
      grantedAt: this.clock.now().toISOString(),
      recordCount: pastCutoff.length,
    };
    await this.uow.run(async (manager) => {
      await this.batches.update(manager, { id, version, status: batch.status }, { exemption });
      await this.batches.replaceRecordKeys(manager, id, 'exemption', pastCutoff);
      await this.batches.insertDecision(manager, {
        batchId: id,
        action: 'exemption',
        stage: batch.status,
        resultStatus: batch.status,
        ...decidedBy(actor),
        recordCount: batch.recordCount,
        comment: `${reason}（涵盖 ${pastCutoff.length} 条超过 6 个月的记录）`,
      });
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.exemption',
        targetType: 'batch',
        targetId: id,
        before: { exemption: batch.exemption },
        after: { exemption },
      });
    });
    return this.queries.get(actor, id);
  }

  /**
   * each record judged against its upload deadline and 6-month cutoff — or, resubmitted after a return,
   * against the correction period (libs/domain judgeRecord); periods computed once per distinct issue date.
   */
  private async checkPeriods(batchId: number, profile: DeadlineProfile, context: SubmissionContext, kind: string) {
    const records = await this.certificates.datesOfBatch(batchId);
    const uploadDueByDate = new Map<string, string>();
    const cutoffByDate = new Map<string, string>();
    for (const issueDate of new Set(records.map((r) => r.issueDate))) {
      uploadDueByDate.set(issueDate, (await this.calendar.uploadDue(kind, issueDate, profile)).dueDate);
      cutoffByDate.set(issueDate, (await this.calendar.deadline('acceptance_cutoff', issueDate, profile)).due);
    }
    const late: LateRecord[] = [];
    const pastCutoff: LateRecord[] = [];
    const refused: LateRecord[] = [];
    for (const r of records) {
      const judged = judgeRecord(
        { ...r, uploadDue: uploadDueByDate.get(r.issueDate)!, cutoff: cutoffByDate.get(r.issueDate)! },
        context,
      );
      const listed = { ...r, due: judged.due };
      // Exempted records past the cutoff are late as well and need the statement too.
      if (judged.late) late.push(listed);
      if (judged.pastCutoff) pastCutoff.push(listed);
      if (judged.refused) refused.push(listed);
    }
    return { late, pastCutoff, refused, uploadDueByDate };
  }

  /**
   * R-14 (粤 二（三）, 指南 第十一条): the correction period runs from the day the institution received the return —
   * the return decision's Beijing day — by the rule of the stage that returned it; checked anew at resubmission.
   */
  private async correctionPeriod(batch: Batch, profile: DeadlineProfile): Promise<{ due: string } | null> {
    if (!batch.returnedFrom || !isReviewStage(batch.returnedFrom)) return batch.dueDate ? { due: batch.dueDate } : null;
    const receivedOn = batch.stageReceivedOn ?? (await this.returnDay(batch.id));
    if (!receivedOn) return batch.dueDate ? { due: batch.dueDate } : null;
    return { due: (await this.calendar.deadline(CORRECTION_RULE[batch.returnedFrom], receivedOn, profile)).due };
  }

  private async returnDay(batchId: number): Promise<string | null> {
    const decision = await this.batches.latestDecision(batchId, 'return');
    return decision ? beijingDay(decision.createdAt) : null;
  }

  /** The records a return sent back; batches returned before keys were kept count all their records as returned. */
  private async returnedRecords(batchId: number): Promise<RecordKeys> {
    const keys = await this.batches.recordKeys(batchId, 'returned');
    if (keys.ids.size > 0) return keys;
    const all = await this.certificates.keysOfBatch(batchId);
    return { ids: new Set(all.map((c) => c.id)), numbers: new Set(all.map((c) => c.certificateNumber)) };
  }
}

/** The Beijing calendar day of an instant (UTC+8, no daylight saving). */
function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
