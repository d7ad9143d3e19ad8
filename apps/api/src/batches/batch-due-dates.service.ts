import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { computeStoredDeadline, OPEN_BATCH_STATUSES, uploadRuleFor } from '@app/domain';
import { AuditService } from '../audit/audit.service';
import { CalendarChange, CalendarChangeListener, CalendarChangeListeners } from '../calendar/calendar-change';
import { subjectOf } from '../common/actor/actor';
import { BatchDueDatesRepository } from './batch-due-dates.repository';
import { Batch } from './entities/batch.entity';

/** Batches listed by id in the audit record of one recomputation; the count covers them all. */
const AUDITED_BATCHES = 100;

/**
 * R-15: after a year's calendar changed (inside the same transaction), every open batch whose period reaches that
 * year gets its due date and provisional mark recomputed from the stored rule and start. One audit record sums up
 * the change (with the first batches listed); the batches' versions are not bumped, as no decision changed.
 */
@Injectable()
export class BatchDueDatesService implements CalendarChangeListener, OnModuleInit {
  constructor(
    private readonly repository: BatchDueDatesRepository,
    private readonly listeners: CalendarChangeListeners,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async calendarChanged({ manager, actor, year, reason, calendar }: CalendarChange): Promise<number> {
    // A period that ended before the year, or starts after it, does not depend on it.
    const batches = await this.repository.openBatchesReaching(manager, year, [...OPEN_BATCH_STATUSES]);
    if (batches.length === 0) return 0;
    const profiles = await this.repository.deadlineProfiles(
      manager,
      batches.map((b) => b.institutionId),
    );
    const changed: { id: number; before: string; after: string; provisional: boolean }[] = [];
    for (const batch of batches) {
      const from = batch.dueFrom ?? (await this.derivedDueFrom(manager, batch));
      if (!from) continue;
      // Drafts stored before R-18 applied to them carry 'upload' whatever their kind.
      const rule = batch.dueRule === 'upload' ? uploadRuleFor(batch.kind) : (batch.dueRule as string);
      const deadline = computeStoredDeadline(calendar, rule, from, profiles.get(batch.institutionId) ?? 'national');
      const next = {
        dueDate: deadline.due,
        dueRule: deadline.rule,
        dueFrom: deadline.from,
        dueProvisional: deadline.provisional,
      };
      if (
        next.dueDate === batch.dueDate &&
        next.dueProvisional === batch.dueProvisional &&
        batch.dueFrom === from &&
        batch.dueRule === rule
      ) {
        continue;
      }
      await this.repository.setDue(manager, batch.id, batch.status, next);
      if (next.dueDate !== batch.dueDate || next.dueProvisional !== batch.dueProvisional) {
        changed.push({
          id: batch.id,
          before: batch.dueDate as string,
          after: next.dueDate,
          provisional: next.dueProvisional,
        });
      }
    }
    if (changed.length > 0) {
      await this.audit.record(manager, subjectOf(actor), {
        action: 'batch.due.recompute',
        targetType: 'calendar_year',
        targetId: year,
        after: { count: changed.length, batches: changed.slice(0, AUDITED_BATCHES) },
        detail: `${year} 年工作日历变更，重新计算 ${changed.length} 个未办结批次的办理期限：${reason}`.slice(0, 1000),
      });
    }
    return changed.length;
  }

  /** Batches stored before due_from existed: a draft runs from its earliest issue date, any other from its stage's receipt. */
  private async derivedDueFrom(manager: EntityManager, batch: Batch): Promise<string | null> {
    if (batch.status !== 'draft') return batch.stageReceivedOn;
    return this.repository.earliestIssueDate(manager, batch.id);
  }
}
