import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { anchorMac } from './audit-chain';
import { AuditRepository } from './audit.repository';
import { AuditService, ChainVerification } from './audit.service';
import { AuditAnchor } from './entities/audit-log.entity';

/** How many of the newest anchors a verification checks; older ones are covered by the hash links. */
const ANCHORS_CHECKED = 50;

export interface AnchoredVerification extends ChainVerification {
  /** The newest anchored chain position, to compare with the anchors in the application log. */
  anchoredSeq?: number;
}

/**
 * R-38 against someone with database access: the chain head is anchored with a keyed MAC at start-up and every
 * `audit.anchorIntervalMinutes` — stored in `audit_anchors` and written to the application log, which lives
 * outside the database. A chain rewritten and recomputed, or cut at the tail, no longer matches its anchors.
 */
@Injectable()
export class AuditAnchorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditAnchor');
  private readonly key: Buffer;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: AuditRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = Buffer.from(config.crypto.auditAnchorKey, 'base64');
  }

  onApplicationBootstrap(): void {
    void this.anchorLogged();
    // unref: the timer never keeps a process (a test, a CLI) alive; cleared on shutdown as well.
    this.timer = setInterval(() => void this.anchorLogged(), this.config.audit.anchorIntervalMinutes * 60_000).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * Anchors the current chain head: always written to the log; stored when the head moved since the last
   * anchor. Several instances may anchor at once; the unique chain position keeps one row per head.
   */
  async anchor(): Promise<AuditAnchor | null> {
    const head = await this.repository.findHead();
    if (!head || head.seq === 0) return null;
    const at = this.clock.now();
    const anchor = { seq: head.seq, hash: head.lastHash, mac: anchorMac(this.key, head.seq, head.lastHash, at), at };
    this.logger.log({ auditAnchor: { ...anchor, at: at.toISOString() } }, `审计日志链锚点：第 ${anchor.seq} 条`);
    const newest = await this.repository.newestAnchor();
    if (newest && newest.seq >= head.seq) return newest;
    try {
      await this.repository.insertAnchor(anchor);
    } catch (error) {
      const stored = await this.repository.findAnchorBySeq(head.seq);
      if (!stored) throw error;
      return stored;
    }
    return this.repository.findAnchorBySeq(head.seq);
  }

  /** The chain's own links (AuditService.verify), then the newest anchors: their MACs and their positions. */
  async verify(): Promise<AnchoredVerification> {
    const chain = await this.audit.verify();
    if (!chain.ok) return chain;
    const anchors = await this.repository.newestAnchors(ANCHORS_CHECKED);
    for (const anchor of anchors) {
      const expected = Buffer.from(anchorMac(this.key, anchor.seq, anchor.hash, anchor.at), 'hex');
      const stored = Buffer.from(anchor.mac, 'hex');
      if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
        return {
          ok: false,
          checked: chain.checked,
          firstBrokenSeq: anchor.seq,
          reason: `第 ${anchor.seq} 条的锚点校验码不符（锚点被改动，或锚点密钥与写入时不同）`,
        };
      }
      const row = await this.repository.findBySeq(anchor.seq);
      if (!row) {
        return {
          ok: false,
          checked: chain.checked,
          firstBrokenSeq: anchor.seq,
          reason: `已锚定的第 ${anchor.seq} 条记录已不存在（日志链末尾被截断）`,
        };
      }
      if (row.hash !== anchor.hash) {
        return {
          ok: false,
          checked: chain.checked,
          firstBrokenId: row.id,
          firstBrokenSeq: anchor.seq,
          reason: `第 ${anchor.seq} 条记录与其锚点不一致（日志链被改写后重新计算了哈希）`,
        };
      }
    }
    return { ...chain, ...(anchors[0] ? { anchoredSeq: anchors[0].seq } : {}) };
  }

  private async anchorLogged(): Promise<void> {
    try {
      await this.anchor();
    } catch (error) {
      this.logger.error({ err: error }, '审计日志链锚定失败');
    }
  }
}
