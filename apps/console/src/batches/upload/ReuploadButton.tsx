import { useState } from 'react';
import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Button,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { TemplateDownloadButton } from './TemplateDownloadButton';
import type { BatchView } from '@app/contracts';
import { UploadOutcome } from './UploadOutcome';
import { useSheetUpload } from './useSheetUpload';
import { XlsxFilePicker } from './XlsxFilePicker';

/** 重新上传更正数据: a corrected sheet replaces all records of the returned batch, validated like an upload. */
export const ReuploadButton = () => {
  const translate = useTranslate();
  const batch = useRecordContext<BatchView>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [proxyReason, setProxyReason] = useState('');
  const { identity } = useGetIdentity();
  // a centre re-uploading for an institution records why.
  const forInstitution = identity != null && identity.organisationLevel !== 'institution';
  const { state, run, reset, busy } = useSheetUpload();
  if (!batch) return null;

  const close = () => {
    setOpen(false);
    setFile(null);
    setProxyReason('');
    reset();
  };
  const upload = async () => {
    if (!file) return;
    const reply = await run((callbacks) =>
      dataProvider.reuploadBatch<BatchView>(
        batch.id,
        file,
        callbacks,
        forInstitution ? proxyReason.trim() || undefined : undefined,
      ),
    );
    if (!reply) return;
    notify('app.upload.reuploaded', { type: 'success', messageArgs: { count: reply.recordCount } });
    refresh();
    close();
  };

  return (
    <>
      <Button label="app.upload.reupload" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} maxWidth="md" fullWidth>
        <DialogTitle>{translate('app.upload.reupload_title', { id: batch.id })}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.upload.reupload_explanation', { count: batch.recordCount })}
          </Alert>
          {forInstitution && (
            <TextField
              label={translate('resources.batches.fields.proxyReason')}
              value={proxyReason}
              onChange={(event) => setProxyReason(event.target.value)}
              disabled={busy}
              multiline
              fullWidth
              slotProps={{ htmlInput: { maxLength: 500 } }}
              helperText={translate('app.upload.reupload_proxy_help')}
              sx={{ mb: 2 }}
            />
          )}
          <XlsxFilePicker
            file={file}
            disabled={busy}
            onChange={(chosen) => {
              setFile(chosen);
              reset();
            }}
          />
          <UploadOutcome state={state} />
        </DialogContent>
        <DialogActions>
          <TemplateDownloadButton kind={batch.kind} />
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton
            variant="contained"
            startIcon={<UploadFileIcon />}
            onClick={() => void upload()}
            disabled={busy || !file}
          >
            {translate('app.upload.submit')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
