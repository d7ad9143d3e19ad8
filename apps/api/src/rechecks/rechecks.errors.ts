import { SUSPENSION_REFUSALS, type Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Suspension from lookup and the provincial re-check. */
export const RECHECK_ERRORS = defineErrors({
  CERTIFICATE_NOT_PUBLISHED: { status: 422, message: SUSPENSION_REFUSALS.CERTIFICATE_NOT_PUBLISHED },
  CERTIFICATE_ALREADY_SUSPENDED: { status: 422, message: SUSPENSION_REFUSALS.CERTIFICATE_ALREADY_SUSPENDED },
  CERTIFICATE_LOOKUP_DELETED: { status: 422, message: SUSPENSION_REFUSALS.CERTIFICATE_LOOKUP_DELETED },
  CERTIFICATE_NOT_IN_FLAG: { status: 422, message: '该证书不在所选疑似问题涉及的证书中' },
  FLAG_NOTHING_TO_SUSPEND: { status: 422, message: '该疑似问题涉及的证书均无法暂停查询' },
  RECHECK_ALREADY_DECIDED: { status: 409, message: '该复核任务已处理，请刷新后查看' },
  RECHECK_CERTIFICATE_NOT_SUSPENDED: { status: 409, message: '证书已不在暂停查询状态，请刷新后查看' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof RECHECK_ERRORS> {}
}
