import type { ComponentType } from 'react';
import CalculateIcon from '@mui/icons-material/Calculate';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PendingActionsIcon from '@mui/icons-material/PendingActions';
import SecurityIcon from '@mui/icons-material/Security';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { hasPermission, STAGE_ROLE, type Permission, type Role } from '@app/domain';
import auditLogs from '../auditLogs';
import batches from '../batches';
import deadlines from '../deadlines';
import organisations from '../organisations';
import users from '../users';

export type MenuSectionId = 'work' | 'admin' | 'security';

export const MENU_SECTIONS: Array<{ id: MenuSectionId; label: string }> = [
  { id: 'work', label: '工作台' },
  { id: 'admin', label: '机构与人员' },
  { id: 'security', label: '安全与审计' },
];

export interface MenuEntry {
  /** Route: a resource list ("/organisations") or a custom route ("/account"). */
  to: string;
  label: string;
  icon: ComponentType;
  section: MenuSectionId;
  /** libs/domain PERMISSIONS key the entry needs; null = every signed-in user. */
  permission: Permission | null;
  /** Only for these roles as well, where a page concerns fewer roles than its permission covers. */
  roles?: readonly Role[];
}

/** 待我处理 has work only for the roles that decide a review stage, and for institutions (drafts, returns). */
const QUEUE_ROLES: readonly Role[] = [...Object.values(STAGE_ROLE), 'institution_operator'];

/**
 * The sidebar, in order. Add an entry per feature, gated by the same permission the API checks;
 * resources also need a <Resource> in App.tsx and a row in auth/access.ts, custom pages a <Route> in App.tsx.
 */
export const MENU: MenuEntry[] = [
  { to: '/', label: '首页', icon: DashboardIcon, section: 'work', permission: null },
  { to: '/queue', label: '待我处理', icon: PendingActionsIcon, section: 'work', permission: 'batches.read', roles: QUEUE_ROLES },
  { to: '/batches', label: '批次管理', icon: batches.icon, section: 'work', permission: 'batches.read' },
  { to: '/batches/create', label: '上传批次', icon: UploadFileIcon, section: 'work', permission: 'batches.upload' },
  { to: '/deadlines', label: '期限看板', icon: deadlines.icon, section: 'work', permission: 'batches.read' },
  { to: '/deadline-calculator', label: '期限计算器', icon: CalculateIcon, section: 'work', permission: 'calendar.read' },
  { to: '/calendar', label: '工作日历', icon: CalendarMonthIcon, section: 'work', permission: 'calendar.read' },
  { to: '/organisations', label: '机构管理', icon: organisations.icon, section: 'admin', permission: 'organisations.read' },
  { to: '/users', label: '用户管理', icon: users.icon, section: 'admin', permission: 'users.read' },
  { to: '/audit-logs', label: '审计日志', icon: auditLogs.icon, section: 'security', permission: 'audit.read' },
  { to: '/account', label: '账号安全', icon: SecurityIcon, section: 'security', permission: null },
];

export function visibleMenu(roles: readonly Role[], menu: readonly MenuEntry[] = MENU) {
  const entries = menu.filter(
    (entry) =>
      (entry.permission === null || hasPermission(roles, entry.permission)) &&
      (!entry.roles || entry.roles.some((role) => roles.includes(role))),
  );
  return MENU_SECTIONS.map((section) => ({
    ...section,
    entries: entries.filter((entry) => entry.section === section.id),
  })).filter((section) => section.entries.length > 0);
}
