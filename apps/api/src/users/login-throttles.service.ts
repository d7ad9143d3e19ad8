import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { pruneIdleRows } from '../database/prune';
import { UnitOfWork } from '../database/unit-of-work';
import { LoginThrottlesRepository } from './login-throttles.repository';

/** Rows idle this long are pruned, unless a lockout or address window is configured longer still. */
const PRUNE_AFTER_MS = 86_400_000;

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
    const loginThrottles = await pruneIdleRows(this.uow, this.throttles.idleRows(idleBefore, now), { signal });
    const loginAddressThrottles = await pruneIdleRows(this.uow, this.throttles.idleAddressRows(idleBefore), { signal });
    return { loginThrottles, loginAddressThrottles };
  }
}
