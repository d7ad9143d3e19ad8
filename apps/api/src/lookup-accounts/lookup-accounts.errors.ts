import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** The public lookup's accounts, new mode, codes, quotas and batch query. */
export const LOOKUP_ACCOUNT_ERRORS = defineErrors({
  LOOKUP_REGISTRATION_INVALID: { status: 422, message: '注册信息不正确' },
  LOOKUP_ACCOUNT_EXISTS: { status: 409, message: '该证件号码（统一社会信用代码）或手机号码已注册，请直接登录' },
  LOOKUP_PERSONS_ONLY: { status: 403, message: '该功能仅向个人用户开放' },
  LOOKUP_CODE_INVALID: { status: 404, message: '授权码无效、已停止授权或已过期' },
  LOOKUP_CODE_ATTEMPTS_EXCEEDED: { status: 429, message: '授权码输入错误次数过多，请稍后再试' },
  LOOKUP_CODE_NO_CERTIFICATE: { status: 422, message: '您名下没有该类证书，无法生成授权码' },
  LOOKUP_LEGAL_ENTITIES_ONLY: { status: 403, message: '批量查询仅向法人用户开放' },
  LOOKUP_BATCH_TOO_MANY_ROWS: { status: 422, message: '批量查询的行数超过上限' },
  LOOKUP_BATCH_TEMPLATE: { status: 422, message: '请使用本网站下载的批量查询模板，勿修改表头' },
  LOOKUP_DAILY_QUOTA_EXCEEDED: { status: 429, message: '今日查询他人证书的次数已用完，请明日再试' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof LOOKUP_ACCOUNT_ERRORS> {}
}
