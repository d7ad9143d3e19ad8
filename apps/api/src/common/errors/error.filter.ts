import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@app/domain';
import { Actor, AuditSubject, subjectOf } from '../actor/actor';
import type { ErrorCode } from '@app/domain';
import type { ErrorBody, ErrorLookup } from './error-spec';

/** Where refused writes are recorded: the audit feature's AuditService (common/ imports no feature). */
export interface RefusalRecorder {
  recordStandalone(
    subject: AuditSubject,
    entry: { action: string; targetType: string; targetId: string; outcome: 'failure'; detail: string },
  ): Promise<void>;
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
    /** The composed table of every declared code (common/ knows no feature's codes itself). */
    private readonly errorSpec: ErrorLookup,
    private readonly uploadLimitBytes: number,
  ) {}

  private body(code: ErrorCode, message?: string): ErrorBody {
    const spec = this.errorSpec(code);
    if (!spec) throw new Error(`undeclared error code ${code}`);
    return { statusCode: spec.status, code, message: message ?? spec.message };
  }

  /**
   * Chinese messages for the errors Nest or Express raise before our code runs: bad parameters (pipes, multer), no
   * such route, an upload over the limit. Any other status is unexpected (null: answered as an internal error).
   */
  private fromHttpException(error: HttpException): ErrorBody | null {
    switch (error.getStatus()) {
      case 400:
        return this.body('VALIDATION_FAILED');
      case 404:
        return this.body('ROUTE_NOT_FOUND');
      case 413:
        return this.body(
          'IMPORT_FILE_TOO_LARGE',
          `上传文件过大，超过系统允许的上限（${Math.round(this.uploadLimitBytes / 1024 / 1024)} MB）`,
        );
      default:
        return null;
    }
  }

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const response = http.getResponse<Response>();
    let body: ErrorBody | null = null;
    const declared = error instanceof DomainError ? this.errorSpec(error.code) : undefined;
    if (error instanceof DomainError && declared) {
      body = { statusCode: declared.status, code: error.code, message: error.message };
      // Structured details (e.g. an import's row errors) sit beside code and message.
      if (error.details !== null && typeof error.details === 'object' && !Array.isArray(error.details)) {
        body = { ...error.details, ...body };
      } else if (error.details !== undefined) {
        body.details = error.details;
      }
    } else if (error instanceof HttpException) {
      body = this.fromHttpException(error);
    }
    if (!body) {
      // Not a declared refusal (an undeclared code included): a programming error, logged and answered as such.
      this.logger.error(error);
      body = this.body('INTERNAL_ERROR');
    }
    if (request.method !== 'GET' && request.actor && body.statusCode < 500) {
      await this.audit
        .recordStandalone(subjectOf(request.actor), {
          action: 'request.refused',
          targetType: 'request',
          targetId: request.path.slice(0, 64),
          outcome: 'failure',
          detail:
            `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path} → ${body.code}: ${body.message}`.slice(
              0,
              1000,
            ),
        })
        .catch(() => undefined);
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }
}
