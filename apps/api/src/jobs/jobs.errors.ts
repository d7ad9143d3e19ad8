import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Scheduled jobs run by hand (issue: jobs and their leases). */
export const JOB_ERRORS = defineErrors({
  JOB_RUNNING: { status: 409, message: '该任务正在运行（可能在另一台服务器上），请等本次运行结束后再试' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof JOB_ERRORS> {}
}
