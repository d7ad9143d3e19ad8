import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ancestorIds,
  BATCH_STATUS_LABELS,
  issuesQualificationData,
  QUALIFICATION_UPLOAD_DAY_KIND,
  QUALIFICATION_UPLOAD_DAY_STAGE,
  qualificationUploadDaysBetween,
  WorkingDayCalendar,
  batchReminderKind,
  batchResponsibility,
  BatchStatus,
  buildDigest,
  dataAdminRecipients,
  DigestItem,
  DUE_SOON_WORKING_DAYS,
  escalationTarget,
  OPEN_BATCH_STATUSES,
  reminderEvent,
  ReminderEvent as ReminderEventName,
  Role,
  ROLE_LABELS,
} from '@app/domain';
import type { MyReminderItem } from '@app/contracts';
import type { Actor } from '../common/actor/actor';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { CalendarService } from '../calendar/calendar.service';
import { OccupationCatalogue } from '../organisations/occupation-catalogue';
import { OutboxService } from '../mail/outbox.service';
import { ReminderSources } from './reminder-sources';
import { NewReminderEvent, OrganisationRow, RemindersRepository, StaffRow } from './reminders.repository';

/**
 * One reminder item of today — an open batch at its stage, or an institution's R-18 upload day — with its event and
 * who hears of it. `subjectId` and `stage` key its events: the batch and its status, or the institution and
 * `upload_day`.
 */
export interface ReminderItem extends Omit<MyReminderItem, 'escalation'> {
  subjectId: number;
  stage: string;
  escalationTarget: { organisationId: number | null; role: Role } | null;
}

export interface ReminderRunCounts {
  /** Items producing an event today. */
  items: number;
  /** Events this run inserted (and mailed). */
  events: number;
  /** Events skipped because an earlier run (or another server) sent them already. */
  alreadySent: number;
  /** Digest mails written to the outbox. */
  mails: number;
  /** Recipients skipped because they have no e-mail address. */
  skippedNoEmail: number;
  /** Items nobody could be reminded of (no active holder of the acting role). */
  withoutRecipient: number;
  [key: string]: number;
}

const UPLOAD_DAY_LABEL = '职业资格证书数据上传日';

const STAGE_LABELS: Record<'upload' | 'correction', string> = {
  upload: '数据上报（待提交）',
  correction: '退回更正',
};

function stageLabel(status: BatchStatus): string {
  const kind = batchReminderKind(status);
  return kind === 'review' ? BATCH_STATUS_LABELS[status] : STAGE_LABELS[kind];
}

const DEADLOCK_RETRIES = 3;

/** An item's part of the reminder_events key: kind, subject, stage, due date. */
const itemKey = (kind: string, subjectId: number, stage: string, dueDate: string) =>
  `${kind}|${subjectId}|${stage}|${dueDate}`;

/** MySQL/MariaDB error 1213: deadlock found when trying to get lock. */
function isDeadlock(error: unknown): boolean {
  const e = error as { errno?: number; driverError?: { errno?: number } } | null;
  return e?.errno === 1213 || e?.driverError?.errno === 1213;
}

/**
 * deadline reminders. Items are computed set-based (one read of the open batches in the window, one of
 * the organisations on their paths, one of the people there); each event goes to each responsible person once ever,
 * enforced by the reminder_events unique key; one Chinese digest per person per run goes to the outbox in the same
 * transaction as the events it reports.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly repository: RemindersRepository,
    private readonly calendar: CalendarService,
    private readonly occupations: OccupationCatalogue,
    private readonly outbox: OutboxService,
    private readonly sources: ReminderSources,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Today's items (empty on a rest day: reminders go out on working days only). `pathPrefix` narrows to a subtree.
   */
  async items(pathPrefix?: string): Promise<{ items: ReminderItem[]; organisations: Map<number, OrganisationRow> }> {
    const calendar = await this.calendar.calendar();
    const today = this.clock.today();
    if (!calendar.isWorkingDay(today)) return { items: [], organisations: new Map() };
    // A due date on the rest days after the window's last working day still counts 3 working days left, so the
    // read reaches to the 4th working day and reminderEvent decides.
    const dueBy = calendar.workingDayAfter(today, DUE_SOON_WORKING_DAYS + 1);
    const batches = await this.repository.openBatchesDueBy(OPEN_BATCH_STATUSES, dueBy, pathPrefix);
    const withEvent = batches
      .map((b) => ({ b, event: reminderEvent(calendar, b.dueDate, today) }))
      .filter((x): x is { b: (typeof batches)[number]; event: ReminderEventName } => x.event !== null);
    const organisations = await this.repository.organisations(withEvent.flatMap(({ b }) => ancestorIds(b.orgPath)));
    const items = withEvent.map(({ b, event }): ReminderItem => {
      const { level, role } = batchResponsibility(b.status);
      const owner =
        level === 'institution'
          ? organisations.get(b.institutionId)
          : ancestorIds(b.orgPath)
              .map((id) => organisations.get(id))
              .find((o) => o?.level === level);
      let escalation: ReminderItem['escalationTarget'] = null;
      if (event === 'overdue' && owner) {
        const parent = owner.parentId === null ? undefined : organisations.get(owner.parentId);
        const target = escalationTarget({ level: owner.level, parentLevel: parent?.level });
        escalation = {
          organisationId: (target.organisation === 'self' ? owner : parent)?.id ?? null,
          role: target.role,
        };
      }
      const between = calendar.workingDaysBetween(today, b.dueDate);
      return {
        subjectId: b.id,
        stage: b.status,
        kind: batchReminderKind(b.status),
        batchId: b.id,
        status: b.status,
        stageLabel: stageLabel(b.status),
        institutionId: b.institutionId,
        institutionName: b.institutionName,
        recordCount: b.recordCount,
        dueDate: b.dueDate,
        event,
        workingDaysLeft: event === 'overdue' ? 0 : between,
        overdueWorkingDays: event === 'overdue' ? -between : 0,
        responsibleOrganisationId: owner?.id ?? null,
        responsibleOrganisation: owner?.name ?? '',
        responsibleRole: role,
        responsibleRoleLabel: ROLE_LABELS[role],
        escalationTarget: escalation,
      };
    });
    items.push(...(await this.uploadDayItems(calendar, today, dueBy, pathPrefix)));
    // Items of the features above (cutovers …): their responsible organisations join the map like the batches'.
    const registered = await this.sources.items({ calendar, today });
    for (const org of (
      await this.repository.organisations(registered.flatMap((i) => i.responsibleOrganisationId ?? []))
    ).values()) {
      organisations.set(org.id, org);
    }
    items.push(...registered);
    return { items, organisations };
  }

  /**
   * each institution issuing qualification data is reminded of the next 2013 upload day (the 15th and the
   * 30th, moved to the next working day) within the due-soon window; its institution operators must act. Only
   * `due_soon`: the upload day's overdue — data of its window still not submitted — is the draft batches holding
   * that data, whose upload items carry this same day as their due date and are mailed overdue with their
   * escalation; an institution with no data entered cannot be known to be late, since 第十二条 obliges it to upload
   * the data it issued, if any (docs/decisions.md).
   */
  private async uploadDayItems(
    calendar: WorkingDayCalendar,
    today: string,
    dueBy: string,
    pathPrefix?: string,
  ): Promise<ReminderItem[]> {
    const slots = qualificationUploadDaysBetween(calendar, today, dueBy).filter(
      (slot) => reminderEvent(calendar, slot.due, today) === 'due_soon',
    );
    if (slots.length === 0) return [];
    const institutions = await this.repository.activeInstitutionsWithScope(pathPrefix);
    return slots.flatMap((slot) =>
      institutions
        .filter((i) => issuesQualificationData(i.scope, this.occupations.catalogue, slot))
        .map((i): ReminderItem => ({
          subjectId: i.id,
          stage: QUALIFICATION_UPLOAD_DAY_STAGE,
          kind: QUALIFICATION_UPLOAD_DAY_KIND,
          batchId: null,
          status: null,
          stageLabel: `${UPLOAD_DAY_LABEL}（发证日期 ${slot.issueFrom} 至 ${slot.issueTo}）`,
          institutionId: i.id,
          institutionName: i.name,
          recordCount: null,
          issueWindow: { from: slot.issueFrom, to: slot.issueTo },
          dueDate: slot.due,
          event: 'due_soon',
          workingDaysLeft: calendar.workingDaysBetween(today, slot.due),
          overdueWorkingDays: 0,
          responsibleOrganisationId: i.id,
          responsibleOrganisation: i.name,
          responsibleRole: 'institution_operator',
          responsibleRoleLabel: ROLE_LABELS.institution_operator,
          escalationTarget: null,
        })),
    );
  }

  /** `GET /api/admin/my-reminders`: what the caller would be reminded of today, overdue first. */
  async mine(actor: Actor): Promise<MyReminderItem[]> {
    const { items } = await this.items(actor.organisationPath);
    const holds = (organisationId: number | null, role: Role) =>
      organisationId === actor.organisationId && actor.roles.includes(role);
    return items
      .map((item) => {
        const { escalationTarget: target, subjectId: _subject, stage: _stage, ...rest } = item;
        if (holds(item.responsibleOrganisationId, item.responsibleRole)) return { ...rest, escalation: false };
        if (target && holds(target.organisationId, target.role)) return { ...rest, escalation: true };
        return null;
      })
      .filter((x): x is MyReminderItem => x !== null)
      .sort((a, b) =>
        a.event !== b.event
          ? a.event === 'overdue'
            ? -1
            : 1
          : a.dueDate.localeCompare(b.dueDate) ||
            (a.batchId ?? 0) - (b.batchId ?? 0) ||
            a.institutionId - b.institutionId,
      );
  }

  /**
   * The `deadline-reminders` job: inserts today's events that were never sent (skipping existing keys), and
   * writes one digest per person for exactly the events this run inserted, in the same transaction. `runId` must
   * be unique per run (the job run's id).
   */
  async run(runId: number, signal?: AbortSignal): Promise<ReminderRunCounts> {
    const { items } = await this.items();
    const orgIds = items.flatMap((i) => [i.responsibleOrganisationId, i.escalationTarget?.organisationId ?? null]);
    const staff = await this.repository.activeStaffOf(orgIds.filter((id): id is number => id !== null));
    const byOrg = new Map<number, StaffRow[]>();
    for (const person of staff) {
      const list = byOrg.get(person.organisationId) ?? [];
      list.push(person);
      byOrg.set(person.organisationId, list);
    }
    // a municipal centre's items go to its active data administrators, or to every municipal_admin there while
    // it has registered none.
    const administrators = await this.repository.activeDataAdministrators(
      items.flatMap((i) => [
        ...(i.responsibleRole === 'municipal_admin' && i.responsibleOrganisationId !== null
          ? [i.responsibleOrganisationId]
          : []),
        ...(i.escalationTarget?.role === 'municipal_admin' && i.escalationTarget.organisationId !== null
          ? [i.escalationTarget.organisationId]
          : []),
      ]),
    );
    const holders = (organisationId: number | null, role: Role) => {
      if (organisationId === null) return [];
      const holding = (byOrg.get(organisationId) ?? []).filter((p) => p.roles.includes(role));
      return role === 'municipal_admin' ? dataAdminRecipients(holding, administrators) : holding;
    };

    const people = new Map(staff.map((p) => [p.id, p]));
    const itemByKey = new Map<string, ReminderItem>();
    const candidates: NewReminderEvent[] = [];
    const noEmail = new Set<number>();
    let withoutRecipient = 0;
    for (const item of items) {
      itemByKey.set(itemKey(item.kind, item.subjectId, item.stage, item.dueDate), item);
      const acting = holders(item.responsibleOrganisationId, item.responsibleRole);
      const heads = item.escalationTarget
        ? holders(item.escalationTarget.organisationId, item.escalationTarget.role)
        : [];
      if (acting.length + heads.length === 0) withoutRecipient += 1;
      // A person who must act and is also the head hears of it once, as the one who must act.
      const seen = new Set<number>();
      for (const [list, escalation] of [
        [acting, false],
        [heads, true],
      ] as const) {
        for (const p of list) {
          if (!p.email) {
            noEmail.add(p.id);
            continue;
          }
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          candidates.push({
            itemKind: item.kind,
            batchId: item.subjectId,
            stage: item.stage,
            dueDate: item.dueDate,
            event: item.event,
            recipientUserId: p.id,
            escalation,
          });
        }
      }
    }

    // A run that lost its lease stops before writing; the events are written (or not) whole, in one transaction.
    signal?.throwIfAborted();
    const mailed = await this.withDeadlockRetry(() =>
      this.uow.run(async (manager) => {
        await this.repository.insertNew(manager, candidates, runId);
        const mine = await this.repository.eventsOfRun(manager, runId);
        // One digest line per item and way of hearing of it, shared by every recipient (a run may mail hundreds
        // of thousands of events).
        const lines = new Map<ReminderItem, { acting?: DigestItem; escalated?: DigestItem }>();
        const lineOf = (item: ReminderItem, escalation: boolean): DigestItem => {
          const cached = lines.get(item) ?? {};
          lines.set(item, cached);
          const key = escalation ? 'escalated' : 'acting';
          cached[key] ??= {
            kind: item.kind,
            batchId: item.batchId,
            institutionName: item.institutionName,
            recordCount: item.recordCount,
            stageLabel: escalation
              ? `${item.stageLabel}（督办：${item.responsibleOrganisation}${item.responsibleRoleLabel}）`
              : item.stageLabel,
            dueDate: item.dueDate,
            workingDaysLeft: item.workingDaysLeft,
            overdueWorkingDays: item.overdueWorkingDays,
            linkPath: item.linkPath,
            remainingText: item.remainingText,
          };
          return cached[key];
        };
        const perPerson = new Map<number, DigestItem[]>();
        for (const e of mine) {
          const item = itemByKey.get(itemKey(e.itemKind, e.batchId, e.stage, e.dueDate));
          if (!item) continue;
          let list = perPerson.get(e.recipientUserId);
          if (!list) perPerson.set(e.recipientUserId, (list = []));
          list.push(lineOf(item, e.escalation));
        }
        const mails = [...perPerson].map(([userId, digestItems]) => {
          const person = people.get(userId) as StaffRow;
          return buildDigest(
            { displayName: person.displayName, email: person.email as string },
            digestItems,
            this.config.app.publicUrl,
          );
        });
        await this.outbox.enqueue(
          manager,
          mails.map((m) => ({ recipient: m.to, subject: m.subject, text: m.text, html: m.html })),
        );
        return { events: mine.length, mails: mails.length };
      }),
    );
    return {
      items: items.length,
      events: mailed.events,
      alreadySent: candidates.length - mailed.events,
      mails: mailed.mails,
      skippedNoEmail: noEmail.size,
      withoutRecipient,
    };
  }

  /** Two servers inserting overlapping keys on MariaDB may deadlock; the loser's transaction is retried whole. */
  private async withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= DEADLOCK_RETRIES || !isDeadlock(error)) throw error;
        this.logger.warn({ attempt }, 'reminder events deadlocked; retrying');
      }
    }
  }
}
