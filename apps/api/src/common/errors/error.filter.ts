import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@app/domain';
import { Actor, AuditSubject, subjectOf } from '../actor/actor';
import { httpStatusForCode } from './error-status';

/** Where refused writes are recorded: the audit feature's AuditService (common/ imports no feature). */
export interface RefusalRecorder {
  recordStandalone(
    subject: AuditSubject,
    entry: { action: string; targetType: string; targetId: string; outcome: 'failure'; detail: string },
  ): Promise<void>;
}

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** Chinese messages for errors Nest or Express raise before our code runs. */
function fromHttpException(error: HttpException, uploadLimitBytes: number): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  if (typeof response === 'object' && response !== null && 'code' in response) {
    return { statusCode: status, ...(response as Omit<ErrorBody, 'statusCode'>) };
  }
  switch (status) {
    case 400:
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求参数不正确' };
    case 404:
      return { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' };
    case 413:
      return {
        statusCode: 413,
        code: 'IMPORT_FILE_TOO_LARGE',
        message: `上传文件过大，超过系统允许的上限（${Math.round(uploadLimitBytes / 1024 / 1024)} MB）`,
      };
    default:
      return { statusCode: status, code: `HTTP_${status}`, message: '请求无法处理' };
  }
}

/**
 * The one place errors become HTTP replies `{ statusCode, code, message }` (STYLE.md §4). A refused or
 * failed write is itself recorded in the audit trail with outcome "failure".
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  constructor(
    private readonly audit: RefusalRecorder,
    private readonly uploadLimitBytes: number,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const response = http.getResponse<Response>();
    let body: ErrorBody;
    if (error instanceof DomainError) {
      body = { statusCode: httpStatusForCode(error.code), code: error.code, message: error.message };
      // Structured details (e.g. an import's row errors) sit beside code and message.
      if (error.details !== null && typeof error.details === 'object' && !Array.isArray(error.details)) {
        body = { ...(error.details as object), ...body };
      } else if (error.details !== undefined) {
        body.details = error.details;
      }
    } else if (error instanceof HttpException) {
      body = fromHttpException(error, this.uploadLimitBytes);
    } else {
      this.logger.error(error);
      body = { statusCode: 500, code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后再试或联系运维人员' };
    }
    if (request.method !== 'GET' && request.actor && body.statusCode < 500) {
      await this.audit
        .recordStandalone(subjectOf(request.actor), {
          action: 'request.refused',
          targetType: 'request',
          targetId: request.path.slice(0, 64),
          outcome: 'failure',
          detail: `${request.method} ${request.route?.path ?? request.path} → ${body.code}: ${body.message}`.slice(0, 1000),
        })
        .catch(() => undefined);
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }
}
