import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { LateRecordsTable } from './LateRecordsTable';
import type { LateRecordsBody } from '@app/contracts';

/** records past issue date + 6 months stop the submission until the provincial centre grants an exemption. */
export const CutoffRefusalDialog = ({ refusal, onClose }: { refusal: LateRecordsBody; onClose: () => void }) => (
  <Dialog open onClose={onClose} maxWidth="md" fullWidth>
    <DialogTitle>无法提交：超过受理期限</DialogTitle>
    <DialogContent>
      <Alert severity="error" sx={{ mb: 2 }}>
        {refusal.message}
      </Alert>
      <Typography variant="body2" sx={{ mb: 2 }}>
        自发证日期起超过 6 个月的证书数据原则上不予受理。如确需上报，请联系省级技能中心为本批次办理“受理豁免”，豁免后再提交；也可将这些记录从表格中删除后，重新上传更正数据。
      </Typography>
      <LateRecordsTable records={refusal.records} count={refusal.count} dueLabel="受理截止日" />
    </DialogContent>
    <DialogActions>
      <Button onClick={onClose} variant="contained">
        知道了
      </Button>
    </DialogActions>
  </Dialog>
);
