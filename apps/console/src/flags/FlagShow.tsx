import { useState } from 'react';
import { Box, Divider, LinearProgress } from '@mui/material';
import { ListButton, Show, TopToolbar, usePermissions, useRecordContext, Translate } from 'react-admin';
import type { Role } from '@app/domain';
import type { FlagDetail, SuspendFlagResult } from '@app/contracts';
import { ShowLoadError } from '../common/RecordLoadError';
import { FlagCertificates } from './FlagCertificates';
import { DismissFlagButton, SuspendFlagButton } from './FlagDecisionButtons';
import { flagActions } from './flagDisplay';
import { FlagFacts } from './FlagFacts';
import { SuspendFlagResultDialog } from './SuspendFlagResultDialog';

const FlagTitle = () => {
  const flag = useRecordContext<FlagDetail>();
  return (
    <span>
      {flag ? (
        <Translate i18nKey="app.flags.show_title" options={{ id: flag.id, rule: flag.ruleLabel }} />
      ) : (
        <Translate i18nKey="resources.flags.name" />
      )}
    </span>
  );
};

/** 排除 and 暂停查询（全部） for the national reviewer; the suspension's result stays open after the page refreshes. */
const FlagShowActions = () => {
  const flag = useRecordContext<FlagDetail>();
  const { permissions } = usePermissions<Role[]>();
  const [result, setResult] = useState<SuspendFlagResult | null>(null);
  const can = flag ? flagActions(flag, permissions ?? []) : null;
  return (
    <TopToolbar>
      {flag && can?.dismiss && <DismissFlagButton flag={flag} />}
      {flag && can?.suspendAll && <SuspendFlagButton flag={flag} onDone={setResult} />}
      <ListButton label="app.flags.back_to_list" />
      {result && <SuspendFlagResultDialog result={result} onClose={() => setResult(null)} />}
    </TopToolbar>
  );
};

/**
 * Coming from the list, the page first shows the list's row (no evidence yet) while the detail loads.
 */
const Certificates = () => {
  const flag = useRecordContext<FlagDetail>();
  if (!flag) return null;
  return (
    <Box sx={{ p: 2 }}>{Array.isArray(flag.certificates) ? <FlagCertificates flag={flag} /> : <LinearProgress />}</Box>
  );
};

/** One flag: what crossed the threshold, its figures, the certificates side by side, the decision. */
export const FlagShow = () => (
  <Show title={<FlagTitle />} actions={<FlagShowActions />} redirectOnError={false} error={<ShowLoadError />}>
    <FlagFacts />
    <Divider />
    <Certificates />
  </Show>
);
