import { useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, useDataProvider, useGetIdentity, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { TemplateDownloadButton } from './TemplateDownloadButton';
import type { BatchView } from '@app/contracts';
import { UploadOutcome } from './UploadOutcome';
import { useSheetUpload } from './useSheetUpload';
import { XlsxFilePicker } from './XlsxFilePicker';

/** 重新上传更正数据: a corrected sheet replaces all records of the returned batch, validated like an upload. */
export const ReuploadButton = () => {
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
    const reply = await run((callbacks) => dataProvider.reuploadBatch<BatchView>(batch.id, file, callbacks, forInstitution ? proxyReason.trim() || undefined : undefined));
    if (!reply) return;
    notify(`更正数据已上传，批次现有 ${reply.recordCount} 条记录。核对无误后请重新提交。`, { type: 'success' });
    refresh();
    close();
  };

  return (
    <>
      <Button label="重新上传更正数据" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} maxWidth="md" fullWidth>
        <DialogTitle>重新上传更正数据：批次 #{batch.id}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            上传的表格将整体替换本批次现有的 {batch.recordCount} 条记录（原记录留档可查）。可在退回原因所列记录的基础上修改后上传；校验不通过时不作任何更改。
          </Alert>
          {forInstitution && (
            <TextField
              label="代为上传原因"
              value={proxyReason}
              onChange={(event) => setProxyReason(event.target.value)}
              disabled={busy}
              multiline
              fullWidth
              slotProps={{ htmlInput: { maxLength: 500 } }}
              helperText="技能中心代评价机构重新上传须写明原因；已主体灭失机构的数据由中心维护，可不填"
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
            取消
          </MuiButton>
          <MuiButton variant="contained" startIcon={<UploadFileIcon />} onClick={upload} disabled={busy || !file}>
            上传并校验
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
