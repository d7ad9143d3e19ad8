import CalculateIcon from '@mui/icons-material/Calculate';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import type { ConsoleFeature } from '../common/feature';
import { CalendarPage } from './CalendarPage';
import { DeadlineCalculatorPage } from './DeadlineCalculatorPage';

// 期限计算器 and 工作日历: every role with calendar.read (all staff roles except auditor) sees both
// pages; only national_admin (calendar.write) gets 登记年度通知, 添加日期 and 删除.
const calendar: ConsoleFeature = {
  routes: [
    { path: '/calendar', component: CalendarPage },
    { path: '/deadline-calculator', component: DeadlineCalculatorPage },
  ],
  menu: [
    {
      to: '/deadline-calculator',
      label: 'app.menu.deadline_calculator',
      icon: CalculateIcon,
      section: 'work',
      permission: 'calendar.read',
    },
    {
      to: '/calendar',
      label: 'app.menu.calendar',
      icon: CalendarMonthIcon,
      section: 'work',
      permission: 'calendar.read',
    },
  ],
};
export default calendar;
