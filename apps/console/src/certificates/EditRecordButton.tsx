import { useState } from 'react';
import { IconButton, Tooltip } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import { useRecordContext } from 'react-admin';
import { EditRecordDialog } from './EditRecordDialog';
import type { CertificateRecord } from '@app/contracts';

/** 修改 one record (an icon: the records table is wide). */
export const EditRecordButton = () => {
  const record = useRecordContext<CertificateRecord>();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Tooltip title="修改记录">
        <IconButton size="small" color="primary" aria-label={`修改第 ${record.rowNumber} 行`} onClick={() => setOpen(true)}>
          <EditIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {open && <EditRecordDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
