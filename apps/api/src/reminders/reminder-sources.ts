import { Injectable } from '@nestjs/common';
import type { WorkingDayCalendar } from '@app/domain';
import type { ReminderItem } from './reminders.service';

export interface ReminderSourceContext {
  calendar: WorkingDayCalendar;
  /** Today, a working day (reminders go out on working days only). */
  today: string;
}

/** Today's reminder items of a feature above reminders (e.g. the lookup's cutovers), with their event. */
export type ReminderSource = (context: ReminderSourceContext) => Promise<ReminderItem[]>;

/**
 * Features above reminders add their own reminder items here (R-35: re-checks, work orders, cutovers …) without
 * reminders importing them: each registers a source when its module starts, as calendar-change listeners do.
 */
@Injectable()
export class ReminderSources {
  private readonly sources: ReminderSource[] = [];

  register(source: ReminderSource): void {
    this.sources.push(source);
  }

  async items(context: ReminderSourceContext): Promise<ReminderItem[]> {
    const lists = await Promise.all(this.sources.map((source) => source(context)));
    return lists.flat();
  }
}
