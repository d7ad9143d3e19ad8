import { useState } from 'react';
import { Button } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useDataProvider, useNotify, Translate } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import type { BatchKind } from '@app/contracts';

/** the import template of the chosen kind (a bearer-token download, not a plain link). */
export const TemplateDownloadButton = ({ kind }: { kind: BatchKind }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [pending, setPending] = useState(false);
  return (
    <Button
      startIcon={<DownloadIcon />}
      disabled={pending}
      onClick={() => {
        setPending(true);
        dataProvider
          .downloadBatchTemplate(kind)
          .catch((error: Error) => notify(error.message, { type: 'error' }))
          .finally(() => setPending(false));
      }}
    >
      <Translate i18nKey="app.upload.download_template" />
    </Button>
  );
};
