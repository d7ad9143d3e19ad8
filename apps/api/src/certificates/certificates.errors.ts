import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Editing certificate records. */
export const CERTIFICATE_ERRORS = defineErrors({
  CERTIFICATE_NOT_EDITABLE: { status: 422, message: '已进入审核或已发布的证书不能直接修改' },
  CERTIFICATE_INVALID: { status: 422, message: '修改未保存：证书数据有误' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof CERTIFICATE_ERRORS> {}
}
