import account from './account';
import attachments from './attachments';
import auditLogs from './auditLogs';
import batches from './batches';
import calendar from './calendar';
import certificates from './certificates';
import complaints from './complaints';
import type { ConsoleFeature } from './common/feature';
import corrections from './corrections';
import dashboard from './dashboard';
import dataAdmins from './data-admins';
import deadlines from './deadlines';
import flags from './flags';
import jobs from './jobs';
import lookupStats from './lookupStats';
import queryMode from './queryMode';
import organisations from './organisations';
import outbox from './outbox';
import queue from './queue';
import rechecks from './rechecks';
import reports from './reports';
import users from './users';

/**
 * Every feature of the console, in sidebar order. A new feature adds its folder's registration here and nothing
 * else: App.tsx, the sidebar, the dashboard tiles and `canAccess` all read this list.
 */
export const FEATURES: readonly ConsoleFeature[] = [
  dashboard,
  queue,
  batches,
  deadlines,
  attachments,
  flags,
  rechecks,
  corrections,
  complaints,
  reports,
  certificates,
  calendar,
  organisations,
  users,
  dataAdmins,
  auditLogs,
  jobs,
  outbox,
  queryMode,
  lookupStats,
  account,
];
