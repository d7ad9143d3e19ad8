import type { Declares } from '@app/domain';
import { defineErrors } from './error-spec';

/** Errors of the HTTP layer itself and the shared helpers (app-errors.ts, validation, list queries). */
export const COMMON_ERRORS = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '请求参数不正确' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是合法的 JSON' },
  UNKNOWN_FIELD: { status: 400, message: '请求中有不支持的字段' },
  BAD_QUERY: { status: 400, message: '查询条件不正确' },
  FORBIDDEN: { status: 403, message: '您的角色无权执行此操作' },
  ROUTE_NOT_IN_AREA: { status: 403, message: '该接口未开放访问' },
  NOT_FOUND: { status: 404, message: '记录不存在或不在您的管辖范围内' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  STALE_VERSION: { status: 409, message: '该记录已被他人修改，请刷新后重试' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  INTERNAL_ERROR: { status: 500, message: '系统内部错误，请稍后再试或联系运维人员' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof COMMON_ERRORS> {}
}
