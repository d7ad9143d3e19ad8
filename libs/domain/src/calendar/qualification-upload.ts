import { DomainError } from '../errors';
import { CALENDAR_INVALID_DATE, IsoDate, addMonthsToParts, daysInMonth, parseIsoDate, toIsoDate } from './iso-date';
import { SkippedEntry } from './period';
import { WorkingDayCalendar } from './working-day-calendar';

export const QUALIFICATION_UPLOAD_BASIS =
  '人社鉴发〔2013〕2号 第十二条：证书数据每半个月上传一次，每月15日上传上月25日至本月10日的数据；每月30日上传本月11日至本月24日的数据，如遇休息日或法定假日顺延';

/** One of the two monthly upload days for qualification data. */
export interface QualificationUploadSlot {
  /** Issue dates this upload covers, inclusive. */
  issueFrom: IsoDate;
  issueTo: IsoDate;
  /** The 15th or the 30th (the month's last day when it has no 30th — February). */
  nominalDate: IsoDate;
  /** nominalDate moved to the next working day when it is a rest day. */
  due: IsoDate;
  provisional: boolean;
  skipped: SkippedEntry[];
  basis: string;
  explanation: string;
}

function slot(
  calendar: WorkingDayCalendar,
  year: number,
  month: number,
  which: 15 | 30,
  lead: string,
): QualificationUploadSlot {
  const last = daysInMonth(year, month);
  let issueFrom: IsoDate;
  let issueTo: IsoDate;
  let nominalDay: number;
  let text = lead;
  if (which === 15) {
    const prev = addMonthsToParts({ year, month, day: 1 }, -1);
    issueFrom = toIsoDate({ ...prev, day: 25 });
    issueTo = toIsoDate({ year, month, day: 10 });
    nominalDay = 15;
    text += `应于 ${year} 年 ${month} 月 15 日上传（覆盖发证日期 ${issueFrom} 至 ${issueTo}）`;
  } else {
    issueFrom = toIsoDate({ year, month, day: 11 });
    issueTo = toIsoDate({ year, month, day: 24 });
    // R-18 decision (docs/decisions.md): a month without a 30th (February) uploads on its last day.
    nominalDay = Math.min(30, last);
    text +=
      nominalDay === 30
        ? `应于 ${year} 年 ${month} 月 30 日上传（覆盖发证日期 ${issueFrom} 至 ${issueTo}）`
        : `应于每月 30 日上传（覆盖发证日期 ${issueFrom} 至 ${issueTo}）；${month} 月没有 30 日，以该月最后一日 ${month} 月 ${nominalDay} 日为上传日`;
  }
  const nominalDate = toIsoDate({ year, month, day: nominalDay });
  const rolled = calendar.rollToWorkingDay(nominalDate);
  if (rolled.text !== '') {
    text += `；${rolled.text}`;
  }
  text += `；上传日 ${rolled.due}。`;
  if (rolled.provisional) {
    text += `注意：${rolled.uncoveredYears.join('、')} 年节假日安排尚未发布，仅按周末休息计算，结果为暂定。`;
  }
  return {
    issueFrom,
    issueTo,
    nominalDate,
    due: rolled.due,
    provisional: rolled.provisional,
    skipped: rolled.skipped,
    basis: QUALIFICATION_UPLOAD_BASIS,
    explanation: text,
  };
}

/** the upload day for qualification data issued on `issueDate`. */
export function qualificationUploadDue(calendar: WorkingDayCalendar, issueDate: IsoDate): QualificationUploadSlot {
  const d = parseIsoDate(issueDate);
  const lead = `职业资格证书数据每半个月上传一次（人社鉴发〔2013〕2号 第十二条）：发证日期 ${issueDate} `;
  if (d.day >= 25) {
    const next = addMonthsToParts({ ...d, day: 1 }, 1);
    return slot(calendar, next.year, next.month, 15, `${lead}在 ${d.month} 月 25 日之后，`);
  }
  if (d.day <= 10) {
    return slot(calendar, d.year, d.month, 15, `${lead}在当月 10 日之前（含），`);
  }
  return slot(calendar, d.year, d.month, 30, `${lead}在当月 11 日至 24 日之间，`);
}

/** both upload days of a month (for reminders and the console), in date order. */
export function qualificationUploadDatesOfMonth(
  calendar: WorkingDayCalendar,
  year: number,
  month: number,
): [QualificationUploadSlot, QualificationUploadSlot] {
  if (!Number.isInteger(year) || year < 2 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainError(CALENDAR_INVALID_DATE, `年月无效：${String(year)} 年 ${String(month)} 月`, { year, month });
  }
  const lead = '职业资格证书数据每半个月上传一次（人社鉴发〔2013〕2号 第十二条）：';
  return [slot(calendar, year, month, 15, lead), slot(calendar, year, month, 30, lead)];
}
