import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Readiness answers for the load balancer. */
export const HEALTH_ERRORS = defineErrors({
  DATABASE_UNAVAILABLE: { status: 503, message: '数据库不可用' },
  SERVICE_UNHEALTHY: { status: 503, message: '服务异常，无法处理请求' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof HEALTH_ERRORS> {}
}
