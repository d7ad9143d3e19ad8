import { actionRefusal, hasPermission, type Role } from '@app/domain';
import type { BatchView } from '@app/contracts';

export interface BatchActionSet {
  /** 提交. */
  submit: boolean;
  /** 重新上传更正数据 for a returned batch. */
  reupload: boolean;
  /** Correcting single records of a draft or returned batch. */
  editRecords: boolean;
  /** 通过 / 退回 at the batch's current stage. */
  review: boolean;
  /** 受理豁免 from the 6-month cutoff (R-16, provincial centre), again when records past the cutoff are not covered. */
  exemption: boolean;
}

const awaitsInstitution = (status: BatchView['status']) => status === 'draft' || status === 'returned';

/**
 * Which workflow buttons to offer. The rules are libs/domain's (the API's own); the API still decides each
 * request, jurisdiction included.
 */
export function batchActions(batch: Pick<BatchView, 'status' | 'exemption'>, roles: readonly Role[]): BatchActionSet {
  const uploads = hasPermission(roles, 'batches.upload');
  return {
    submit: actionRefusal('submit', batch.status, roles) === null,
    reupload: batch.status === 'returned' && uploads,
    editRecords: awaitsInstitution(batch.status) && uploads,
    review: actionRefusal('approve', batch.status, roles) === null,
    // an exemption covers the records it was granted for; the province may grant anew for records it misses.
    exemption: awaitsInstitution(batch.status) && hasPermission(roles, 'batches.exemption'),
  };
}
