import { useState } from 'react';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  DataTable,
  Form,
  List,
  SelectInput,
  TopToolbar,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import {
  ATTACHMENT_CONTENT_TYPE_LABELS,
  ATTACHMENT_PURPOSE_SHORT_LABELS,
  ATTACHMENT_PURPOSES,
  type AttachmentPurpose,
  type AttachmentView,
} from '@app/contracts';
import { BeijingDateTimeField } from '../common/fields';
import { KeywordSearchInput } from '../common/KeywordSearchInput';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { AttachmentInput } from './AttachmentInput';
import { fileSizeText, shortSha256 } from './attachmentText';

const purposeChoices = ATTACHMENT_PURPOSES.map((id) => ({ id, name: ATTACHMENT_PURPOSE_SHORT_LABELS[id] }));

const attachmentFilters = [
  <KeywordSearchInput key="q" source="q" placeholder="resources.attachments.fields.q" alwaysOn />,
  <SelectInput
    key="purpose"
    source="purpose"
    choices={purposeChoices}
    translateChoice={false}
    alwaysOn
    sx={{ minWidth: 200 }}
  />,
];

const PurposeField = (_props: { source?: string }) => {
  const record = useRecordContext<AttachmentView>();
  return record ? <span>{ATTACHMENT_PURPOSE_SHORT_LABELS[record.purpose]}</span> : null;
};

const SizeField = (_props: { source?: string }) => {
  const record = useRecordContext<AttachmentView>();
  return record ? <span>{fileSizeText(record.size)}</span> : null;
};

const TypeField = (_props: { source?: string }) => {
  const record = useRecordContext<AttachmentView>();
  return record ? <span>{ATTACHMENT_CONTENT_TYPE_LABELS[record.contentType]}</span> : null;
};

const Sha256Field = (_props: { source?: string }) => {
  const record = useRecordContext<AttachmentView>();
  return record ? (
    <span title={record.sha256} style={{ fontFamily: 'monospace' }}>
      {shortSha256(record.sha256)}
    </span>
  ) : null;
};

const DownloadButton = () => {
  const record = useRecordContext<AttachmentView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  if (!record) return null;
  return (
    <Button
      label="app.attachments.download"
      onClick={(event) => {
        event.stopPropagation();
        dataProvider.downloadAttachment(record.id).catch((error: Error) => notify(error.message, { type: 'error' }));
      }}
    >
      <DownloadIcon />
    </Button>
  );
};

/** The purpose chosen in the dialog decides what the input uploads as. */
const UploadFields = () => {
  const purpose = useWatch({ name: 'purpose' }) as AttachmentPurpose;
  return (
    <>
      <SelectInput source="purpose" choices={purposeChoices} translateChoice={false} fullWidth />
      <AttachmentInput
        source="attachmentIds"
        purpose={purpose}
        label="app.attachments.uploaded_now"
        pickExisting={false}
      />
    </>
  );
};

/** 上传附件: uploads for the signed-in person's organisation, outside any request (forms cite them later). */
const UploadButton = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    refresh();
  };
  return (
    <>
      <Button label="app.attachments.upload_title" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
        <Form defaultValues={{ purpose: 'erratum_statement', attachmentIds: [] }}>
          <DialogTitle>{translate('app.attachments.upload_title')}</DialogTitle>
          <DialogContent>
            <UploadFields />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={close}>{translate('app.attachments.done')}</MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

/** the attachments within the reader's jurisdiction, newest first; each download is audited. */
export const AttachmentList = () => (
  <List
    title="app.attachments.title"
    filters={attachmentFilters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={false}
    actions={
      <TopToolbar>
        <UploadButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="id" />
      <DataTable.Col source="fileName" />
      <DataTable.Col source="purpose" field={PurposeField} />
      <DataTable.Col source="contentType" field={TypeField} disableSort />
      <DataTable.Col source="size" field={SizeField} />
      <DataTable.Col source="sha256" field={Sha256Field} disableSort />
      <DataTable.Col source="organisationName" disableSort />
      <DataTable.Col source="uploadedByName" disableSort />
      <DataTable.Col source="uploadedAt" field={BeijingDateTimeField} sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col label="app.attachments.download" disableSort>
        <DownloadButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
