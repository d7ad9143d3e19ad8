import { useRecordContext } from 'react-admin';
import { batchKindLabel } from './choices';
import type { Batch } from './types';

export const KindField = () => {
  const record = useRecordContext<Pick<Batch, 'id' | 'kind'>>();
  return record ? <span>{batchKindLabel(record.kind)}</span> : null;
};
