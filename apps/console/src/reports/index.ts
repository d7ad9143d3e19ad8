import AssessmentIcon from '@mui/icons-material/Assessment';
import type { ConsoleFeature } from '../common/feature';
import { QualityReportPage } from './QualityReportPage';

// 质量通报 (R-39): the centres' quality report of their jurisdiction, on screen and as a printable workbook.
const reports: ConsoleFeature = {
  routes: [{ path: '/quality-report', component: QualityReportPage }],
  menu: [
    {
      to: '/quality-report',
      label: 'app.menu.quality_report',
      icon: AssessmentIcon,
      section: 'work',
      permission: 'reports.read',
    },
  ],
};
export default reports;
