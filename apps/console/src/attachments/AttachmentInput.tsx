import { useRef, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  FormControl,
  FormLabel,
  IconButton,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import DownloadIcon from '@mui/icons-material/Download';
import {
  InputHelperText,
  useDataProvider,
  useGetList,
  useGetMany,
  useInput,
  useNotify,
  useTranslate,
  type Validator,
} from 'react-admin';
import {
  ATTACHMENT_CONTENT_TYPE_LABELS,
  ATTACHMENT_PURPOSE_LABELS,
  type AttachmentPurpose,
  type AttachmentView,
} from '@app/contracts';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { session } from '../providers/session';
import { ATTACHMENT_ACCEPT, fileSizeText, inIdOrder, shortSha256, withId } from './attachmentText';

export interface AttachmentInputProps {
  /** The form field: a list of attachment ids. */
  source: string;
  /** What a new upload is (附件4, 附件5-1, 附件5-2 …); also which earlier uploads are offered. */
  purpose: AttachmentPurpose;
  /** i18n key or text; the purpose's form title by default. */
  label?: string;
  helperText?: string;
  validate?: Validator | Validator[];
  /** Offer the organisation's earlier uploads of this purpose (an attachment may back several requests). */
  pickExisting?: boolean;
  disabled?: boolean;
}

type UploadState =
  { phase: 'idle' } | { phase: 'uploading'; percent: number | null } | { phase: 'failed'; message: string };

/**
 * attachments of a form — upload a scan (PDF, JPEG, PNG; the API checks the content and the size) or pick one
 * the organisation uploaded before. The value is the list of attachment ids; each chosen one shows its name, size
 * and checksum, and can be downloaded or removed from the form (the attachment itself stays).
 */
export const AttachmentInput = ({
  source,
  purpose,
  label,
  helperText,
  validate,
  pickExisting = true,
  disabled = false,
}: AttachmentInputProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' });
  const { id, field, fieldState, isRequired } = useInput({ source, defaultValue: [], validate });
  const ids: number[] = Array.isArray(field.value) ? (field.value as number[]) : [];
  const { data: chosenRows = [] } = useGetMany<AttachmentView>('attachments', { ids }, { enabled: ids.length > 0 });
  const chosen = inIdOrder(ids, chosenRows);
  const organisationId = session.user()?.organisationId;
  const { data: earlier = [] } = useGetList<AttachmentView>(
    'attachments',
    {
      filter: { organisationId, purpose: [purpose] },
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'id', order: 'DESC' },
    },
    { enabled: pickExisting && organisationId != null },
  );
  const offered = earlier.filter((a) => !ids.includes(a.id));
  const uploading = upload.phase === 'uploading';

  const send = async (file: File) => {
    setUpload({ phase: 'uploading', percent: 0 });
    try {
      const reply = await dataProvider.uploadAttachment(
        { file, purpose },
        {
          onProgress: ({ loaded, total }) =>
            setUpload({ phase: 'uploading', percent: total > 0 ? Math.round((loaded * 100) / total) : null }),
        },
      );
      field.onChange(withId(ids, reply.id));
      field.onBlur();
      setUpload({ phase: 'idle' });
      notify('app.attachments.uploaded', { type: 'success', messageArgs: { name: reply.fileName } });
    } catch (error) {
      const message = (error as Error).message;
      setUpload({ phase: 'failed', message: translate(message, { _: message }) });
    }
  };

  const title = label ? translate(label, { _: label }) : ATTACHMENT_PURPOSE_LABELS[purpose];
  return (
    <FormControl
      fullWidth
      margin="dense"
      error={fieldState.invalid}
      data-testid={`attachment-input-${source}`}
      sx={{ mb: 2 }}
    >
      <FormLabel htmlFor={id} required={isRequired} sx={{ mb: 0.5 }}>
        {title}
      </FormLabel>
      {chosen.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.attachments.none')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {chosen.map((attachment) => (
            <ListItem
              key={attachment.id}
              disableGutters
              data-testid="attachment-chosen"
              secondaryAction={
                <>
                  <Tooltip title={translate('app.attachments.download')}>
                    <IconButton
                      aria-label={translate('app.attachments.download')}
                      onClick={() => {
                        dataProvider
                          .downloadAttachment(attachment.id)
                          .catch((error: Error) => notify(error.message, { type: 'error' }));
                      }}
                    >
                      <DownloadIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={translate('app.attachments.remove')}>
                    <span>
                      <IconButton
                        aria-label={translate('app.attachments.remove')}
                        disabled={disabled}
                        onClick={() => field.onChange(ids.filter((x) => x !== attachment.id))}
                      >
                        <CloseIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                </>
              }
            >
              <ListItemText
                primary={attachment.fileName}
                secondary={translate('app.attachments.summary', {
                  type: ATTACHMENT_CONTENT_TYPE_LABELS[attachment.contentType],
                  size: fileSizeText(attachment.size),
                  sha256: shortSha256(attachment.sha256),
                })}
                slotProps={{ secondary: { title: attachment.sha256 } }}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
        <Button
          variant="outlined"
          startIcon={<AttachFileIcon />}
          disabled={disabled || uploading}
          onClick={() => fileInput.current?.click()}
        >
          {translate('app.attachments.upload')}
        </Button>
        <input
          ref={fileInput}
          id={id}
          type="file"
          accept={ATTACHMENT_ACCEPT}
          hidden
          aria-label={translate('app.attachments.upload')}
          data-testid="attachment-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Choosing the same file again (after fixing a refusal) must fire again.
            event.target.value = '';
            if (file) void send(file);
          }}
        />
        {pickExisting && (
          <Autocomplete
            size="small"
            sx={{ minWidth: 280, flex: 1 }}
            options={offered}
            value={null}
            disabled={disabled || uploading}
            getOptionLabel={(a) =>
              translate('app.attachments.option', {
                name: a.fileName,
                size: fileSizeText(a.size),
                uploader: a.uploadedByName ?? '',
              })
            }
            noOptionsText={translate('app.attachments.pick_none')}
            onChange={(_event, picked) => {
              if (picked) field.onChange(withId(ids, picked.id));
            }}
            renderInput={(params) => <TextField {...params} label={translate('app.attachments.pick')} />}
          />
        )}
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 0.5 }}>
        {translate('app.attachments.accept_hint')}
      </Typography>
      {upload.phase === 'uploading' && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2">
            {translate('app.attachments.uploading', { percent: upload.percent != null ? ` ${upload.percent}%` : '' })}
          </Typography>
          <LinearProgress
            variant={upload.percent != null ? 'determinate' : 'indeterminate'}
            value={upload.percent ?? undefined}
          />
        </Box>
      )}
      {upload.phase === 'failed' && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="attachment-upload-error">
          {upload.message}
        </Alert>
      )}
      <InputHelperText error={fieldState.error?.message} helperText={helperText} />
    </FormControl>
  );
};
