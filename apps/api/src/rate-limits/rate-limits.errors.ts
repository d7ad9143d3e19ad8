import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Per-user limits on personal-data access. */
export const RATE_LIMIT_ERRORS = defineErrors({
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof RATE_LIMIT_ERRORS> {}
}
