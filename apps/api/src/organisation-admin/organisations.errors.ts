import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** The organisation tree and its registration data. */
export const ORGANISATION_ERRORS = defineErrors({
  ORGANISATION_PARENT_LEVEL: { status: 422, message: '上级机构的层级不正确' },
  ORGANISATION_REGION_MISMATCH: { status: 422, message: '行政区划代码与上下级机构的区划不符' },
  INVALID_CREDIT_CODE: { status: 422, message: '统一社会信用代码无效' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof ORGANISATION_ERRORS> {}
}
