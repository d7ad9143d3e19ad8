import type { Declares } from '@app/domain';
import { defineErrors } from '../common/errors/error-spec';

/** Attachments. */
export const ATTACHMENT_ERRORS = defineErrors({
  ATTACHMENT_NO_FILE: { status: 400, message: '请选择要上传的附件（PDF、JPEG 或 PNG 文件）' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 422,
    message: '附件只能是 PDF、JPEG 或 PNG 文件（按文件内容识别，与文件名无关）',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, message: '附件过大，超过系统允许的上限' },
});

declare module '@app/domain' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface ErrorCodes extends Declares<typeof ATTACHMENT_ERRORS> {}
}
