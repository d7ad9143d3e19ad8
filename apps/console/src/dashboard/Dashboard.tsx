import { Box, Card, CardActionArea, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, usePermissions, useTranslate, Translate } from 'react-admin';
import { ORGANISATION_LEVEL_LABELS, type OrganisationLevel, type Role } from '@app/domain';
import { roleLabel } from '../common/fields';
import { visibleMenu } from '../layout/menu';
import { MyRemindersCard } from './MyRemindersCard';

/** 欢迎 + role + organisation, and a tile per page the role may open. */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Role[]>();
  const translate = useTranslate();
  const shortcuts = visibleMenu(permissions ?? [])
    .flatMap((section) => section.entries)
    .filter((entry) => entry.to !== '/');
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
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
            <Typography color="text.secondary">
              <Translate i18nKey="app.dashboard.roles" />
            </Typography>
            {(permissions ?? []).map((role) => (
              <Chip key={role} size="small" color="primary" label={roleLabel(role)} />
            ))}
          </Stack>
        </CardContent>
      </Card>
      <MyRemindersCard />
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
    </Box>
  );
};
