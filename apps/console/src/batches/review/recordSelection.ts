import { useRecordSelection, type Identifier } from 'react-admin';

/** Where the batch page's records list keeps its selection, so the 退回 dialog can read it. */
export const recordsStoreKey = (batchId: Identifier) => `batches.${batchId}.records`;

/** The records ticked in a batch's records list (the candidates for a partial return, R-13). */
export function useSelectedRecords(batchId: Identifier) {
  const [selectedIds, { clearSelection }] = useRecordSelection({
    resource: 'certificates',
    storeKey: recordsStoreKey(batchId),
  });
  return { selectedIds, clearSelection };
}
