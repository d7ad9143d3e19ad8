import { Fragment } from 'react';
import { ListSubheader } from '@mui/material';
import { Menu, usePermissions, useSidebarState, useTranslate } from 'react-admin';
import type { Role } from '@app/domain';
import { visibleMenu } from './menu';

/** The role-based sidebar, built from the features' menu entries (features.ts). */
export const AppMenu = () => {
  const { permissions, isPending } = usePermissions<Role[]>();
  const [open] = useSidebarState();
  const translate = useTranslate();
  if (isPending) return <Menu>{null}</Menu>;
  return (
    <Menu data-testid="app-menu">
      {visibleMenu(permissions ?? []).map((section) => (
        <Fragment key={section.id}>
          {open && (
            <ListSubheader disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
              {translate(section.label)}
            </ListSubheader>
          )}
          {section.entries.map((entry) => (
            <Menu.Item key={entry.to} to={entry.to} primaryText={entry.label} leftIcon={<entry.icon />} />
          ))}
        </Fragment>
      ))}
    </Menu>
  );
};
