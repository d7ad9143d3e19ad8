import { useRecordContext } from 'react-admin';
import { useSelectedRecords } from './recordSelection';
import { ReturnButton } from './ReturnButton';
import type { BatchView } from '@app/contracts';

/** The batch page's 退回: the records ticked in its records list can be returned on their own. */
export const PartialReturnButton = () => {
  const batch = useRecordContext<BatchView>();
  const { selectedIds, clearSelection } = useSelectedRecords(batch?.id ?? 0);
  return <ReturnButton selectedIds={selectedIds.map(Number)} onReturned={() => clearSelection()} />;
};
