import { Role, ROLES } from './roles';

/**
 * what each role may do, as one table. Jurisdiction (which records) is decided separately by the
 * organisation subtree; this table decides which actions. Features add their permissions here.
 */
/** Everyone handling certificate data: every role but the auditor, who reads only the audit log (三权分立). */
const STAFF = ROLES.filter((r) => r !== 'auditor');

/** The centres that supervise certificate data: national, provincial and municipal staff (no institution, no auditor). */
const SUPERVISORS = [
  'national_admin',
  'national_reviewer',
  'provincial_admin',
  'provincial_reviewer',
  'municipal_admin',
  'municipal_head',
] as const satisfies readonly Role[];

export const PERMISSIONS = {
  'organisations.read': STAFF,
  'organisations.write': ['national_admin', 'provincial_admin', 'municipal_admin'],
  'users.read': ['national_admin', 'provincial_admin', 'municipal_admin'],
  'users.write': ['national_admin', 'provincial_admin', 'municipal_admin'],
  // the municipal data administrators (附件2) are read where data is supervised, registered by the centre's
  // administrators or its province, and approved by the centre's head.
  'data-admins.read': SUPERVISORS,
  'data-admins.register': ['provincial_admin', 'municipal_admin'],
  'data-admins.decide': ['municipal_head'],
  'audit.read': ['auditor', 'national_admin'],
  'mail.outbox': ['national_admin'],
  'calendar.read': STAFF,
  'calendar.write': ['national_admin'],
  'batches.read': STAFF,
  // centres upload and maintain data on behalf of dissolved institutions.
  'batches.upload': ['institution_operator', 'municipal_admin', 'provincial_admin'],
  'batches.review': ['municipal_admin', 'municipal_head', 'provincial_reviewer', 'national_reviewer'],
  // the provincial centre grants exemptions from the 6-month acceptance cutoff.
  'batches.exemption': ['provincial_reviewer', 'provincial_admin'],
  'certificates.read': STAFF,
  // seeing a full ID number is allowed to the staff handling the data, and audited each time.
  'certificates.unmask': [
    'national_reviewer',
    'provincial_reviewer',
    'provincial_admin',
    'municipal_admin',
    'municipal_head',
    'institution_operator',
  ],
  // any staff member uploads attachments for their own organisation and reads those within their jurisdiction.
  'attachments.read': STAFF,
  'attachments.upload': STAFF,
  // Scheduled jobs: see them, run one now, read the run history.
  'jobs.manage': ['national_admin'],
  // 我的提醒: every staff member sees what they would be reminded of.
  'reminders.read': STAFF,
  // the public lookup's cutover schedule is the national centre's decision.
  'query-mode.manage': ['national_admin'],
  // screening flags and the provincial re-checks are read where the data is supervised (national staff
  // all, a province or city its own subtree); institutions do not see what was found about them.
  'flags.read': SUPERVISORS,
  // national_reviewer dismisses flags and suspends certificates from lookup (暂停查询).
  'flags.decide': ['national_reviewer'],
  'rechecks.read': SUPERVISORS,
  // the owning province re-checks (复核) a suspended certificate: restore, or confirm.
  'rechecks.decide': ['provincial_reviewer'],
  // correction and deletion requests are read within jurisdiction by everyone handling the data; asked
  // by the issuing institution (or the parent centre of a dissolved one, R-44) and, for deletions, the province;
  // decided at each stage by the one role the route names (correctionRoute); overrides of R-20 by the province.
  'corrections.read': STAFF,
  'corrections.request': ['institution_operator', 'municipal_admin', 'provincial_admin', 'provincial_reviewer'],
  'corrections.review': ['municipal_admin', 'provincial_reviewer', 'national_reviewer'],
  'corrections.override': ['provincial_reviewer', 'provincial_admin'],
  // the quality report of a jurisdiction, for the centres that supervise it (institutions are its subject).
  'reports.read': SUPERVISORS,
  // complaints about data not online are read within jurisdiction by everyone handling the data (an institution
  // its own); recorded, closed and sent back by the centres; answered by the institution (or, for a dissolved one,
  // its parent centre's administrator, R-44).
  'complaints.read': STAFF,
  'complaints.write': [
    'national_admin',
    'national_reviewer',
    'provincial_admin',
    'provincial_reviewer',
    'municipal_admin',
  ],
  'complaints.reply': ['institution_operator', 'municipal_admin', 'provincial_admin'],
  // Lookup volumes by mode (national staff watch usage and abuse nationally; provinces have no per-province view).
  'lookup.stats': ['national_admin', 'national_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}
