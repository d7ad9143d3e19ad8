import InventoryIcon from '@mui/icons-material/Inventory2';
import { BatchList } from './BatchList';
import { BatchShow } from './BatchShow';
import { BatchUpload } from './BatchUpload';

// 批次管理: list, batch page with records and decision trail, and 上传批次 as the create page.
export default {
  list: BatchList,
  show: BatchShow,
  create: BatchUpload,
  icon: InventoryIcon,
  recordRepresentation: (batch: { id: number }) => `批次 #${batch.id}`,
};
