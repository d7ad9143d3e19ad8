import type { InstitutionScopeEntry } from '../certificates/record';
import type { OccupationCatalogue } from '../certificates/occupations';
import { addMonthsToParts, epochDay, IsoDate, parseIsoDate } from '../calendar/iso-date';
import { qualificationUploadDatesOfMonth, type QualificationUploadSlot } from '../calendar/qualification-upload';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';

/** the reminder item kind of a 2013 twice-monthly upload day of an institution issuing qualification data. */
export const QUALIFICATION_UPLOAD_DAY_KIND = 'qualification_upload_day';

/** The stage an upload-day item is keyed and shown under (it belongs to no batch). */
export const QUALIFICATION_UPLOAD_DAY_STAGE = 'upload_day';

/**
 * the upload days (the 15th and the 30th — a month's last day when it has no 30th — each moved to the next
 * working day) whose moved date lies in [from, to], in date order. Starts a month early: a day moved forward over
 * a long holiday (30 September → after National Day) lands in the next month.
 */
export function qualificationUploadDaysBetween(
  calendar: WorkingDayCalendar,
  from: IsoDate,
  to: IsoDate,
): QualificationUploadSlot[] {
  const first = addMonthsToParts({ ...parseIsoDate(from), day: 1 }, -1);
  const last = parseIsoDate(to);
  const out: QualificationUploadSlot[] = [];
  for (let p = first; p.year * 12 + p.month <= last.year * 12 + last.month; p = addMonthsToParts(p, 1)) {
    for (const slot of qualificationUploadDatesOfMonth(calendar, p.year, p.month)) {
      if (epochDay(slot.due) >= epochDay(from) && epochDay(slot.due) <= epochDay(to)) out.push(slot);
    }
  }
  return out.sort((a, b) => epochDay(a.due) - epochDay(b.due));
}

/**
 * whether an institution issues qualification certificates (职业资格证书) with data in the window: an
 * entry of its registered scope valid during the window names an occupation of the national qualification
 * catalogue in force at the window's end (fully or in part). Before the first catalogue there was none to check
 * against, so any registered occupation counts.
 */
export function issuesQualificationData(
  scope: readonly InstitutionScopeEntry[] | null | undefined,
  catalogue: OccupationCatalogue,
  window: { issueFrom: IsoDate; issueTo: IsoDate },
): boolean {
  const inForce = catalogue.qualificationCatalogueOn(window.issueTo);
  return (scope ?? []).some((entry) => {
    if (entry.validFrom > window.issueTo || (entry.validTo !== null && entry.validTo < window.issueFrom)) return false;
    if (!inForce) return true;
    const occupation = catalogue.byCode(entry.occupationCode);
    return occupation !== undefined && catalogue.membership(occupation, inForce.id) !== 'no';
  });
}
