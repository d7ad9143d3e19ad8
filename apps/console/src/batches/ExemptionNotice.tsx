import { Alert, AlertTitle } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatBeijingDateTime } from '../common/dates';
import type { BatchView } from '@app/contracts';

/** the provincial centre's recorded exemption from the 6-month acceptance cutoff. */
export const ExemptionNotice = () => {
  const batch = useRecordContext<BatchView>();
  const exemption = batch?.exemption;
  if (!exemption) return null;
  return (
    <Alert severity="info" sx={{ mt: 1 }} data-testid="exemption">
      <AlertTitle>已受理豁免（超过 6 个月受理期限的证书可以提交）</AlertTitle>
      <div>
        豁免原因：{exemption.reason}
        {exemption.recordCount != null ? `（涵盖办理时超过 6 个月的 ${exemption.recordCount} 条记录；重新上传后失效）` : ''}
      </div>
      <div>
        审批人：{exemption.approverName}（{exemption.organisationName}）　办理时间：{formatBeijingDateTime(exemption.grantedAt)}
      </div>
    </Alert>
  );
};
