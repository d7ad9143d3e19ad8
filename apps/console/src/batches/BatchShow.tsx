import { Divider } from '@mui/material';
import { Show, TabbedShowLayout, useRecordContext, Translate } from 'react-admin';
import { ShowLoadError } from '../common/RecordLoadError';
import { BatchHeader } from './BatchHeader';
import { BatchHistory } from './review/BatchHistory';
import { BatchRecords } from './BatchRecords';
import { BatchShowActions } from './BatchShowActions';
import type { BatchView } from '@app/contracts';

const BatchTitle = () => {
  const batch = useRecordContext<BatchView>();
  return (
    <span>
      {batch ? (
        <Translate i18nKey="app.batches.show_title" options={{ id: batch.id, institution: batch.institutionName }} />
      ) : (
        <Translate i18nKey="resources.batches.name" />
      )}
    </span>
  );
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
