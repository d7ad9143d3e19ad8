import { Box, Divider, Typography } from '@mui/material';
import FlagIcon from '@mui/icons-material/OutlinedFlag';
import { Link as RouterLink } from 'react-router-dom';
import { Button, Show, TopToolbar, usePermissions, useRecordContext, useTranslate, Translate } from 'react-admin';
import { hasPermission, type Role } from '@app/domain';
import { ShowLoadError } from '../common/RecordLoadError';
import { CertificateRequestButtons } from '../corrections/CertificateRequestButtons';
import { CertificateVersions } from '../corrections/CertificateVersions';
import { certificateSuspendable } from '../flags/flagDisplay';
import { CertificateFacts, type CertificatePageRecord } from './CertificateFacts';
import { CertificateHistory } from './CertificateHistory';
import { SuspendCertificateButton } from './SuspendCertificateButton';

const CertificateTitle = () => {
  const record = useRecordContext<CertificatePageRecord>();
  return (
    <span>
      {record ? (
        <Translate
          i18nKey="app.certificate_page.title"
          options={{ number: record.certificateNumber, name: record.holderName }}
        />
      ) : (
        <Translate i18nKey="app.certificate_page.name" />
      )}
    </span>
  );
};

/**
 * This certificate's flags in 疑似问题 (every status), 暂停查询 for the national reviewer, and its corrections: edit in
 * place, 申请修改 / 申请删除 by role and status, its requests.
 */
const CertificateActions = () => {
  const record = useRecordContext<CertificatePageRecord>();
  const { permissions } = usePermissions<Role[]>();
  const roles = permissions ?? [];
  if (!record) return <TopToolbar />;
  const flagsLink = `/flags?${new URLSearchParams({ filter: JSON.stringify({ certificateId: record.id }) })}`;
  return (
    <TopToolbar>
      {hasPermission(roles, 'flags.decide') && certificateSuspendable(record) && (
        <SuspendCertificateButton certificateId={record.id} certificateNumber={record.certificateNumber} />
      )}
      <CertificateRequestButtons certificate={record} />
      {hasPermission(roles, 'flags.read') && (
        <Button component={RouterLink} to={flagsLink} label="app.certificate_page.flags">
          <FlagIcon />
        </Button>
      )}
    </TopToolbar>
  );
};

/** the certificate's versions side by side, what each correction changed highlighted. */
const VersionsSection = () => {
  const translate = useTranslate();
  const record = useRecordContext<CertificatePageRecord>();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h6" gutterBottom>
        {translate('app.corrections.versions.title')}
      </Typography>
      <CertificateVersions certificateId={record.id} />
    </Box>
  );
};

const HistorySection = () => {
  const translate = useTranslate();
  const record = useRecordContext<CertificatePageRecord>();
  if (!record) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h6" gutterBottom>
        {translate('app.certificate_page.history')}
      </Typography>
      <CertificateHistory certificateId={record.id} />
    </Box>
  );
};

/**
 * 证书 page: the record with its review and lookup status, its versions side by side, and one
 * history of publication, flags, suspension and re-check decisions.
 */
export const CertificateShow = () => (
  <Show title={<CertificateTitle />} actions={<CertificateActions />} redirectOnError={false} error={<ShowLoadError />}>
    <Box sx={{ p: 2 }}>
      <CertificateFacts />
      <Divider sx={{ mt: 1 }} />
      <VersionsSection />
      <HistorySection />
    </Box>
  </Show>
);
