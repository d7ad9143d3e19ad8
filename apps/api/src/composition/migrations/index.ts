import { Foundation1795440420030 } from './1795440420030-Foundation';
import { Calendar1795440777261 } from './1795440777261-Calendar';
import { Batches1795441436822 } from './1795441436822-Batches';
import { CertificateHistory1795442208607 } from './1795442208607-CertificateHistory';
import { BatchWorklistIndex1795445028532 } from './1795445028532-BatchWorklistIndex';
import { AuditAnchors1795450000001 } from './1795450000001-AuditAnchors';
import { AccountHardening1795450000002 } from './1795450000002-AccountHardening';
import { PersonalDataLimits1795450000003 } from './1795450000003-PersonalDataLimits';
import { WorkflowRules1795450000004 } from './1795450000004-WorkflowRules';
import { BatchDueFrom1795450000005 } from './1795450000005-BatchDueFrom';
import { Jobs1795450000006 } from './1795450000006-Jobs';
import { MailOutbox1796252390576 } from './1796252390576-MailOutbox';
import { ReminderEvents1796253731035 } from './1796253731035-ReminderEvents';
import { BatchReturnReason1796260000001 } from './1796260000001-BatchReturnReason';
import { LookupSeams1797000100000 } from './1797000100000-LookupSeams';
import { LookupAccounts1797000200000 } from './1797000200000-LookupAccounts';
import { Screening1797000300000 } from './1797000300000-Screening';
import { DecisionsByTime1797000400000 } from './1797000400000-DecisionsByTime';
import { Attachments1797000700000 } from './1797000700000-Attachments';
import { LookupBatchRowCertificates1797000800000 } from './1797000800000-LookupBatchRowCertificates';
import { Corrections1797000850000 } from './1797000850000-Corrections';
import { Complaints1797000900000 } from './1797000900000-Complaints';
import { DataAdministrators1797000950000 } from './1797000950000-DataAdministrators';
import { DashboardFigures1797000970000 } from './1797000970000-DashboardFigures';
import { CorrectionOverrideCount1797001000000 } from './1797001000000-CorrectionOverrideCount';

// Committed migrations (MySQL/MariaDB and SQLite), in order. `npm run migration:generate -- <Name>` writes a new file; add it here.
export const MIGRATIONS: (new () => unknown)[] = [
  Foundation1795440420030,
  Calendar1795440777261,
  Batches1795441436822,
  CertificateHistory1795442208607,
  BatchWorklistIndex1795445028532,
  AuditAnchors1795450000001,
  AccountHardening1795450000002,
  PersonalDataLimits1795450000003,
  WorkflowRules1795450000004,
  BatchDueFrom1795450000005,
  Jobs1795450000006,
  MailOutbox1796252390576,
  ReminderEvents1796253731035,
  BatchReturnReason1796260000001,
  LookupSeams1797000100000,
  LookupAccounts1797000200000,
  Screening1797000300000,
  DecisionsByTime1797000400000,
  Attachments1797000700000,
  LookupBatchRowCertificates1797000800000,
  Corrections1797000850000,
  Complaints1797000900000,
  DataAdministrators1797000950000,
  DashboardFigures1797000970000,
  CorrectionOverrideCount1797001000000,
];
