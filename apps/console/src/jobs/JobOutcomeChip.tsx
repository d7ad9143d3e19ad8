import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { JOB_OUTCOME_LABELS, type JobOutcome } from '@app/contracts';

const COLORS: Record<JobOutcome, 'success' | 'error' | 'default'> = {
  succeeded: 'success',
  failed: 'error',
  skipped: 'default',
};

/** A run's outcome; null while the run is under way. */
export const JobOutcomeChip = ({ outcome }: { outcome: JobOutcome | null }) => {
  const translate = useTranslate();
  if (outcome === null) {
    return <Chip size="small" color="info" variant="outlined" label={translate('app.jobs.running')} />;
  }
  return (
    <Chip
      size="small"
      color={COLORS[outcome] ?? 'default'}
      variant={outcome === 'succeeded' ? 'outlined' : 'filled'}
      label={JOB_OUTCOME_LABELS[outcome] ?? outcome}
      data-outcome={outcome}
    />
  );
};
