import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** The anonymous old-mode lookup. */
export const LOOKUP_ERRORS = defineErrors({
  LOOKUP_FIELDS_RULE: { status: 400, message: '查询条件不符合查询规则' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof LOOKUP_ERRORS> {}
}
