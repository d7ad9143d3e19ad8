import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Deciding screening flags. */
export const SCREENING_ERRORS = defineErrors({
  FLAG_ALREADY_DECIDED: { status: 409, message: '该疑似问题已处理，请刷新后查看' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof SCREENING_ERRORS> {}
}
