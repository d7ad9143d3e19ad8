import { Stack } from '@mui/material';
import type { LookupResults } from '@app/contracts';
import { CertificateCard } from './CertificateCard';
import { NotFoundNotice } from './NotFoundNotice';

/** A query's answer: one card per certificate, or seed 000's "nothing found" notice. */
export function ResultList({ results }: { results: LookupResults }) {
  if (results.results.length === 0) return <NotFoundNotice />;
  return (
    <Stack spacing={2} data-testid="results">
      {results.results.map((certificate, index) => (
        <CertificateCard key={`${certificate.certificateNumber}-${index}`} certificate={certificate} />
      ))}
    </Stack>
  );
}
