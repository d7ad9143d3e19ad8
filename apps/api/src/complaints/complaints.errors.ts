import { COMPLAINT_REFUSALS, type Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Complaints about data not online. */
export const COMPLAINT_ERRORS = defineErrors({
  COMPLAINT_NOT_AN_INSTITUTION: { status: 422, message: COMPLAINT_REFUSALS.COMPLAINT_NOT_AN_INSTITUTION },
  COMPLAINT_RECEIVED_IN_FUTURE: { status: 422, message: COMPLAINT_REFUSALS.COMPLAINT_RECEIVED_IN_FUTURE },
  COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION: {
    status: 422,
    message: COMPLAINT_REFUSALS.COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION,
  },
  COMPLAINT_BATCH_NOT_OF_INSTITUTION: { status: 422, message: COMPLAINT_REFUSALS.COMPLAINT_BATCH_NOT_OF_INSTITUTION },
  COMPLAINT_CERTIFICATE_NOT_IN_BATCH: { status: 422, message: COMPLAINT_REFUSALS.COMPLAINT_CERTIFICATE_NOT_IN_BATCH },
  COMPLAINT_PHONE_INVALID: { status: 422, message: '联系电话格式不正确，请填写手机号码或带区号的固定电话' },
  COMPLAINT_REPLY_NOT_ASSIGNED: { status: 403, message: COMPLAINT_REFUSALS.COMPLAINT_REPLY_NOT_ASSIGNED },
  COMPLAINT_WRONG_STATUS: { status: 409, message: '该投诉的状态已变化，不能执行此操作，请刷新后查看' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof COMPLAINT_ERRORS> {}
}
