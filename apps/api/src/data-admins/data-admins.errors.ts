import { DATA_ADMIN_REFUSAL_MESSAGES, type Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Municipal data administrators (R-4, 附件2). */
export const DATA_ADMIN_ERRORS = defineErrors({
  DATA_ADMIN_INVALID: { status: 422, message: '数据管理员信息表填写不正确' },
  DATA_ADMIN_USER_NOT_ELIGIBLE: {
    status: 422,
    message: '数据管理员须为市技能中心在用的“证书数据管理员”账号',
  },
  DATA_ADMIN_ALREADY_PENDING: { status: 409, message: '该账号已有一份待负责人审批的数据管理员登记' },
  DATA_ADMIN_NOT_PENDING: { status: 409, message: DATA_ADMIN_REFUSAL_MESSAGES.not_pending },
  DATA_ADMIN_NOT_HEAD: { status: 403, message: DATA_ADMIN_REFUSAL_MESSAGES.not_head },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof DATA_ADMIN_ERRORS> {}
}
