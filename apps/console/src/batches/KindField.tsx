import { useRecordContext } from 'react-admin';
import { batchKindLabel } from './choices';
import type { BatchView } from '@app/contracts';

export const KindField = () => {
  const record = useRecordContext<Pick<BatchView, 'id' | 'kind'>>();
  return record ? <span>{batchKindLabel(record.kind)}</span> : null;
};
