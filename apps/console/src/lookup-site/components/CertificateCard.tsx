import { Box, Chip, Divider, Paper, Stack, Typography } from '@mui/material';
import type { LookupCertificate } from '@app/contracts';
import { formatPublicDay } from '../labels';
import { KIND_TITLES, OCCUPATION_LABELS } from '../labels';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.5, minWidth: 0 }}>
      <Typography component="span" color="text.secondary" sx={{ flexShrink: 0, width: '7em', whiteSpace: 'nowrap' }}>
        {label}：
      </Typography>
      <Typography component="span" sx={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Typography>
    </Box>
  );
}

/** Seed 000's result card: 个人信息 beside the certificate; masked results (R-10) say so. */
export function CertificateCard({ certificate }: { certificate: LookupCertificate }) {
  const c = certificate;
  return (
    <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }} data-testid="certificate-card">
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1 }}>
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {KIND_TITLES[c.kind]}
        </Typography>
        {c.masked ? (
          <Chip size="small" label="脱敏显示" color="warning" variant="outlined" />
        ) : (
          <Chip size="small" label="完整信息" color="success" variant="outlined" />
        )}
      </Stack>
      <Divider sx={{ mb: 1 }} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '5fr 7fr' }, gap: { xs: 1, md: 3 } }}>
        <Box>
          <Typography variant="body2" color="primary" sx={{ fontWeight: 600, mb: 0.5 }}>
            个人信息
          </Typography>
          <Field label="姓名" value={c.holderName} />
          <Field label="性别" value={c.gender} />
          <Field label="证件号码" value={c.idNumber} />
        </Box>
        <Box>
          <Typography variant="body2" color="primary" sx={{ fontWeight: 600, mb: 0.5 }}>
            {KIND_TITLES[c.kind]}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, columnGap: 2 }}>
            <Field label={OCCUPATION_LABELS[c.kind]} value={c.occupationName} />
            <Field label="职业方向" value={c.workType} />
            <Field label="技能等级" value={c.levelLabel} />
            <Field label="证书编号" value={c.certificateNumber} />
            <Field label="评价机构" value={c.institutionName} />
            <Field label="发证日期" value={formatPublicDay(c.issueDate)} />
            <Field label="数据责任单位" value={c.dataResponsibleUnit} />
          </Box>
        </Box>
      </Box>
    </Paper>
  );
}
