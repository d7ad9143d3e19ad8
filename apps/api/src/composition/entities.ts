import { Attachment } from '../attachments/entities/attachment.entity';
import { DataAdministrator } from '../data-admins/entities/data-administrator.entity';
import {
  Correction,
  CorrectionAttachment,
  CorrectionDecision,
  CorrectionOverride,
} from '../corrections/entities/correction.entity';
import { Complaint } from '../complaints/entities/complaint.entity';
import { AuditAnchor, AuditChainHead, AuditLog } from '../audit/entities/audit-log.entity';
import { Batch } from '../batches/entities/batch.entity';
import { BatchDecision, BatchDecisionRecord } from '../batches/entities/batch-decision.entity';
import { ImportErrorReport } from '../batches/entities/import-error-report.entity';
import { BatchRecordKey } from '../batches/entities/batch-record-key.entity';
import { Certificate } from '../certificates/entities/certificate.entity';
import { CertificateHistory } from '../certificates/entities/certificate-history.entity';
import { CalendarDay, CalendarYear } from '../calendar/entities/calendar.entity';
import { LoginThrottle } from '../users/entities/login-throttle.entity';
import { LoginAddressThrottle } from '../users/entities/login-address-throttle.entity';
import { Session } from '../users/entities/session.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { OrganisationStatusChange } from '../organisations/entities/organisation-status.entity';
import { Flag, FlagCertificate, ScreeningNumberKey, ScreeningWatermark } from '../screening/entities/flag.entity';
import { Recheck } from '../screening/entities/recheck.entity';
import { User } from '../users/entities/user.entity';
import { RateLimitCounter } from '../rate-limits/entities/rate-limit-counter.entity';
import { OutboxMail } from '../mail/entities/outbox-mail.entity';
import { JobLease } from '../jobs/entities/job-lease.entity';
import { JobRun } from '../jobs/entities/job-run.entity';
import { ReminderEvent } from '../reminders/entities/reminder-event.entity';
import { QueryModeSchedule } from '../query-mode/entities/query-mode-schedule.entity';
import { QueryModeChange } from '../query-mode/entities/query-mode-change.entity';
import { LookupLog } from '../lookup/entities/lookup-log.entity';
import { LookupAccount } from '../lookup-accounts/entities/lookup-account.entity';
import { LookupSession } from '../lookup-accounts/entities/lookup-session.entity';
import { LookupQuota } from '../lookup-accounts/entities/lookup-quota.entity';
import { AuthorizationCode } from '../lookup-accounts/entities/authorization-code.entity';
import { LookupBatch, LookupBatchRowEntity } from '../lookup-accounts/entities/lookup-batch.entity';

/** Every entity of the application; features add theirs here. */
export const ENTITIES = [
  Organisation,
  User,
  Session,
  LoginThrottle,
  AuditLog,
  AuditChainHead,
  AuditAnchor,
  CalendarYear,
  CalendarDay,
  Batch,
  BatchDecision,
  BatchDecisionRecord,
  Certificate,
  CertificateHistory,
  ImportErrorReport,
  LoginAddressThrottle,
  RateLimitCounter,
  BatchRecordKey,
  OutboxMail,
  JobLease,
  JobRun,
  ReminderEvent,
  QueryModeSchedule,
  QueryModeChange,
  LookupLog,
  LookupAccount,
  LookupSession,
  LookupQuota,
  AuthorizationCode,
  LookupBatch,
  LookupBatchRowEntity,
  OrganisationStatusChange,
  Flag,
  FlagCertificate,
  ScreeningNumberKey,
  ScreeningWatermark,
  Recheck,
  Attachment,
  Correction,
  CorrectionDecision,
  CorrectionAttachment,
  CorrectionOverride,
  Complaint,
  DataAdministrator,
];
