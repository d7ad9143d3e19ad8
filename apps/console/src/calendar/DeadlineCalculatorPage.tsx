import { useState } from 'react';
import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { Title, useTranslate, Translate } from 'react-admin';
import type { DeadlineQuery } from '@app/contracts';
import { DeadlineForm } from './DeadlineForm';
import { DeadlineResultCard } from './DeadlineResultCard';
import { useDeadline } from './hooks';

/** 期限计算器: any step's due date as the server computes it, with its explanation. */
export const DeadlineCalculatorPage = () => {
  const translate = useTranslate();
  const [query, setQuery] = useState<DeadlineQuery | null>(null);
  const { data, error, isFetching } = useDeadline(query);
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.menu.deadline_calculator" />
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        <Translate i18nKey="app.calendar.calculator_intro" />
      </Typography>
      <DeadlineForm onSubmit={setQuery} />
      <Box sx={{ height: 4, mt: 1 }}>{isFetching && <LinearProgress />}</Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="deadline-error">
          {translate(error.message, { _: error.message })}
        </Alert>
      )}
      {data && !error && <DeadlineResultCard result={data} />}
    </Box>
  );
};
