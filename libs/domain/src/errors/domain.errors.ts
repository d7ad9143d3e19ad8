import type { Declares } from './domain-error';

/**
 * The codes the domain's rules raise (or return as refusals), with the default Chinese sentence. The domain knows
 * no HTTP: the API gives each its status (apps/api/src/common/errors/domain-status.errors.ts).
 */
export const DOMAIN_ERRORS = {
  CALENDAR_INVALID_DATE: '日期格式无效（应为 YYYY-MM-DD 格式的真实日期）',
  CALENDAR_INVALID_AMOUNT: '期间数量必须是 0 至 1000000 之间的整数',
  CALENDAR_INVALID_DATA: '节假日安排数据无效',
  DEADLINE_UNKNOWN_RULE: '未知的期限规则',
  DEADLINE_UNKNOWN_PROFILE: '未知的期限配置',
  DEADLINE_INVALID_TIMESTAMP: '时间格式无效（应为带时区的 ISO 8601 时间）',
  OCCUPATION_CATALOGUE_INVALID: '职业目录配置无效',
  INSTITUTION_DISSOLVED: '该评价机构已主体灭失，其证书数据由上级技能中心维护',
  BATCH_PROXY_REASON_REQUIRED: '技能中心代评价机构上传证书数据时，须填写代为上传的原因',
  BATCH_SEPARATION_OF_DUTIES: '您上传、修改或提交过该批次的数据，不能审批该批次（上报与审核职责分离）',
  CORRECTION_PENDING: '该证书已有一项正在处理的修改或删除申请，请待其办结后再提出',
  CORRECTION_ALREADY_USED: '该证书已修改过一次，原则上不再受理修改申请（须省级技能中心登记理由后方可再次修改）',
  CORRECTION_NAME_AND_ID: '姓名和证件号码在证书有效期内只能修改其一',
  CORRECTION_STATEMENT_REQUIRED: '修改已发布的证书数据，须上传《数据勘误说明》（附件5-1）',
  DELETION_COMMITMENT_REQUIRED: '删除证书数据，须上传《证书持有人承诺书》（附件5-2）',
  CORRECTION_INVALID: '修改后的证书数据不符合校验规则',
  REPORT_PERIOD_INVALID: '统计期间无效（YYYY-MM-DD，开始日期不晚于结束日期）',
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

declare module './domain-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof DOMAIN_ERRORS> {}
}
