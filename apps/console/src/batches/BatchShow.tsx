import { Divider } from '@mui/material';
import { Show, TabbedShowLayout, useRecordContext } from 'react-admin';
import { ShowLoadError } from '../common/RecordLoadError';
import { BatchHeader } from './BatchHeader';
import { BatchHistory } from './review/BatchHistory';
import { BatchRecords } from './BatchRecords';
import { BatchShowActions } from './BatchShowActions';
import type { BatchView } from '@app/contracts';

const BatchTitle = () => {
  const batch = useRecordContext<BatchView>();
  return <span>{batch ? `批次 #${batch.id} · ${batch.institutionName}` : '批次'}</span>;
};

export const BatchShow = () => (
  <Show title={<BatchTitle />} actions={<BatchShowActions />} redirectOnError={false} error={<ShowLoadError />}>
    <BatchHeader />
    <Divider />
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.certificates.name">
        <BatchRecords label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.batches.history" path="history">
        <BatchHistory label={false} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
