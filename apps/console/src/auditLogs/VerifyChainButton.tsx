import { useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify, Translate } from 'react-admin';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import type { ChainVerification } from '@app/contracts';

/** recompute the hash chain on the server and say whether, and where, it is broken. */
export const VerifyChainButton = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [report, setReport] = useState<ChainVerification | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.verifyAuditChain(),
    onSuccess: setReport,
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <Button
        label={isPending ? 'app.audit_logs.verify.running' : 'app.audit_logs.verify.button'}
        onClick={() => mutate()}
        disabled={isPending}
      >
        <VerifiedUserIcon />
      </Button>
      <Dialog open={report !== null} onClose={() => setReport(null)} maxWidth="sm" fullWidth>
        <DialogTitle>
          <Translate i18nKey="app.audit_logs.verify.title" />
        </DialogTitle>
        <DialogContent>
          {report?.ok ? (
            <Alert severity="success" data-testid="audit-verify-result">
              <Translate i18nKey="app.audit_logs.verify.intact" options={{ checked: report.checked }} />
            </Alert>
          ) : (
            <Alert severity="error" data-testid="audit-verify-result">
              <Translate
                i18nKey="app.audit_logs.verify.broken"
                options={{ id: report?.firstBrokenId ?? '?', checked: report?.checked ?? 0 }}
              />
              {report?.reason ? (
                <Translate i18nKey="app.audit_logs.verify.reason" options={{ reason: report.reason }} />
              ) : (
                ''
              )}
              <Translate i18nKey="app.audit_logs.verify.report" />
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setReport(null)}>
            <Translate i18nKey="ra.action.close" />
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
