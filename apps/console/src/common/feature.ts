import type { ComponentType } from 'react';
import type { ResourceProps } from 'react-admin';
import type { Permission, Role } from '@app/domain';

/** The react-admin actions a resource page asks `canAccess` about. */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete' | 'export';

export type MenuSectionId = 'work' | 'admin' | 'security' | 'system';

export interface MenuEntry {
  /** Route: a resource list ("/organisations") or a custom route ("/account"). */
  to: string;
  /** i18n key of the entry's text (i18n/zh-CN.ts). */
  label: string;
  icon: ComponentType;
  section: MenuSectionId;
  /** libs/domain PERMISSIONS key the entry needs; null = every signed-in user. */
  permission: Permission | null;
  /** Only for these roles as well, where a page concerns fewer roles than its permission covers. */
  roles?: readonly Role[];
}

/**
 * One console feature, registered in one place (its folder's index.ts, listed in features.ts): App.tsx mounts its
 * resource and pages, the sidebar shows its menu entries, and `canAccess` reads its access table.
 */
export interface ConsoleFeature {
  /** A react-admin resource (list/show/edit/create pages under `#/<name>`). */
  resource?: ResourceProps & {
    /**
     * the permission (libs/domain PERMISSIONS, the API's own table) each page needs. An action missing here
     * is refused, so nothing is deletable or exportable until someone decides it is. The API still authorises
     * every request; this only keeps the console from offering what would fail.
     */
    access: Partial<Record<ResourceAction, Permission>>;
    /** Record-level refinements the permission table cannot express. */
    recordAllows?: (roles: readonly Role[], action: string, record: Record<string, unknown>) => boolean;
  };
  /** Custom pages outside the resources, by hash route (`#/deadline-calculator`). */
  routes?: Array<{ path: string; component: ComponentType }>;
  /** Its sidebar entries, in order; the sidebar lists the features' entries in features.ts order. */
  menu?: MenuEntry[];
}
