import {
  Alert,
  Box,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, Translate, useDataProvider, useTranslate } from 'react-admin';
import { jobLabel, type JobView } from '@app/contracts';
import { formatBeijingDateTime } from '../common/dates';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { cronInWords } from './cronText';
import { JobOutcomeChip } from './JobOutcomeChip';
import { JobRunList } from './JobRunList';
import { RunJobButton } from './RunJobButton';

const LastRun = ({ job }: { job: JobView }) => {
  if (!job.lastRun) {
    return (
      <Typography variant="body2" color="text.secondary">
        <Translate i18nKey="app.jobs.never_run" />
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <span>{formatBeijingDateTime(job.lastRun.startedAt)}</span>
      <JobOutcomeChip outcome={job.lastRun.outcome} />
    </Stack>
  );
};

/** the registered jobs (schedule in words, next and last run, 立即运行) above their run history. */
export const JobsPage = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const { data: jobs, isPending, isError } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.getJobs() });
  const column = (field: string) => translate(`app.jobs.fields.${field}`);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.jobs.title" />
      <Card>
        <CardContent>
          {isError ? (
            <Alert severity="error">
              <Translate i18nKey="app.jobs.load_error" />
            </Alert>
          ) : !isPending && jobs.length === 0 ? (
            <Alert severity="info" data-testid="jobs-empty">
              <Translate i18nKey="app.jobs.empty" />
            </Alert>
          ) : (
            <Table size="small" data-testid="jobs-table">
              <TableHead>
                <TableRow>
                  {['name', 'description', 'cron', 'nextRunAt', 'lastRun'].map((field) => (
                    <TableCell key={field}>{column(field)}</TableCell>
                  ))}
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {(jobs ?? []).map((job) => (
                  <TableRow key={job.name} data-job={job.name}>
                    <TableCell title={job.name}>{jobLabel(job.name)}</TableCell>
                    <TableCell>{job.description}</TableCell>
                    <TableCell title={job.cron}>{cronInWords(job.cron, translate)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatBeijingDateTime(job.nextRunAt)}</TableCell>
                    <TableCell>
                      <LastRun job={job} />
                    </TableCell>
                    <TableCell align="right">
                      <RunJobButton name={job.name} label={jobLabel(job.name)} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Typography variant="h6" sx={{ mt: 3 }}>
        <Translate i18nKey="app.jobs.history" />
      </Typography>
      <Box data-testid="job-runs">
        <JobRunList embedded jobNames={jobs?.map((job) => job.name)} />
      </Box>
    </Box>
  );
};
