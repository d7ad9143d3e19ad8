import { Chip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { CERTIFICATE_LEVELS, labelOf } from '@app/domain';
import { CERTIFICATE_STATUS_LABELS } from '@app/contracts';
import type { CertificateRecord } from '@app/contracts';

const STATUS_COLORS = { draft: 'default', in_review: 'info', returned: 'warning', published: 'success' } as const;

export const CertificateStatusField = () => {
  const record = useRecordContext<CertificateRecord>();
  if (!record) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={STATUS_COLORS[record.status]}
      label={CERTIFICATE_STATUS_LABELS[record.status]}
    />
  );
};

export const LevelField = () => {
  const record = useRecordContext<CertificateRecord>();
  return record ? <span>{labelOf(CERTIFICATE_LEVELS, record.level)}</span> : null;
};

/** The occupation's name over its code. */
export const OccupationField = () => {
  const record = useRecordContext<CertificateRecord>();
  if (!record) return null;
  return (
    <>
      <div>{record.occupationName}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {record.occupationCode}
      </Typography>
    </>
  );
};
