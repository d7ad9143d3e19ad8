import { Breadcrumbs, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetIdentity, type Identifier, useTranslate } from 'react-admin';
import type { OrganisationView } from '@app/contracts';

const MAX_DEPTH = 6;

/**
 * The chain from the highest organisation the user may read down to `id` (inclusive). Walking up
 * stops at the user's own organisation: above it lies another jurisdiction, which answers 404.
 */
export function useOrganisationPath(id: Identifier | null | undefined) {
  const dataProvider = useDataProvider();
  const { identity } = useGetIdentity();
  const ownOrganisationId = identity?.organisationId as Identifier | undefined;
  return useQuery({
    queryKey: ['organisations', 'path', id, ownOrganisationId],
    enabled: id != null && id !== '' && ownOrganisationId != null,
    queryFn: async () => {
      const path: OrganisationView[] = [];
      let next: Identifier | null | undefined = id;
      while (next != null && path.length < MAX_DEPTH) {
        try {
          const { data } = await dataProvider.getOne<OrganisationView>('organisations', { id: next as number });
          path.unshift(data);
          next = data.id === ownOrganisationId ? null : (data.parentId ?? null);
        } catch {
          break; // not readable: the walk has left the jurisdiction
        }
      }
      return path;
    },
  });
}

export function childrenListPath(parentId: Identifier): string {
  return `/organisations?${new URLSearchParams({ filter: JSON.stringify({ parentId }), page: '1' })}`;
}

/**
 * 全部机构 › 广东省 › 广州市. In the list (mode "children") each crumb lists that organisation's
 * children; on a show page (mode "show") each crumb opens the organisation and the last is the page itself.
 */
export const OrganisationBreadcrumb = ({ id, mode }: { id: Identifier; mode: 'children' | 'show' }) => {
  const translate = useTranslate();
  const { data: path = [] } = useOrganisationPath(id);
  return (
    <Breadcrumbs
      aria-label={translate('app.organisations.breadcrumb.label')}
      sx={{ px: 2, py: 1.5 }}
      data-testid="organisation-breadcrumb"
    >
      <MuiLink component={Link} to="/organisations" underline="hover" color="inherit">
        {translate('app.organisations.breadcrumb.all')}
      </MuiLink>
      {path.map((org, index) => {
        const last = index === path.length - 1;
        if (last) {
          return (
            <Typography key={org.id} color="text.primary" sx={{ fontWeight: 500 }}>
              {org.name}
              {mode === 'children' ? translate('app.organisations.breadcrumb.children') : ''}
            </Typography>
          );
        }
        return (
          <MuiLink
            key={org.id}
            component={Link}
            to={mode === 'children' ? childrenListPath(org.id) : `/organisations/${org.id}/show`}
            underline="hover"
            color="inherit"
          >
            {org.name}
          </MuiLink>
        );
      })}
    </Breadcrumbs>
  );
};
