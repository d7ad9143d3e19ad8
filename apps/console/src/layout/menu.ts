import { hasPermission, type Role } from '@app/domain';
import type { MenuEntry, MenuSectionId } from '../common/feature';
import { FEATURES } from '../features';

/** The sidebar's sections, in order; labels are i18n keys (i18n/zh-CN.ts). */
export const MENU_SECTIONS: Array<{ id: MenuSectionId; label: string }> = [
  { id: 'work', label: 'app.menu_sections.work' },
  { id: 'admin', label: 'app.menu_sections.admin' },
  { id: 'security', label: 'app.menu_sections.security' },
  { id: 'system', label: 'app.menu_sections.system' },
];

/** Every feature's menu entries, in features.ts order. Read when rendering: features import this module's users. */
export const menuEntries = (): MenuEntry[] => FEATURES.flatMap((feature) => feature.menu ?? []);

/** The entries a role may open, gated by the same permission the API checks, grouped by section. */
export function visibleMenu(roles: readonly Role[], menu: readonly MenuEntry[] = menuEntries()) {
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
