import { ListButton, TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import type { Role } from '@app/domain';
import { ApproveButton } from './review/ApproveButton';
import { batchActions } from './review/batchActions';
import { ExemptionButton } from './review/ExemptionButton';
import { PartialReturnButton } from './review/PartialReturnButton';
import { ReuploadButton } from './upload/ReuploadButton';
import { SubmitButton } from './review/SubmitButton';
import type { BatchView } from '@app/contracts';

/** The workflow steps this user may take on the batch in its current state. */
export const BatchShowActions = () => {
  const batch = useRecordContext<BatchView>();
  const { permissions } = usePermissions<Role[]>();
  const can = batch ? batchActions(batch, permissions ?? []) : null;
  return (
    <TopToolbar>
      {can?.exemption && <ExemptionButton />}
      {can?.reupload && <ReuploadButton />}
      {can?.submit && <SubmitButton />}
      {can?.review && <PartialReturnButton />}
      {can?.review && <ApproveButton />}
      <ListButton label="app.batches.back_to_list" />
    </TopToolbar>
  );
};
