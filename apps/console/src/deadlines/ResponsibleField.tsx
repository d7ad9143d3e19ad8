import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { DeadlineItem } from '@app/contracts';

/** Who must act: the organisation and the role that decides there. */
export const ResponsibleField = () => {
  const item = useRecordContext<DeadlineItem>();
  if (!item) return null;
  return (
    <>
      <div>{item.responsibleOrganisation}</div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {item.responsibleRole}
      </Typography>
    </>
  );
};
