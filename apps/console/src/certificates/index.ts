import BadgeIcon from '@mui/icons-material/Badge';
import type { ConsoleFeature } from '../common/feature';
import { CertificateShow } from './CertificateShow';

// 证书 page (`#/certificates/:id/show`): reached from a batch's records, a flag's evidence and a re-check; no list
// of its own (certificates are listed within their batch).
const certificates: ConsoleFeature = {
  resource: {
    name: 'certificates',
    show: CertificateShow,
    icon: BadgeIcon,
    recordRepresentation: (record: { certificateNumber: string }) => record.certificateNumber,
    access: { show: 'certificates.read' },
  },
};
export default certificates;
