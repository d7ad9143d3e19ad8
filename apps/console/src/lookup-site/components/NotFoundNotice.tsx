import { Alert, AlertTitle, Box, Typography } from '@mui/material';

/**
 * Seed 000's "nothing found" page. R-33: the same words whatever the reason (unknown, unpublished, suspended), so
 * the page reveals nothing the API does not.
 */
export function NotFoundNotice() {
  return (
    <Alert severity="info" data-testid="not-found">
      <AlertTitle>对不起，没有查到相关信息！</AlertTitle>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        该怎么办？
      </Typography>
      <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
        <li>
          本网站仅提供技能人员职业资格证书和职业技能等级证书的查询服务，专业技术人员职业资格证书不在本网站查询，详见《国家职业资格目录（2021年版）》。
        </li>
        <li>技能人员职业资格证书与职业技能等级证书在不同窗口查询，请确认选择了正确的查询入口。</li>
        <li>证书数据由各省（行业）上传，如查询不到，请与发证地省级或行业职业技能鉴定（指导）中心联系。</li>
      </Box>
    </Alert>
  );
}
