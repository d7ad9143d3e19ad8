import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** The public lookup's cutover schedule. */
export const QUERY_MODE_ERRORS = defineErrors({
  LOOKUP_MODE_DISABLED: { status: 403, message: '该查询方式当前未开放，请查看公告' },
  QUERY_MODE_GAP: {
    status: 422,
    message: '旧版查询的最后一天不能早于新版查询开始的前一天：否则会有新旧版都不能查询的日子',
  },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof QUERY_MODE_ERRORS> {}
}
