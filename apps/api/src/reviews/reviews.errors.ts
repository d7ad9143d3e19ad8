import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Review decisions. */
export const REVIEW_ERRORS = defineErrors({
  RETURN_RECORDS_NOT_IN_BATCH: { status: 422, message: '所选记录不属于该批次或已不在审核中，请刷新后重试' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof REVIEW_ERRORS> {}
}
