import FeedbackIcon from '@mui/icons-material/FeedbackOutlined';
import type { ConsoleFeature } from '../common/feature';
import { ComplaintCreate } from './ComplaintCreate';
import { ComplaintList } from './ComplaintList';
import { ComplaintShow } from './ComplaintShow';

// 投诉处理: complaints that certificate data is not online — recorded by the centres, answered by the
// institutions, closed or sent back by the centres.
const complaints: ConsoleFeature = {
  resource: {
    name: 'complaints',
    list: ComplaintList,
    show: ComplaintShow,
    create: ComplaintCreate,
    icon: FeedbackIcon,
    recordRepresentation: (complaint: { id: number }) => `#${complaint.id}`,
    access: { list: 'complaints.read', show: 'complaints.read', create: 'complaints.write' },
  },
  menu: [
    {
      to: '/complaints',
      label: 'app.menu.complaints',
      icon: FeedbackIcon,
      section: 'work',
      permission: 'complaints.read',
    },
  ],
};
export default complaints;
