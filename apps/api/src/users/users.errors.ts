import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Account administration. */
export const USER_ERRORS = defineErrors({
  ROLE_LEVEL_MISMATCH: { status: 422, message: '角色与所属机构层级不符' },
  ROLE_CONFLICT: { status: 422, message: '所选角色不能由同一账号兼任' },
  /** raised by account creation and by changing one's own password (auth). */
  PASSWORD_POLICY: { status: 422, message: '密码不符合要求' },
  /** an administrator's reset of the second factor, asked for an account that has none. */
  USER_TOTP_NOT_ENABLED: { status: 409, message: '该用户未启用两步验证，无需重置' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof USER_ERRORS> {}
}
