import OutboxIcon from '@mui/icons-material/Outbox';
import type { ConsoleFeature } from '../common/feature';
import { OutboxList } from './OutboxList';
import { OutboxShow } from './OutboxShow';

// 邮件发件箱: national_admin reads every mail as its recipient sees it and retries those given up.
const outbox: ConsoleFeature = {
  resource: {
    name: 'outbox',
    list: OutboxList,
    show: OutboxShow,
    icon: OutboxIcon,
    recordRepresentation: 'subject',
    access: { list: 'mail.outbox', show: 'mail.outbox' },
  },
  menu: [{ to: '/outbox', label: 'app.menu.outbox', icon: OutboxIcon, section: 'system', permission: 'mail.outbox' }],
};
export default outbox;
