import InventoryIcon from '@mui/icons-material/Inventory2';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ConsoleFeature } from '../common/feature';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';
import { BatchUpload } from './upload/BatchUpload';

// 批次管理: list, batch page with records and decision trail, and 上传批次 as the create page.
const batches: ConsoleFeature = {
  resource: {
    name: 'batches',
    list: BatchList,
    show: BatchShow,
    create: BatchUpload,
    icon: InventoryIcon,
    recordRepresentation: (batch: { id: number }) => `批次 #${batch.id}`,
    // 上传批次 is the batches create page.
    access: { list: 'batches.read', show: 'batches.read', create: 'batches.upload' },
  },
  menu: [
    { to: '/batches', label: 'app.menu.batches', icon: InventoryIcon, section: 'work', permission: 'batches.read' },
    {
      to: '/batches/create',
      label: 'app.menu.upload',
      icon: UploadFileIcon,
      section: 'work',
      permission: 'batches.upload',
    },
  ],
};
export default batches;
