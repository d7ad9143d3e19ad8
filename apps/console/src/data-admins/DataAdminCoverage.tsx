import { Alert, AlertTitle, Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';

/** the municipal centres within jurisdiction that have no active data administrator. */
export const DataAdminCoverage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data } = useQuery({
    queryKey: ['data-administrators', 'coverage'],
    queryFn: () => dataProvider.getDataAdminCoverage(),
  });
  if (!data || data.length === 0) return null;
  return (
    <Box sx={{ ml: 2, mt: 8, width: 280, flexShrink: 0 }}>
      <Alert severity="warning" data-testid="data-admin-coverage">
        <AlertTitle>{translate('app.data_admins.coverage_title')}</AlertTitle>
        {data.map((gap) => (
          <div key={gap.organisationId}>
            {gap.pending > 0
              ? translate('app.data_admins.coverage_pending', { name: gap.name, n: gap.pending })
              : translate('app.data_admins.coverage_none', { name: gap.name })}
          </div>
        ))}
      </Alert>
    </Box>
  );
};
