import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@app/domain';
import { AuditService } from '../../audit/audit.service';
import { Actor, subjectOf } from '../actor/actor';
import { ErrorBody, errorBody, errorSpec } from './error-registry';

/**
 * Chinese messages for the errors Nest or Express raise before our code runs: bad parameters (pipes, multer), no
 * such route, an upload over the limit. Any other status is unexpected (null: answered as an internal error).
 */
function fromHttpException(error: HttpException, uploadLimitBytes: number): ErrorBody | null {
  switch (error.getStatus()) {
    case 400:
      return errorBody('VALIDATION_FAILED');
    case 404:
      return errorBody('ROUTE_NOT_FOUND');
    case 413:
      return errorBody('IMPORT_FILE_TOO_LARGE', `上传文件过大，超过系统允许的上限（${Math.round(uploadLimitBytes / 1024 / 1024)} MB）`);
    default:
      return null;
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
    private readonly audit: AuditService,
    private readonly uploadLimitBytes: number,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const response = http.getResponse<Response>();
    let body: ErrorBody | null = null;
    const declared = error instanceof DomainError ? errorSpec(error.code) : undefined;
    if (error instanceof DomainError && declared) {
      body = { statusCode: declared.status, code: error.code, message: error.message };
      // Structured details (e.g. an import's row errors) sit beside code and message.
      if (error.details !== null && typeof error.details === 'object' && !Array.isArray(error.details)) {
        body = { ...(error.details as object), ...body };
      } else if (error.details !== undefined) {
        body.details = error.details;
      }
    } else if (error instanceof HttpException) {
      body = fromHttpException(error, this.uploadLimitBytes);
    }
    if (!body) {
      // Not a declared refusal (an undeclared code included): a programming error, logged and answered as such.
      this.logger.error(error);
      body = errorBody('INTERNAL_ERROR');
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
