import { DOMAIN_ERRORS, type DomainErrorCode } from '@app/domain';
import type { ErrorSpec } from './error-spec';

/** The HTTP status of each code the domain raises (the domain declares the codes and their sentences, not HTTP). */
const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  CALENDAR_INVALID_DATE: 400,
  CALENDAR_INVALID_AMOUNT: 400,
  CALENDAR_INVALID_DATA: 400,
  DEADLINE_UNKNOWN_RULE: 400,
  DEADLINE_UNKNOWN_PROFILE: 400,
  DEADLINE_INVALID_TIMESTAMP: 400,
  OCCUPATION_CATALOGUE_INVALID: 422,
  INSTITUTION_DISSOLVED: 403,
  BATCH_PROXY_REASON_REQUIRED: 422,
  BATCH_SEPARATION_OF_DUTIES: 403,
  CORRECTION_PENDING: 422,
  CORRECTION_ALREADY_USED: 422,
  CORRECTION_NAME_AND_ID: 422,
  CORRECTION_STATEMENT_REQUIRED: 422,
  DELETION_COMMITMENT_REQUIRED: 422,
  CORRECTION_INVALID: 422,
  REPORT_PERIOD_INVALID: 400,
};

export const DOMAIN_ERROR_SPECS = Object.fromEntries(
  (Object.keys(DOMAIN_STATUS) as DomainErrorCode[]).map((code) => [
    code,
    { status: DOMAIN_STATUS[code], message: DOMAIN_ERRORS[code] },
  ]),
) as Record<DomainErrorCode, ErrorSpec>;
