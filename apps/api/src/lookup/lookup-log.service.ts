import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LookupDailyCount, LookupLogMode } from '@app/contracts';
import type { LookupKind } from '@app/domain';
import { Clock } from '../common/clock';
import type { LookupLog } from './entities/lookup-log.entity';
import { LookupLogRepository } from './lookup-log.repository';

export interface LookupLogEntry {
  accountId?: number;
  clientAddress: string;
  mode: LookupLogMode;
  kind: LookupKind;
  /** The names of the fields the query gave (e.g. `['certificateNumber', 'name']`), never their values. */
  fields: string[];
  found: number;
}

/** Field names the log accepts: a value typed by mistake where a name belongs must never reach the table. */
const FIELD_NAME = /^[a-zA-Z]{1,30}$/;

/**
 * Every public lookup query is logged — account or client address, mode, kind, which fields, how
 * many found — so the national centre sees volumes and abuse. Never the searched values in clear.
 */
@Injectable()
export class LookupLogService {
  constructor(
    private readonly logs: LookupLogRepository,
    private readonly clock: Clock,
  ) {}

  async record(entry: LookupLogEntry, manager?: EntityManager): Promise<void> {
    await this.logs.insert([this.row(entry)], manager);
  }

  /** Several queries' rows in one statement, in the caller's transaction. */
  async recordMany(entries: LookupLogEntry[], manager: EntityManager): Promise<void> {
    if (entries.length > 0) {
      await this.logs.insert(
        entries.map((e) => this.row(e)),
        manager,
      );
    }
  }

  private row(entry: LookupLogEntry): Omit<LookupLog, 'id'> {
    const fields = [...new Set(entry.fields)].filter((f) => FIELD_NAME.test(f)).sort();
    return {
      at: this.clock.now(),
      day: this.clock.today(),
      accountId: entry.accountId ?? null,
      clientAddress: entry.clientAddress.slice(0, 64),
      mode: entry.mode,
      kind: entry.kind,
      fields: fields.join(',').slice(0, 100),
      found: entry.found,
    };
  }

  dailyCounts(filter: { from: string; to: string; mode?: LookupLogMode }): Promise<LookupDailyCount[]> {
    return this.logs.dailyCounts(filter);
  }
}
