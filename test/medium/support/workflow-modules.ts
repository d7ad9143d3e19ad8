import { AuditModule } from '../../../apps/api/src/audit/audit.module';
import { CalendarModule } from '../../../apps/api/src/calendar/calendar.module';
import { JurisdictionModule } from '../../../apps/api/src/jurisdiction/jurisdiction.module';

/** The cross-cutting modules the batch workflow's services need beside their own feature modules. */
export const WORKFLOW_MODULES = [JurisdictionModule, AuditModule, CalendarModule];
