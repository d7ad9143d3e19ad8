import { Divider, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { LookupKind } from '@app/contracts';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageSection } from '../components/PageSection';
import { ResultList } from '../components/ResultList';
import { MINE_TITLES } from '../labels';
import { AuthorizationCodePanel } from './AuthorizationCodePanel';

/** 查询本人职业资格证书 / 职业技能等级证书: every own certificate of the kind in full, and its 授权码管理. */
export function MinePage({ kind }: { kind: LookupKind }) {
  const mine = useQuery({ queryKey: ['mine'], queryFn: lookupApi.mine });
  const results = mine.data ? { results: mine.data.results.filter((c) => c.kind === kind) } : undefined;
  return (
    <PageSection title={MINE_TITLES[kind]} testId={`mine-${kind}`}>
      <Stack spacing={2}>
        {mine.isPending && <Typography color="text.secondary">正在查询…</Typography>}
        <ApiErrorAlert error={mine.error} />
        {results && (
          <>
            <ResultList results={results} />
            <Divider />
            <AuthorizationCodePanel kind={kind} hasCertificates={results.results.length > 0} />
          </>
        )}
      </Stack>
    </PageSection>
  );
}
