import { useRecordContext } from 'react-admin';
import { DEADLINE_ITEM_KIND_LABELS } from '@app/contracts';
import type { DeadlineItem } from '@app/contracts';

export const DeadlineKindField = () => {
  const item = useRecordContext<DeadlineItem>();
  return item ? <span>{DEADLINE_ITEM_KIND_LABELS[item.kind]}</span> : null;
};
