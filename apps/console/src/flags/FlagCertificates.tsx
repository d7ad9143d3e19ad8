import { Alert, Box, Chip, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import {
  DataTable,
  ListContextProvider,
  ResourceContextProvider,
  useList,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CERTIFICATE_LEVELS, labelOf, type CertificateLevel, type Role } from '@app/domain';
import type { FlagCertificate, FlagDetail } from '@app/contracts';
import { formatCalendarDay } from '../common/dates';
import { IdNumberField } from '../certificates/IdNumberField';
import { LookupStatusChip } from '../certificates/LookupStatusChip';
import { SuspendCertificateButton } from '../certificates/SuspendCertificateButton';
import { certificateSuspendable, flagActions } from './flagDisplay';

/** The holder over the masked ID number with its audited reveal. */
const HolderCell = () => {
  const certificate = useRecordContext<FlagCertificate>();
  if (!certificate) return null;
  return (
    <>
      <div style={{ whiteSpace: 'nowrap' }}>{certificate.holderName}</div>
      <IdNumberField />
    </>
  );
};

/** The occupation (name and code) and the level, so certifications of one person line up. */
const OccupationLevelCell = () => {
  const certificate = useRecordContext<FlagCertificate>();
  if (!certificate) return null;
  return (
    <>
      <div>
        {certificate.occupationName} · {labelOf(CERTIFICATE_LEVELS, certificate.level as CertificateLevel | null)}
      </div>
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {certificate.occupationCode}
      </Typography>
    </>
  );
};

const CertificateLink = ({ certificate }: { certificate: FlagCertificate }) => (
  <Link component={RouterLink} to={`/certificates/${certificate.id}/show`} data-testid="flag-certificate-link">
    {certificate.certificateNumber}
  </Link>
);

/** What can be done with one linked certificate: suspend it, or follow its re-check while it is suspended. */
const RowAction = ({ flag, certificate }: { flag: FlagDetail; certificate: FlagCertificate }) => {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role[]>();
  if (certificate.openRecheckId != null) {
    return (
      <Link component={RouterLink} to={`/rechecks/${certificate.openRecheckId}/show`} sx={{ whiteSpace: 'nowrap' }}>
        {translate('app.flags.open_recheck')}
      </Link>
    );
  }
  if (!flagActions(flag, permissions ?? []).suspendOne || !certificateSuspendable(certificate)) return null;
  return (
    <SuspendCertificateButton
      certificateId={certificate.id}
      certificateNumber={certificate.certificateNumber}
      flagId={flag.id}
      compact
    />
  );
};

/**
 * The flag's certificates side by side, ID numbers masked with the audited reveal; each opens its certificate
 * page. Columns sort in place, so duplicates and near-duplicates line up.
 */
export const FlagCertificates = ({ flag }: { flag: FlagDetail }) => {
  const translate = useTranslate();
  const listContext = useList<FlagCertificate>({ data: flag.certificates, resource: 'certificates', perPage: 1000 });
  // One institution is named in the flag's header; several get a column.
  const manyInstitutions = new Set(flag.certificates.map((c) => c.institutionId)).size > 1;
  return (
    <Box data-testid="flag-certificates">
      <Typography variant="h6" sx={{ mb: 1 }}>
        {translate('app.flags.certificates', { count: flag.certificateCount })}
      </Typography>
      <ResourceContextProvider value="certificates">
        <ListContextProvider value={listContext}>
          <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& .MuiTableCell-root': { px: 1 } }}>
            <DataTable.Col
              source="certificateNumber"
              render={(c: FlagCertificate) => <CertificateLink certificate={c} />}
            />
            <DataTable.Col source="holderName" render={() => <HolderCell />} />
            {manyInstitutions && (
              <DataTable.Col
                source="institutionName"
                label="resources.batches.fields.institutionName"
                sx={{ minWidth: '8em', maxWidth: '14em', whiteSpace: 'normal' }}
              />
            )}
            <DataTable.Col source="occupationName" render={() => <OccupationLevelCell />} />
            <DataTable.Col
              source="birthDate"
              render={(c: FlagCertificate) => formatCalendarDay(c.birthDate)}
              sx={{ whiteSpace: 'nowrap' }}
            />
            <DataTable.Col
              source="issueDate"
              render={(c: FlagCertificate) => formatCalendarDay(c.issueDate)}
              sx={{ whiteSpace: 'nowrap' }}
            />
            <DataTable.Col
              source="status"
              disableSort
              render={(c: FlagCertificate) => (
                <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
                  <Chip size="small" variant="outlined" label={c.statusLabel} />
                  <LookupStatusChip status={c.lookupStatus} label={c.lookupStatusLabel} />
                </Stack>
              )}
            />
            <DataTable.Col
              label="app.common.actions"
              disableSort
              render={(c: FlagCertificate) => <RowAction flag={flag} certificate={c} />}
            />
          </DataTable>
        </ListContextProvider>
      </ResourceContextProvider>
      {flag.unlisted > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.flags.unlisted', { count: flag.unlisted })}
        </Alert>
      )}
    </Box>
  );
};
