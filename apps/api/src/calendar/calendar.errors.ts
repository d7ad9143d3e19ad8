import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** The working-day calendar's maintenance. */
export const CALENDAR_ERRORS = defineErrors({
  CALENDAR_YEAR_EXISTS: { status: 409, message: '该年的节假日通知已登记' },
  CALENDAR_DAY_EXISTS: { status: 409, message: '该日期已登记，请先删除' },
  CALENDAR_WORKDAY_NOT_WEEKEND: { status: 422, message: '该日期本是工作日，无需登记为调休上班日' },
  CALENDAR_YEAR_MISSING: { status: 422, message: '请先登记该年的国务院节假日安排通知，再维护该年的日期' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof CALENDAR_ERRORS> {}
}
