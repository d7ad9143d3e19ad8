import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AuditSubject } from '../common/actor/actor';
import { AuditOutcome } from './entities/audit-log.entity';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { AuditRepository } from './audit.repository';
import type { ChainVerification } from '@app/contracts';

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  outcome?: AuditOutcome;
  detail?: string | null;
}

export type { ChainVerification } from '@app/contracts';

const VERIFY_PAGE = 2000;

/**
 * The one audit trail. `record` runs inside the caller's transaction, so a write and its audit
 * record commit together or not at all.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly repository: AuditRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, subject: AuditSubject, entry: AuditEntry): Promise<void> {
    await this.append(manager, subject, entry, this.clock.now());
  }

  /**
   * Demo data only: writes the record a past action would have written, at its time, so a demo database has the
   * trail of the history it shows (chained like any record; the chain orders by position, not by time).
   */
  async recordPast(manager: EntityManager, subject: AuditSubject, entry: AuditEntry, at: Date): Promise<void> {
    await this.append(manager, subject, entry, at);
  }

  private async append(manager: EntityManager, subject: AuditSubject, entry: AuditEntry, at: Date): Promise<void> {
    // Taking the next position locks the head row, so concurrent writers queue and the chain cannot fork.
    const head = await this.repository.advanceHead(manager);
    const fields = {
      seq: head.seq,
      at,
      userId: subject.userId,
      username: subject.username,
      organisationId: subject.organisationId,
      role: subject.roles.join(','),
      action: entry.action,
      targetType: entry.targetType ?? '',
      targetId: entry.targetId == null ? '' : String(entry.targetId),
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
      ip: subject.ip,
      outcome: entry.outcome ?? 'success',
      detail: entry.detail ?? null,
    };
    const hash = chainHash(head.lastHash, fields);
    await this.repository.append(manager, { ...fields, prevHash: head.lastHash, hash });
  }

  /** Records outside any business transaction (failed attempts, views). Never throws into the caller. */
  async recordStandalone(subject: AuditSubject, entry: AuditEntry): Promise<void> {
    try {
      await this.uow.run((manager) => this.record(manager, subject, entry));
    } catch (error) {
      this.logger.error({ err: error, action: entry.action }, 'audit record failed');
      throw error;
    }
  }

  /** Walks the chain in order and names the first record whose hash or link does not hold. */
  async verify(): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const page = await this.repository.chainPage(expectedSeq, VERIFY_PAGE);
      if (page.length === 0) break;
      for (const row of page) {
        const broken = (reason: string): ChainVerification => ({
          ok: false,
          checked,
          firstBrokenId: row.id,
          firstBrokenSeq: row.seq,
          reason,
        });
        if (row.seq !== expectedSeq) return broken(`第 ${expectedSeq} 条记录缺失（可能被删除）`);
        if (row.prevHash !== prevHash) return broken('与前一条记录的哈希链接不一致');
        if (chainHash(prevHash, row) !== row.hash) return broken('记录内容与其哈希不一致（可能被篡改）');
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
    }
    const head = await this.repository.findHead();
    if (head && (head.seq !== checked || head.lastHash !== prevHash)) {
      return { ok: false, checked, reason: '日志链末尾记录缺失（链头与最后一条记录不一致）' };
    }
    return { ok: true, checked };
  }
}
