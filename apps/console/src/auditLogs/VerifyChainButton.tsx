import { useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { useMutation } from '@tanstack/react-query';
import { Button, useDataProvider, useNotify } from 'react-admin';
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
      <Button label={isPending ? '校验中…' : '校验日志链'} onClick={() => mutate()} disabled={isPending}>
        <VerifiedUserIcon />
      </Button>
      <Dialog open={report !== null} onClose={() => setReport(null)} maxWidth="sm" fullWidth>
        <DialogTitle>日志链校验结果</DialogTitle>
        <DialogContent>
          {report?.ok ? (
            <Alert severity="success" data-testid="audit-verify-result">
              日志链完整：已校验 {report.checked} 条记录，未发现篡改或缺失。
            </Alert>
          ) : (
            <Alert severity="error" data-testid="audit-verify-result">
              日志链在第 {report?.firstBrokenId ?? '?'} 号记录处断裂（已校验 {report?.checked ?? 0} 条）。
              {report?.reason ? `原因：${report.reason}` : ''}
              请立即报告安全管理员，并保留现场。
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setReport(null)}>关闭</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
