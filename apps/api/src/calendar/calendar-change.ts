import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkingDayCalendar } from '@app/domain';
import type { Actor } from '../common/actor/actor';

/** A year's official calendar just changed, inside the transaction that changed it. */
export interface CalendarChange {
  manager: EntityManager;
  actor: Actor;
  year: number;
  reason: string;
  /** The calendar as it stands after the change, in this transaction. */
  calendar: WorkingDayCalendar;
}

/** A feature whose stored dates follow the calendar (e.g. batch due dates); answers how many it recomputed. */
export interface CalendarChangeListener {
  calendarChanged(change: CalendarChange): Promise<number>;
}

/**
 * Lets features above the calendar react to its changes in the same transaction without the calendar importing
 * them: a listener registers itself when its module starts.
 */
@Injectable()
export class CalendarChangeListeners {
  private readonly listeners: CalendarChangeListener[] = [];

  register(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async notify(change: CalendarChange): Promise<number> {
    let recomputed = 0;
    for (const listener of this.listeners) recomputed += await listener.calendarChanged(change);
    return recomputed;
  }
}
