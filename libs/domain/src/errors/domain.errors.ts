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
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

declare module './domain-error' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof DOMAIN_ERRORS> {}
}
