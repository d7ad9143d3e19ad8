import { useRef } from 'react';
import { Box, Button, Typography } from '@mui/material';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useTranslate } from 'react-admin';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

interface Props {
  file: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
}

/** Picks one .xlsx (the API checks the content; this only narrows the file dialog). */
export const XlsxFilePicker = ({ file, onChange, disabled }: Props) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <Button
        variant="outlined"
        startIcon={<AttachFileIcon />}
        onClick={() => input.current?.click()}
        disabled={disabled}
      >
        {translate('app.upload.choose_file')}
      </Button>
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        hidden
        aria-label={translate('app.upload.choose_file')}
        data-testid="xlsx-file-input"
        onChange={(event) => {
          onChange(event.target.files?.[0] ?? null);
          // Choosing the same (corrected) file again must fire onChange again.
          event.target.value = '';
        }}
      />
      <Typography variant="body2" sx={{ color: file ? 'text.primary' : 'text.secondary' }}>
        {file ? `${file.name}（${sizeText(file.size)}）` : translate('app.upload.no_file')}
      </Typography>
    </Box>
  );
};
