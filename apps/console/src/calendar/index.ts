// 工作日历 and 期限计算器: custom routes /calendar and /deadline-calculator (see README.md).
export { CalendarPage } from './CalendarPage';
export { DeadlineCalculatorPage } from './DeadlineCalculatorPage';
