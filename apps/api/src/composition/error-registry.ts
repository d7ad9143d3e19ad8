import type { ErrorCode } from '@app/domain';
import { ATTACHMENT_ERRORS } from '../attachments/attachments.errors';
import { AUTH_ERRORS } from '../auth/auth.errors';
import { BATCH_ERRORS } from '../batches/batches.errors';
import { CALENDAR_ERRORS } from '../calendar/calendar.errors';
import { CERTIFICATE_ERRORS } from '../certificates/certificates.errors';
import { HEALTH_ERRORS } from '../health/health.errors';
import { MAIL_ERRORS } from '../mail/mail.errors';
import { JOB_ERRORS } from '../jobs/jobs.errors';
import { ORGANISATION_ERRORS } from '../organisation-admin/organisations.errors';
import { RATE_LIMIT_ERRORS } from '../rate-limits/rate-limits.errors';
import { REVIEW_ERRORS } from '../reviews/reviews.errors';
import { SCREENING_ERRORS } from '../screening/screening.errors';
import { RECHECK_ERRORS } from '../rechecks/rechecks.errors';
import { CORRECTION_ERRORS } from '../corrections/corrections.errors';
import { COMPLAINT_ERRORS } from '../complaints/complaints.errors';
import { DATA_ADMIN_ERRORS } from '../data-admins/data-admins.errors';
import { QUERY_MODE_ERRORS } from '../query-mode/query-mode.errors';
import { LOOKUP_ERRORS } from '../lookup/lookup.errors';
import { USER_ERRORS } from '../users/users.errors';
import { LOOKUP_ACCOUNT_ERRORS } from '../lookup-accounts/lookup-accounts.errors';
import { COMMON_ERRORS } from '../common/errors/common.errors';
import { DOMAIN_ERROR_SPECS } from '../common/errors/domain-status.errors';
import type { ErrorBody, ErrorSpec } from '../common/errors/error-spec';

/** Every declaration table, by where it lives (a code is declared in exactly one; see the error-codes test). */
export const ERROR_TABLES: Readonly<Record<string, Readonly<Record<string, ErrorSpec>>>> = {
  'libs/domain': DOMAIN_ERROR_SPECS,
  common: COMMON_ERRORS,
  auth: AUTH_ERRORS,
  batches: BATCH_ERRORS,
  calendar: CALENDAR_ERRORS,
  certificates: CERTIFICATE_ERRORS,
  health: HEALTH_ERRORS,
  mail: MAIL_ERRORS,
  jobs: JOB_ERRORS,
  organisations: ORGANISATION_ERRORS,
  'rate-limits': RATE_LIMIT_ERRORS,
  reviews: REVIEW_ERRORS,
  screening: SCREENING_ERRORS,
  rechecks: RECHECK_ERRORS,
  corrections: CORRECTION_ERRORS,
  complaints: COMPLAINT_ERRORS,
  'data-admins': DATA_ADMIN_ERRORS,
  users: USER_ERRORS,
  'query-mode': QUERY_MODE_ERRORS,
  lookup: LOOKUP_ERRORS,
  'lookup-accounts': LOOKUP_ACCOUNT_ERRORS,
  attachments: ATTACHMENT_ERRORS,
};

/**
 * Every error code the API answers with, its status and default Chinese sentence. Typed against `ErrorCodes`, so a
 * `<feature>.errors.ts` whose table is missing here does not compile.
 */
export const ERRORS: Readonly<Record<ErrorCode, ErrorSpec>> = {
  ...DOMAIN_ERROR_SPECS,
  ...COMMON_ERRORS,
  ...AUTH_ERRORS,
  ...BATCH_ERRORS,
  ...CALENDAR_ERRORS,
  ...CERTIFICATE_ERRORS,
  ...HEALTH_ERRORS,
  ...MAIL_ERRORS,
  ...JOB_ERRORS,
  ...ORGANISATION_ERRORS,
  ...RATE_LIMIT_ERRORS,
  ...REVIEW_ERRORS,
  ...SCREENING_ERRORS,
  ...RECHECK_ERRORS,
  ...CORRECTION_ERRORS,
  ...COMPLAINT_ERRORS,
  ...DATA_ADMIN_ERRORS,
  ...USER_ERRORS,
  ...QUERY_MODE_ERRORS,
  ...LOOKUP_ERRORS,
  ...LOOKUP_ACCOUNT_ERRORS,
  ...ATTACHMENT_ERRORS,
};

/** The declaration of a code, or undefined for a code nobody declared (a programming error). */
export function errorSpec(code: string): ErrorSpec | undefined {
  // Own keys only: a code named like an Object.prototype member must not resolve to one.
  return Object.hasOwn(ERRORS, code) ? ERRORS[code as ErrorCode] : undefined;
}

/** The reply for a declared code: its status, and the given sentence or the declared one. */
export function errorBody(code: ErrorCode, message: string = ERRORS[code].message): ErrorBody {
  return { statusCode: ERRORS[code].status, code, message };
}
