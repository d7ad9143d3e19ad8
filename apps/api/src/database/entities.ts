import { AuditChainHead, AuditLog } from '../audit/entities/audit-log.entity';
import { CalendarDay, CalendarYear } from '../calendar/entities/calendar.entity';
import { LoginThrottle } from '../auth/entities/login-throttle.entity';
import { Session } from '../auth/entities/session.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';

/** Every entity of the application; features add theirs here. */
export const ENTITIES = [Organisation, User, Session, LoginThrottle, AuditLog, AuditChainHead, CalendarYear, CalendarDay];
