import { useState } from 'react';
import EditIcon from '@mui/icons-material/Edit';
import { Button, useRecordContext } from 'react-admin';
import { EditRecordDialog } from './EditRecordDialog';
import type { CertificateRecord } from './types';

export const EditRecordButton = () => {
  const record = useRecordContext<CertificateRecord>();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      <Button label="修改" onClick={() => setOpen(true)}>
        <EditIcon />
      </Button>
      {open && <EditRecordDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
};
