import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const BEIJING = 'Asia/Shanghai';

/**
 * The one source of "now" and "today". `today()` is the Beijing calendar day (R-15: deadlines are whole
 * Beijing days); APP_TODAY fixes it for demos and tests (refused in production by config validation).
 */
@Injectable()
export class Clock {
  private readonly fixedToday?: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.fixedToday = config.appToday;
  }

  now(): Date {
    return new Date();
  }

  today(): string {
    return this.fixedToday ?? beijingDate(this.now());
  }
}

/**
 * A clock that stands still until told to move: medium and end-to-end tests fix "now" (and with it "today"),
 * then advance it to cross an idle timeout, a lockout or a lease expiry without waiting.
 */
export class FixedClock extends Clock {
  private instantMs: number;

  constructor(instant: string | Date) {
    super({ appToday: undefined } as AppConfig);
    this.instantMs = new Date(instant).getTime();
    if (Number.isNaN(this.instantMs)) throw new RangeError(`FixedClock: not an instant: ${String(instant)}`);
  }

  override now(): Date {
    return new Date(this.instantMs);
  }

  override today(): string {
    return beijingDate(this.now());
  }

  set(instant: string | Date): void {
    this.instantMs = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.instantMs += ms;
  }
}

export function beijingDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: BEIJING,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
