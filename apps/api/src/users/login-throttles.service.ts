import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { LoginThrottlesRepository } from './login-throttles.repository';

/** Rows idle this long are pruned, unless a lockout or address window is configured longer still. */
const PRUNE_AFTER_MS = 86_400_000;
/** Rows one statement deletes: short transactions, so logins counting meanwhile never wait long. */
const PRUNE_CHUNK = 1000;

export interface LoginThrottlePruneCounts {
  /** Per-username rows (failed logins and lockouts). */
  loginThrottles: number;
  /** Per-address rows (failed logins from one client address). */
  loginAddressThrottles: number;
}

/** Upkeep of the R-41 login throttle tables (the counting itself is in AuthService, at login). */
@Injectable()
export class LoginThrottlesService {
  constructor(
    private readonly throttles: LoginThrottlesRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Part of the nightly `rate-limit-prune` job. Every submitted username and every client address that ever failed
   * a login leaves a row, so the tables would grow without end (a password-spraying run alone adds thousands).
   * A row idle for longer than its window holds nothing the next attempt would not reset anyway, so deleting it
   * changes no answer; a row still locked survives whatever its age, so pruning never lifts a lockout.
   */
  async prune(signal?: AbortSignal): Promise<LoginThrottlePruneCounts> {
    const now = this.clock.now();
    const { lockoutMinutes, addressWindowMinutes } = this.config.auth;
    const idleMs = Math.max(PRUNE_AFTER_MS, lockoutMinutes * 60_000, addressWindowMinutes * 60_000);
    const idleBefore = new Date(now.getTime() - idleMs);
    const loginThrottles = await this.inChunks(signal, (manager) =>
      this.throttles.deleteIdle(manager, idleBefore, now, PRUNE_CHUNK),
    );
    const loginAddressThrottles = await this.inChunks(signal, (manager) =>
      this.throttles.deleteIdleAddresses(manager, idleBefore, PRUNE_CHUNK),
    );
    return { loginThrottles, loginAddressThrottles };
  }

  private async inChunks(
    signal: AbortSignal | undefined,
    chunk: (manager: EntityManager) => Promise<{ seen: number; deleted: number }>,
  ): Promise<number> {
    let deleted = 0;
    for (;;) {
      signal?.throwIfAborted();
      const step = await this.uow.run(chunk);
      deleted += step.deleted;
      if (step.seen < PRUNE_CHUNK) return deleted;
    }
  }
}
