import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Login, sessions, passwords and the second factor. */
export const AUTH_ERRORS = defineErrors({
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  AUTH_SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  AUTH_TOTP_REQUIRED: { status: 401, message: '请输入两步验证动态码' },
  AUTH_TOTP_INVALID: { status: 401, message: '动态码错误、已过期或已使用过' },
  AUTH_WRONG_PASSWORD: { status: 400, message: '当前密码不正确' },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: '您正在使用临时密码，请先在“账号安全”中修改密码后再进行其他操作',
  },
  AUTH_ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，账号已锁定，请稍后再试或联系管理员解锁' },
  AUTH_TOO_MANY_FAILURES_FROM_ADDRESS: { status: 429, message: '该网络地址登录失败次数过多，请稍后再试' },
  TOTP_ALREADY_ENABLED: { status: 422, message: '两步验证已启用，如需更换请先停用' },
  TOTP_NOT_SET_UP: { status: 422, message: '请先生成两步验证二维码' },
  TOTP_NOT_ENABLED: { status: 422, message: '两步验证未启用' },
  TOTP_CODE_INVALID: { status: 422, message: '动态码错误、已过期或已使用过' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof AUTH_ERRORS> {}
}
