import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Grid,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  useTheme,
} from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import type {
  DashboardLookupVolumes,
  DashboardMonthly,
  DashboardOverdueByRegion,
  DashboardScreening,
  DashboardWork,
} from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';

// R-40: the role dashboards' charts and figures, each from its aggregate endpoint (never by listing records here).

const MONTHS = 12;
const LOOKUP_DAYS = 30;
const CHART_HEIGHT = 260;

/** A long axis label cut for the tick; the tooltip shows it whole. */
const tickText = (max: number) => (value: string, context: { location: string }) =>
  context.location === 'tick' && value.length > max ? `${value.slice(0, max - 1)}…` : value;

function useLocaleText() {
  const translate = useTranslate();
  return { noData: translate('app.dashboard.no_data'), loading: translate('app.dashboard.loading') };
}

/** One figure's card: its title, then the figure once loaded, or a Chinese loading line or error. */
function FigureCard<T>({
  title,
  testId,
  query,
  children,
}: {
  title: string;
  testId: string;
  query: UseQueryResult<T, Error>;
  children: (data: T) => ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        {/* The card is the chart's figure; its caption is the chart's accessible name. */}
        <Box component="figure" aria-label={title} data-testid={testId} sx={{ m: 0, minWidth: 0 }}>
          <Typography component="figcaption" variant="h6" gutterBottom>
            {title}
          </Typography>
          {query.isPending ? (
            <Box data-testid={`${testId}-loading`}>
              <LinearProgress />
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {translate('app.dashboard.loading')}
              </Typography>
            </Box>
          ) : query.error ? (
            <Alert severity="error">
              {translate('app.dashboard.load_failed', {
                message: translate(query.error.message, { _: query.error.message }),
              })}
            </Alert>
          ) : (
            children(query.data)
          )}
        </Box>
      </CardContent>
    </Card>
  );
}

/** The charts and figures a person's roles call for, below the 待我处理 figures. */
export const RoleFigures = ({ roles }: { roles: Role[] }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  // Centres supervise the data below them (flags.read): regions, re-checks and flags are theirs, not institutions'.
  const centre = hasPermission(roles, 'flags.read');
  const national = hasPermission(roles, 'lookup.stats');
  const work = useQuery({ queryKey: ['dashboard', 'work'], queryFn: () => dataProvider.getDashboardWork() });
  const monthly = useQuery({
    queryKey: ['dashboard', 'monthly', MONTHS],
    queryFn: () => dataProvider.getDashboardMonthly(MONTHS),
  });
  const regions = useQuery({
    queryKey: ['dashboard', 'overdue-by-region'],
    queryFn: () => dataProvider.getDashboardOverdueByRegion(),
    enabled: centre,
  });
  const screening = useQuery({
    queryKey: ['dashboard', 'screening'],
    queryFn: () => dataProvider.getDashboardScreening(),
    enabled: centre,
  });
  const lookup = useQuery({
    queryKey: ['dashboard', 'lookup-volumes', LOOKUP_DAYS],
    queryFn: () => dataProvider.getDashboardLookupVolumes(LOOKUP_DAYS),
    enabled: national,
  });
  return (
    <Grid container spacing={2} sx={{ mt: 2 }} data-testid="role-figures">
      <Grid size={{ xs: 12, lg: centre ? 6 : 12 }}>
        <WorkByKind query={work} />
      </Grid>
      {centre && (
        <Grid size={{ xs: 12, lg: 6 }}>
          <Rechecks query={screening} />
        </Grid>
      )}
      <MonthlyCharts query={monthly} />
      {centre && (
        <Grid size={{ xs: 12, lg: national ? 12 : 6 }}>
          <OverdueByRegion query={regions} />
        </Grid>
      )}
      {centre && (
        <Grid size={{ xs: 12, lg: national ? 12 : 6 }}>
          <FlagsByRule query={screening} />
        </Grid>
      )}
      {national && (
        <Grid size={12}>
          <LookupVolumes query={lookup} />
        </Grid>
      )}
    </Grid>
  );
};

/** 待我处理 of every kind, by due date; a kind with no source yet reads 暂无数据源, never 0. */
const WorkByKind = ({ query }: { query: UseQueryResult<DashboardWork, Error> }) => {
  const translate = useTranslate();
  return (
    <FigureCard title={translate('app.dashboard.work.title')} testId="work-by-kind" query={query}>
      {(work) => (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.dashboard.work.kind')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.work.total')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.work.due_today')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.work.due_soon')}</TableCell>
              <TableCell align="right">{translate('app.dashboard.work.overdue')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {work.groups.map((g) => (
              <TableRow
                key={g.kind}
                data-testid={`work-kind-${g.kind}`}
                data-available={String(g.available)}
                data-value={g.total ?? ''}
              >
                <TableCell>{g.label}</TableCell>
                {g.available ? (
                  <>
                    <TableCell align="right" sx={{ fontWeight: 600 }}>
                      {g.total}
                    </TableCell>
                    {g.due ? (
                      <>
                        <TableCell align="right">{g.due.dueToday}</TableCell>
                        <TableCell align="right">{g.due.dueSoon}</TableCell>
                        <TableCell align="right" sx={{ color: g.due.overdue > 0 ? 'error.main' : undefined }}>
                          {g.due.overdue}
                        </TableCell>
                      </>
                    ) : (
                      <TableCell colSpan={3} align="right" sx={{ color: 'text.secondary' }}>
                        {translate('app.dashboard.work.not_due')}
                      </TableCell>
                    )}
                  </>
                ) : (
                  <TableCell colSpan={4} align="right" sx={{ color: 'text.secondary' }}>
                    {translate('app.dashboard.no_data_source')}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </FigureCard>
  );
};

/** Submissions and publications per month: two charts, as batches and certificates differ by orders of magnitude. */
const MonthlyCharts = ({ query }: { query: UseQueryResult<DashboardMonthly, Error> }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const localeText = useLocaleText();
  const chart = (key: 'submissions' | 'publications', data: DashboardMonthly) => (
    <BarChart
      height={CHART_HEIGHT}
      localeText={localeText}
      xAxis={[{ scaleType: 'band', data: data.months.map((m) => m.month), valueFormatter: tickText(7) }]}
      yAxis={[{ tickMinStep: 1, width: 48 }]}
      series={[
        {
          data: data.months.map((m) => m[key]),
          label: translate(`app.dashboard.monthly.${key}`),
          color: key === 'submissions' ? theme.palette.primary.main : theme.palette.success.main,
        },
      ]}
      hideLegend
    />
  );
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <FigureCard
          title={translate('app.dashboard.monthly.submissions_title', { months: MONTHS })}
          testId="chart-monthly-submissions"
          query={query}
        >
          {(data) => chart('submissions', data)}
        </FigureCard>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <FigureCard
          title={translate('app.dashboard.monthly.publications_title', { months: MONTHS })}
          testId="chart-monthly-publications"
          query={query}
        >
          {(data) => chart('publications', data)}
        </FigureCard>
      </Grid>
    </>
  );
};

/** Overdue batches, re-checks and correction requests per region directly below, stacked. */
const OverdueByRegion = ({ query }: { query: UseQueryResult<DashboardOverdueByRegion, Error> }) => {
  const translate = useTranslate();
  const localeText = useLocaleText();
  return (
    <FigureCard title={translate('app.dashboard.regions.title')} testId="chart-overdue-by-region" query={query}>
      {({ regions }) =>
        !regions || regions.length === 0 ? (
          <Typography color="text.secondary">{translate('app.dashboard.regions.none')}</Typography>
        ) : (
          <BarChart
            layout="horizontal"
            height={Math.max(160, 90 + regions.length * 40)}
            localeText={localeText}
            yAxis={[{ scaleType: 'band', data: regions.map((r) => r.name), width: 150, valueFormatter: tickText(10) }]}
            xAxis={[{ tickMinStep: 1 }]}
            series={(['batches', 'rechecks', 'corrections'] as const).map((key) => ({
              data: regions.map((r) => r[key]),
              label: translate(`app.dashboard.regions.${key}`),
              stack: 'overdue',
            }))}
          />
        )
      }
    </FigureCard>
  );
};

/** Open re-checks by due date. */
const Rechecks = ({ query }: { query: UseQueryResult<DashboardScreening, Error> }) => {
  const translate = useTranslate();
  return (
    <FigureCard title={translate('app.dashboard.screening.rechecks_title')} testId="rechecks-figures" query={query}>
      {({ rechecks }) => (
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {(
            [
              ['rechecks_open', rechecks.total, 'primary'],
              ['rechecks_due_today', rechecks.dueToday, 'warning'],
              ['rechecks_overdue', rechecks.overdue, 'error'],
            ] as const
          ).map(([key, value, color]) => (
            <Box key={key} data-testid={`rechecks-${key}`} data-value={value}>
              <Typography variant="body2" color="text.secondary">
                {translate(`app.dashboard.screening.${key}`)}
              </Typography>
              <Typography
                variant="h4"
                component="p"
                sx={{ fontWeight: 600, color: value > 0 ? `${color}.main` : 'text.disabled' }}
              >
                {value}
              </Typography>
            </Box>
          ))}
        </Stack>
      )}
    </FigureCard>
  );
};

/** Open flags per screening rule (every rule listed, 0 included). */
const FlagsByRule = ({ query }: { query: UseQueryResult<DashboardScreening, Error> }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const localeText = useLocaleText();
  return (
    <FigureCard title={translate('app.dashboard.screening.flags_title')} testId="chart-flags-by-rule" query={query}>
      {(data) => (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="open-flags" data-value={data.openFlags}>
            {translate('app.dashboard.screening.open_flags', { count: data.openFlags })}
          </Typography>
          <BarChart
            layout="horizontal"
            height={80 + data.flagsByRule.length * 28}
            localeText={localeText}
            yAxis={[
              {
                scaleType: 'band',
                data: data.flagsByRule.map((r) => r.label),
                width: 190,
                valueFormatter: tickText(13),
              },
            ]}
            xAxis={[{ tickMinStep: 1 }]}
            series={[
              {
                data: data.flagsByRule.map((r) => r.open),
                label: translate('app.dashboard.screening.count'),
                color: theme.palette.warning.main,
              },
            ]}
            hideLegend
          />
        </>
      )}
    </FigureCard>
  );
};

/** Public lookups per day, one line per mode. */
const LookupVolumes = ({ query }: { query: UseQueryResult<DashboardLookupVolumes, Error> }) => {
  const translate = useTranslate();
  const localeText = useLocaleText();
  return (
    <FigureCard
      title={translate('app.dashboard.lookup.title', { days: LOOKUP_DAYS })}
      testId="chart-lookup-volumes"
      query={query}
    >
      {(data) => (
        <LineChart
          height={CHART_HEIGHT + 40}
          localeText={localeText}
          xAxis={[{ scaleType: 'point', data: data.days.map((d) => d.day.slice(5)) }]}
          // With no lookups at all the axis still reads 0 … 1, not 0.000.
          yAxis={[{ min: 0, max: data.modes.some((m) => m.total > 0) ? undefined : 1, tickMinStep: 1, width: 56 }]}
          series={data.modes.map((m) => ({
            data: data.days.map((d) => d.byMode[m.mode] ?? 0),
            label: translate('app.dashboard.lookup.series', { label: m.label, total: m.total }),
            showMark: false,
          }))}
        />
      )}
    </FigureCard>
  );
};
