import AttachFileIcon from '@mui/icons-material/AttachFile';
import type { ConsoleFeature } from '../common/feature';
import { AttachmentList } from './AttachmentList';

export { AttachmentInput, type AttachmentInputProps } from './AttachmentInput';

// 附件: scans that back correction and deletion requests, listed within jurisdiction; the forms use
// AttachmentInput to upload or pick them.
const attachments: ConsoleFeature = {
  resource: {
    name: 'attachments',
    list: AttachmentList,
    icon: AttachFileIcon,
    recordRepresentation: 'fileName',
    access: { list: 'attachments.read' },
  },
  menu: [
    {
      to: '/attachments',
      label: 'app.menu.attachments',
      icon: AttachFileIcon,
      section: 'work',
      permission: 'attachments.read',
    },
  ],
};
export default attachments;
