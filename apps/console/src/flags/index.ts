import FlagIcon from '@mui/icons-material/OutlinedFlag';
import type { ConsoleFeature } from '../common/feature';
import { FlagList } from './FlagList';
import { FlagShow } from './FlagShow';

// 疑似问题: the screening's flags for the centres; the national reviewer dismisses or suspends.
const flags: ConsoleFeature = {
  resource: {
    name: 'flags',
    list: FlagList,
    show: FlagShow,
    icon: FlagIcon,
    recordRepresentation: (flag: { id: number }) => `#${flag.id}`,
    access: { list: 'flags.read', show: 'flags.read' },
  },
  menu: [{ to: '/flags', label: 'app.menu.flags', icon: FlagIcon, section: 'work', permission: 'flags.read' }],
};
export default flags;
