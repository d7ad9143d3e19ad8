import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** The mail outbox. */
export const MAIL_ERRORS = defineErrors({
  MAIL_NOT_DEAD: { status: 422, message: '只有已放弃发送的邮件才能重新发送' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof MAIL_ERRORS> {}
}
