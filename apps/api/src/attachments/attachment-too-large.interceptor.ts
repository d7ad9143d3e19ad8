import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@app/domain';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * Placed before the multipart interceptor: multer's size limit (413 PayloadTooLargeException, the partial file
 * already removed) becomes ATTACHMENT_TOO_LARGE naming the attachment limit rather than the import limit.
 */
@Injectable()
export class AttachmentTooLargeInterceptor implements NestInterceptor {
  private readonly maxMegabytes: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const megabytes = config.attachments.maxBytes / 1024 / 1024;
    this.maxMegabytes = Number.isInteger(megabytes) ? String(megabytes) : megabytes.toFixed(2);
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new DomainError('ATTACHMENT_TOO_LARGE', `附件过大：每个附件不能超过 ${this.maxMegabytes} MB`)
              : error,
          ),
        ),
      );
  }
}
