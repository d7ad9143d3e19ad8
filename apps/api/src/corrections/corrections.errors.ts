import { DomainError, type Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Correction and deletion requests; the refusals of the rules themselves are declared in libs/domain. */
export const CORRECTION_ERRORS = defineErrors({
  CORRECTION_DIRECT_EDIT: {
    status: 422,
    message: '草稿或已退回批次中的证书数据请直接修改，无需提出申请',
  },
  CORRECTION_WORK_ORDER_REQUIRED: {
    status: 422,
    message: '证书数据在审核中，须填写运维管理变更申请表（附件4）的紧急程度、变更类型、模块和理由',
  },
  CORRECTION_CERTIFICATE_DELETED: { status: 422, message: '该证书已删除，不能再提出修改或删除申请' },
  CORRECTION_UNDER_RECHECK: {
    status: 409,
    message: '该证书已暂停查询、正由省级技能中心复核，复核确认后再按复核结论提出申请',
  },
  CORRECTION_ATTACHMENT_NOT_OWN: {
    status: 422,
    message: '所选附件须由本单位上传',
  },
  CORRECTION_OVERRIDE_NOT_NEEDED: {
    status: 422,
    message: '该证书尚可提出修改申请，无需登记再次修改',
  },
  CORRECTION_NOT_OPEN: { status: 409, message: '该申请已办结或已撤回，请刷新后查看' },
  CORRECTION_WRONG_STATE: { status: 409, message: '该申请当前不处于可执行此操作的状态，请刷新后查看' },
  CORRECTION_OWN_REQUEST: { status: 403, message: '不能审核本人提出的更正或删除申请，请由本单位其他审核人员办理' },
  CORRECTION_FROM_RECHECK: {
    status: 409,
    message: '该申请由复核确认开启，不能撤回，请补充修改内容和材料后提交',
  },
  RECHECK_CORRECTION_PENDING: {
    status: 409,
    message: '该证书已有未办结的更正或删除申请，请待其办结或撤回后再确认复核结论',
  },
  CORRECTION_CERTIFICATE_CHANGED: {
    status: 409,
    message: '证书数据在申请提出后已发生变化，该申请不能执行，请退回申请人重新核实',
  },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof CORRECTION_ERRORS> {}
}

/** A declared refusal with its declared sentence (the one place the words live). */
export function correctionError(code: keyof typeof CORRECTION_ERRORS): DomainError {
  return new DomainError(code, CORRECTION_ERRORS[code].message);
}
