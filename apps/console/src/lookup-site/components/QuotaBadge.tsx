import { Chip, Tooltip } from '@mui/material';
import { formatBeijingDateTime } from '../../common/dates';
import { useQuota } from '../hooks';

/** 今日剩余次数: queries of others left today, three-field and authorization-code queries together. */
export function QuotaBadge() {
  const quota = useQuota();
  if (!quota.data) return null;
  const { used, limit, resetsAt } = quota.data;
  const left = Math.max(0, limit - used);
  return (
    <Tooltip title={`查询他人证书（含授权码查询）合并计算，${formatBeijingDateTime(resetsAt)} 重置`}>
      <Chip
        size="small"
        color={left === 0 ? 'error' : 'default'}
        sx={{ bgcolor: left === 0 ? undefined : 'rgba(255,255,255,0.9)' }}
        label={`今日剩余次数：${left} / ${limit}`}
        data-testid="quota"
      />
    </Tooltip>
  );
}
