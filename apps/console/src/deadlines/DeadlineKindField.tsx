import { useRecordContext } from 'react-admin';
import { DEADLINE_KIND_LABELS, type DeadlineItem } from './choices';

export const DeadlineKindField = () => {
  const item = useRecordContext<DeadlineItem>();
  return item ? <span>{DEADLINE_KIND_LABELS[item.kind]}</span> : null;
};
