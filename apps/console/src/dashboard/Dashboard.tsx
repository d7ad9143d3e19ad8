import {
  Alert,
  Box,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  Grid,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useGetIdentity, usePermissions, useTranslate, Translate } from 'react-admin';
import { hasPermission, ORGANISATION_LEVEL_LABELS, type OrganisationLevel, type Role } from '@app/domain';
import { roleLabel } from '../common/fields';
import { visibleMenu } from '../layout/menu';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { MyRemindersCard } from './MyRemindersCard';
import { OrganisationsBelow, PendingByStage, PendingFigures, RecentDecisions } from './WorkFigures';
import { RoleFigures } from './RoleFigures';

/**
 * 首页: who is signed in, then the figures this person acts on — 待我处理 by due date and by stage, 我的提醒,
 * the newest decisions, and for centres the organisations below; then the role's charts and figures (RoleFigures).
 * A role without batch work (the auditor) gets its pages as tiles instead.
 */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role[]>();
  const translate = useTranslate();
  const roles = permissions ?? [];
  const works = hasPermission(roles, 'batches.read');
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.menu.home" />
      <Card>
        <CardContent>
          <Typography variant="h5" gutterBottom data-testid="welcome">
            <Translate i18nKey="app.dashboard.welcome" options={{ name: identity?.fullName ?? '' }} />
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography color="text.secondary">
              <Translate i18nKey="app.dashboard.organisation" />
            </Typography>
            <Typography>{identity?.organisationName}</Typography>
            {identity?.organisationLevel && (
              <Chip
                size="small"
                variant="outlined"
                label={ORGANISATION_LEVEL_LABELS[identity.organisationLevel as OrganisationLevel]}
              />
            )}
            <Typography color="text.secondary" sx={{ ml: 1 }}>
              <Translate i18nKey="app.dashboard.roles" />
            </Typography>
            {roles.map((role) => (
              <Chip key={role} size="small" color="primary" label={roleLabel(role)} />
            ))}
          </Stack>
        </CardContent>
      </Card>
      {works ? <WorkDashboard roles={roles} /> : <Shortcuts roles={roles} translate={translate} />}
    </Box>
  );
};

const WorkDashboard = ({ roles }: { roles: Role[] }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const { data, error, isPending } = useQuery({ queryKey: ['dashboard'], queryFn: () => dataProvider.getDashboard() });
  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  return (
    <>
      {(data.warnings ?? []).length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="dashboard-warnings">
          {data.warnings.map((w) => (
            <div key={`${w.kind}-${w.organisationId}`}>
              {w.kind === 'data_admin_missing' ? <Link to="/data-administrators">{w.message}</Link> : w.message}
            </div>
          ))}
        </Alert>
      )}
      <PendingFigures view={data} />
      <Grid container spacing={2} sx={{ mt: 0 }}>
        <Grid size={{ xs: 12, md: data.pending.byStage.length > 0 ? 6 : 12 }}>
          <MyRemindersCard />
        </Grid>
        {data.pending.byStage.length > 0 && (
          <Grid size={{ xs: 12, md: 6 }} sx={{ mt: 2 }}>
            <PendingByStage view={data} />
          </Grid>
        )}
        <Grid size={{ xs: 12, lg: data.organisationsBelow?.length ? 7 : 12 }}>
          <RecentDecisions view={data} />
        </Grid>
        {data.organisationsBelow && data.organisationsBelow.length > 0 && (
          <Grid size={{ xs: 12, lg: 5 }}>
            <OrganisationsBelow view={data} />
          </Grid>
        )}
      </Grid>
      <RoleFigures roles={roles} />
    </>
  );
};

/** The pages of a role without batch work, as tiles. */
const Shortcuts = ({ roles, translate }: { roles: Role[]; translate: (key: string) => string }) => {
  const shortcuts = visibleMenu(roles)
    .flatMap((section) => section.entries)
    .filter((entry) => entry.to !== '/');
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      {shortcuts.map((entry) => (
        <Grid key={entry.to} size={{ xs: 12, sm: 6, md: 3 }}>
          <Card>
            <CardActionArea component={Link} to={entry.to}>
              <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
                <entry.icon />
                <Typography variant="subtitle1">{translate(entry.label)}</Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
};
