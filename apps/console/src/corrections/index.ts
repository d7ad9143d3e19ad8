import EditNoteIcon from '@mui/icons-material/EditNote';
import RuleIcon from '@mui/icons-material/Rule';
import type { ConsoleFeature } from '../common/feature';
import { CorrectionCreate } from './CorrectionCreate';
import { CorrectionList } from './CorrectionList';
import { CorrectionQueuePage } from './CorrectionQueuePage';
import { CorrectionShow } from './CorrectionShow';

export { CertificateRequestButtons } from './CertificateRequestButtons';
export { CertificateVersions } from './CertificateVersions';

// 更正申请 and 更正审核: correction and deletion requests — work orders for data in review, errata and
// logical deletions for published data — asked from the certificate page and decided stage by stage.
const corrections: ConsoleFeature = {
  resource: {
    name: 'corrections',
    list: CorrectionList,
    show: CorrectionShow,
    create: CorrectionCreate,
    icon: EditNoteIcon,
    recordRepresentation: (correction: { id: number; certificateNumber: string }) =>
      `#${correction.id} ${correction.certificateNumber}`,
    access: { list: 'corrections.read', show: 'corrections.read', create: 'corrections.request' },
  },
  routes: [{ path: '/correction-queue', component: CorrectionQueuePage }],
  menu: [
    {
      to: '/correction-queue',
      label: 'app.menu.correction_queue',
      icon: RuleIcon,
      section: 'work',
      permission: 'corrections.review',
    },
    {
      to: '/corrections',
      label: 'app.menu.corrections',
      icon: EditNoteIcon,
      section: 'work',
      permission: 'corrections.read',
    },
  ],
};
export default corrections;
