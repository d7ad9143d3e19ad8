import { DataTable, List, SelectInput, TextInput, useRecordContext } from 'react-admin';
import {
  JOB_OUTCOME_LABELS,
  JOB_OUTCOMES,
  JOB_TRIGGER_LABELS,
  jobCountsText,
  jobLabel,
  type JobRunView,
} from '@app/contracts';
import { BeijingDateTimeField } from '../common/fields';
import { JobOutcomeChip } from './JobOutcomeChip';

const outcomeChoices = JOB_OUTCOMES.map((id) => ({ id, name: JOB_OUTCOME_LABELS[id] }));

const TriggerField = () => {
  const run = useRecordContext<JobRunView>();
  return run ? <span>{JOB_TRIGGER_LABELS[run.trigger] ?? run.trigger}</span> : null;
};

const OutcomeField = () => {
  const run = useRecordContext<JobRunView>();
  return run ? <JobOutcomeChip outcome={run.outcome} /> : null;
};

/** What the run did, in words (e.g. "摘要邮件 3，无邮箱跳过人数 1"). */
const CountsField = () => {
  const run = useRecordContext<JobRunView>();
  if (!run?.counts) return null;
  return <span data-testid="run-counts">{jobCountsText(run.counts)}</span>;
};

/** The job's Chinese name; its code as a hint. */
const JobField = () => {
  const run = useRecordContext<JobRunView>();
  return run ? <span title={run.job}>{jobLabel(run.job)}</span> : null;
};

function runFilters(jobNames?: readonly string[]) {
  return [
    jobNames ? (
      <SelectInput
        key="job"
        source="job"
        choices={jobNames.map((name) => ({ id: name, name: jobLabel(name) }))}
        translateChoice={false}
        alwaysOn
        sx={{ minWidth: 200 }}
      />
    ) : (
      <TextInput key="job" source="job" alwaysOn />
    ),
    <SelectInput
      key="outcome"
      source="outcome"
      choices={outcomeChoices}
      translateChoice={false}
      alwaysOn
      sx={{ minWidth: 160 }}
    />,
  ];
}

/**
 * R-37 run history, newest first, filtered by job and outcome. On the 定时任务 page it is embedded
 * (`embedded`: its filters stay out of the address bar) and offers the registered jobs' names.
 */
export const JobRunList = ({ embedded = false, jobNames }: { embedded?: boolean; jobNames?: readonly string[] }) => (
  <List
    resource="job-runs"
    title={embedded ? false : 'app.jobs.history'}
    filters={runFilters(jobNames)}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={10}
    exporter={false}
    empty={false}
    disableSyncWithLocation={embedded}
    storeKey={embedded ? false : undefined}
  >
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="job" field={JobField} />
      <DataTable.Col source="trigger" field={TriggerField} disableSort />
      <DataTable.Col source="startedAt" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="finishedAt" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="outcome" field={OutcomeField} />
      <DataTable.Col source="counts" field={CountsField} disableSort />
      <DataTable.Col source="instance" disableSort />
      <DataTable.Col source="error" disableSort />
    </DataTable>
  </List>
);
