import { useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useRecordContext, useTranslate } from 'react-admin';
import { EditRecordDialog } from './EditRecordDialog';
import type { CertificateRecord } from '@app/contracts';

/** 修改 one record (an icon: the records table is wide). */
export const EditRecordButton = () => {
  const translate = useTranslate();
  const record = useRecordContext<CertificateRecord>();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Tooltip title={translate('app.certificates.edit_record')}>
        <IconButton
          size="small"
          color="primary"
          aria-label={translate('app.certificates.edit_row', { row: record.rowNumber })}
          onClick={() => setOpen(true)}
        >
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {open && <EditRecordDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
