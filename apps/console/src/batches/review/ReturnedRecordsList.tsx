import { Box, Typography } from '@mui/material';
import { useGetMany, useTranslate } from 'react-admin';
import type { CertificateRecord, HistoryEntry } from '@app/contracts';

/** The per-record reasons of a partial return, named by row, holder and certificate number. */
export const ReturnedRecordsList = ({ records }: { records: HistoryEntry['records'] }) => {
  const translate = useTranslate();
  const { data } = useGetMany<CertificateRecord>('certificates', { ids: records.map((r) => r.certificateId) });
  const byId = new Map((data ?? []).map((c) => [c.id, c]));
  return (
    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} data-testid="returned-records">
      {records.map(({ certificateId, reason }) => {
        const certificate = byId.get(certificateId);
        return (
          <Typography component="li" variant="body2" key={certificateId}>
            {certificate
              ? translate('app.review.returned_record', {
                  row: certificate.rowNumber,
                  name: certificate.holderName,
                  number: certificate.certificateNumber,
                })
              : translate('app.review.record_number', { id: certificateId })}
            {translate('app.common.colon')}
            {reason}
          </Typography>
        );
      })}
    </Box>
  );
};
