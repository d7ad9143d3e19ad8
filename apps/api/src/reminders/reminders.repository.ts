import { Injectable } from '@nestjs/common';
import { chunks } from '../database/chunks';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BatchStatus, InstitutionScopeEntry, OrganisationLevel, Role } from '@app/domain';
import { ReminderEvent } from './entities/reminder-event.entity';

/** An open batch with its institution, as the reminder items are built from it. */
export interface OpenBatchRow {
  id: number;
  status: BatchStatus;
  dueDate: string;
  orgPath: string;
  recordCount: number;
  institutionId: number;
  institutionName: string;
}

export interface OrganisationRow {
  id: number;
  name: string;
  level: OrganisationLevel;
  parentId: number | null;
}

/** An active institution with its registered scope, for the R-18 upload days. */
export interface InstitutionScopeRow {
  id: number;
  name: string;
  scope: InstitutionScopeEntry[];
}

export interface StaffRow {
  id: number;
  displayName: string;
  email: string | null;
  roles: Role[];
  organisationId: number;
}

export type NewReminderEvent = Pick<
  ReminderEvent,
  'itemKind' | 'batchId' | 'stage' | 'dueDate' | 'event' | 'recipientUserId' | 'escalation'
>;

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/** Every query of the reminders: set-based reads of open items and the people on them, and the event key. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The open batches due on or before `dueBy` (the due-soon window's end; everything overdue is before it), with
   * their institution, in one statement; `pathPrefix` narrows them to a subtree (a batch's responsible and
   * escalation organisations all lie on its path, so a person's items are inside their organisation's subtree).
   */
  async openBatchesDueBy(
    statuses: readonly BatchStatus[],
    dueBy: string,
    pathPrefix?: string,
  ): Promise<OpenBatchRow[]> {
    const params: unknown[] = [...statuses, dueBy];
    let where = `b.status IN (${placeholders(statuses.length)}) AND b.due_date IS NOT NULL AND b.due_date <= ?`;
    if (pathPrefix) {
      where += ' AND b.org_path LIKE ?';
      // Paths are digits and slashes ("/1/4/9/"), so no LIKE wildcard can occur in them.
      params.push(`${pathPrefix}%`);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT b.id AS id, b.status AS status, b.due_date AS due_date, b.org_path AS org_path,
              b.record_count AS record_count, b.institution_id AS institution_id, i.name AS institution_name
         FROM batches b JOIN organisations i ON i.id = b.institution_id
        WHERE ${where}
        ORDER BY b.due_date, b.id`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      status: r.status as BatchStatus,
      dueDate: String(r.due_date),
      orgPath: String(r.org_path),
      recordCount: Number(r.record_count),
      institutionId: Number(r.institution_id),
      institutionName: String(r.institution_name),
    }));
  }

  /**
   * The active institutions with a registered scope, in one statement (ceased ones issue no new certificates and
   * dissolved ones none at all, R-2); `pathPrefix` narrows them to a subtree. The scope is JSON, read here and
   * matched against the occupation catalogue by the caller.
   */
  async activeInstitutionsWithScope(pathPrefix?: string): Promise<InstitutionScopeRow[]> {
    const params: unknown[] = [];
    let where = "level = 'institution' AND status = 'active' AND scope IS NOT NULL";
    if (pathPrefix) {
      where += ' AND path LIKE ?';
      params.push(`${pathPrefix}%`);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, name, scope FROM organisations WHERE ${where} ORDER BY id`,
      params,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      name: String(r.name),
      scope: (typeof r.scope === 'string' ? JSON.parse(r.scope) : (r.scope ?? [])) as InstitutionScopeEntry[],
    }));
  }

  async organisations(ids: readonly number[]): Promise<Map<number, OrganisationRow>> {
    const out = new Map<number, OrganisationRow>();
    for (const part of chunks([...new Set(ids)])) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT id, name, level, parent_id FROM organisations WHERE id IN (${placeholders(part.length)})`,
        part,
      );
      for (const r of rows) {
        out.set(Number(r.id), {
          id: Number(r.id),
          name: String(r.name),
          level: r.level as OrganisationLevel,
          parentId: r.parent_id === null ? null : Number(r.parent_id),
        });
      }
    }
    return out;
  }

  /** The active (not disabled) staff of these organisations. */
  async activeStaffOf(organisationIds: readonly number[]): Promise<StaffRow[]> {
    const out: StaffRow[] = [];
    for (const part of chunks([...new Set(organisationIds)])) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT id, display_name, email, roles, organisation_id FROM users
          WHERE disabled = 0 AND organisation_id IN (${placeholders(part.length)})`,
        part,
      );
      for (const r of rows) {
        const email = typeof r.email === 'string' && r.email.trim() !== '' ? r.email.trim() : null;
        out.push({
          id: Number(r.id),
          displayName: String(r.display_name),
          email,
          roles: (typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles) as Role[],
          organisationId: Number(r.organisation_id),
        });
      }
    }
    return out;
  }

  /**
   * R-4: the accounts registered as the active data administrators of these centres (the data administrators'
   * table, read here so reminders need not import the feature above them).
   */
  async activeDataAdministrators(organisationIds: readonly number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (const part of chunks([...new Set(organisationIds)])) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT user_id FROM data_administrators WHERE active_organisation_id IN (${placeholders(part.length)})`,
        part,
      );
      for (const r of rows) out.add(Number(r.user_id));
    }
    return out;
  }

  /**
   * Inserts the events, skipping every key that exists already: MySQL/MariaDB `ON DUPLICATE KEY UPDATE id =
   * id`, SQLite `ON CONFLICT DO NOTHING` — both skip only a duplicate key, any other error still throws. A row
   * inserted here carries `runId`; a row another run inserted keeps its own, so `eventsOfRun` answers exactly the
   * events this run may mail. On MariaDB a concurrent run's insert of the same key waits for this transaction and
   * then skips it.
   */
  async insertNew(manager: EntityManager, events: readonly NewReminderEvent[], runId: number): Promise<void> {
    const mysql = manager.connection.options.type !== 'better-sqlite3';
    const conflict = mysql ? 'ON DUPLICATE KEY UPDATE id = id' : 'ON CONFLICT DO NOTHING';
    // Bigger statements than the reads' (8 values a row, 16,000 a statement: under SQLite's 32,766 and far under
    // MySQL's 65,535 placeholders and max_allowed_packet): a run may insert hundreds of thousands of rows.
    for (const part of chunks(events, 2000)) {
      const values = part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      const params = part.flatMap((e) => [
        e.itemKind,
        e.batchId,
        e.stage,
        e.dueDate,
        e.event,
        e.recipientUserId,
        e.escalation ? 1 : 0,
        runId,
      ]);
      await manager.query(
        `INSERT INTO reminder_events (item_kind, batch_id, stage, due_date, event, recipient_user_id, escalation, run_id)
         VALUES ${values} ${conflict}`,
        params,
      );
    }
  }

  /**
   * The events this run inserted, as plain rows (a run may insert hundreds of thousands: entity hydration would
   * cost more than the insert).
   */
  async eventsOfRun(manager: EntityManager, runId: number): Promise<NewReminderEvent[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT item_kind, batch_id, stage, due_date, event, recipient_user_id, escalation
         FROM reminder_events WHERE run_id = ? ORDER BY id`,
      [runId],
    );
    return rows.map((r) => ({
      itemKind: String(r.item_kind),
      batchId: Number(r.batch_id),
      stage: String(r.stage),
      dueDate: String(r.due_date),
      event: r.event as NewReminderEvent['event'],
      recipientUserId: Number(r.recipient_user_id),
      escalation: r.escalation === true || Number(r.escalation) === 1,
    }));
  }
}
