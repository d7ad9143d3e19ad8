import {
  Box,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  Grid,
  Link as MuiLink,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import type { DashboardView } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';

/** Where a figure leads: 待我处理 narrowed the same way the figure was counted. */
export const queueLink = (params: { due?: 'today' | 'soon' | 'overdue'; status?: string } = {}) => {
  const search = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return search ? `/queue?${search}` : '/queue';
};

const Figure = ({
  label,
  value,
  to,
  color,
  testId,
}: {
  label: string;
  value: number;
  to: string;
  color: 'primary' | 'warning' | 'error' | 'info';
  testId: string;
}) => (
  <Grid size={{ xs: 6, md: 3 }}>
    <Card sx={{ height: '100%' }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%' }} data-testid={testId} data-value={value}>
        <CardContent>
          <Typography color="text.secondary" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
            {label}
          </Typography>
          <Typography
            variant="h4"
            component="p"
            sx={{ fontWeight: 600, color: value > 0 ? `${color}.main` : 'text.disabled' }}
          >
            {value}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  </Grid>
);

/** 待我处理 in all and by due date, each figure a link to the list it counts. */
export const PendingFigures = ({ view }: { view: DashboardView }) => {
  const translate = useTranslate();
  const { pending } = view;
  return (
    <Grid container spacing={2} sx={{ mt: 1 }} data-testid="work-figures">
      <Figure
        label={translate('app.dashboard.pending')}
        value={pending.total}
        to={queueLink()}
        color="primary"
        testId="figure-pending"
      />
      <Figure
        label={translate('app.dashboard.due_today')}
        value={pending.dueToday}
        to={queueLink({ due: 'today' })}
        color="warning"
        testId="figure-due-today"
      />
      <Figure
        label={translate('app.dashboard.due_soon')}
        value={pending.dueSoon}
        to={queueLink({ due: 'soon' })}
        color="info"
        testId="figure-due-soon"
      />
      <Figure
        label={translate('app.dashboard.overdue')}
        value={pending.overdue}
        to={queueLink({ due: 'overdue' })}
        color="error"
        testId="figure-overdue"
      />
    </Grid>
  );
};

/** 待我处理 per stage this person decides, with what is overdue in each. */
export const PendingByStage = ({ view }: { view: DashboardView }) => {
  const translate = useTranslate();
  if (view.pending.byStage.length === 0) return null;
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.dashboard.by_stage')}
        </Typography>
        <Stack spacing={1} data-testid="pending-by-stage">
          {view.pending.byStage.map((stage) => (
            <Stack key={stage.status} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <MuiLink component={Link} to={queueLink({ status: stage.status })} sx={{ minWidth: 120 }}>
                {stage.label}
              </MuiLink>
              <Typography sx={{ fontWeight: 600 }} data-testid={`stage-${stage.status}`}>
                {translate('app.dashboard.batches', { count: stage.total })}
              </Typography>
              {stage.overdue > 0 && (
                <Chip
                  size="small"
                  color="error"
                  label={translate('app.dashboard.overdue_count', { count: stage.overdue })}
                />
              )}
              {stage.dueToday > 0 && (
                <Chip
                  size="small"
                  color="warning"
                  label={translate('app.dashboard.due_today_count', { count: stage.dueToday })}
                />
              )}
            </Stack>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The newest decisions in the caller's jurisdiction, one line each: what happened to which batch, when, by whom. */
export const RecentDecisions = ({ view }: { view: DashboardView }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.dashboard.recent_decisions')}
        </Typography>
        {view.recentDecisions.length === 0 ? (
          <Typography color="text.secondary">{translate('app.dashboard.no_decisions')}</Typography>
        ) : (
          <List dense disablePadding data-testid="recent-decisions">
            {view.recentDecisions.map((d) => (
              <ListItem key={d.id} disablePadding>
                <ListItemButton component={Link} to={`/batches/${d.batchId}/show`}>
                  <ListItemText
                    primary={translate('app.dashboard.decision', {
                      action: d.actionLabel,
                      id: d.batchId,
                      institution: d.institutionName,
                    })}
                    secondary={[
                      formatBeijingDateTime(d.createdAt).slice(0, 16),
                      d.actorName,
                      translate('app.dashboard.stage_to_result', { stage: d.stageLabel, result: d.resultLabel }),
                    ].join(' · ')}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
};

/** Centres: the organisations directly below with their open and overdue work, linked to the deadline board. */
export const OrganisationsBelow = ({ view }: { view: DashboardView }) => {
  const translate = useTranslate();
  if (!view.organisationsBelow || view.organisationsBelow.length === 0) return null;
  const board = (organisationId: number, state?: string) =>
    `/deadlines?filter=${encodeURIComponent(JSON.stringify({ organisationId, ...(state ? { state } : {}) }))}`;
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('app.dashboard.below')}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="organisations-below">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.dashboard.columns.organisation')}</TableCell>
                <TableCell align="right">{translate('app.dashboard.columns.open')}</TableCell>
                <TableCell align="right">{translate('app.dashboard.columns.overdue')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {view.organisationsBelow.map((o) => (
                <TableRow key={o.organisationId} data-testid="organisation-below" data-overdue={o.overdue}>
                  <TableCell>{o.name}</TableCell>
                  <TableCell align="right">
                    <MuiLink component={Link} to={board(o.organisationId)}>
                      {o.open}
                    </MuiLink>
                  </TableCell>
                  <TableCell align="right">
                    {o.overdue > 0 ? (
                      <MuiLink
                        component={Link}
                        to={board(o.organisationId, 'overdue')}
                        color="error"
                        sx={{ fontWeight: 600 }}
                      >
                        {o.overdue}
                      </MuiLink>
                    ) : (
                      0
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
};
