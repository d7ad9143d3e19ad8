import { Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { LookupKind, OthersQuery } from '@app/contracts';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { QueryForm, type QueryField } from '../components/QueryForm';
import { ResultList } from '../components/ResultList';
import { useRefreshQuota } from '../hooks';

type OthersField = Exclude<keyof OthersQuery, 'kind'>;

/** Seed 000's order: 证书编号, 证件号码, 姓名 — all three required (R-28). */
const OTHERS_FIELDS: readonly QueryField<OthersField>[] = [
  { name: 'certificateNumber', label: '证书编号' },
  { name: 'idNumber', label: '证件号码' },
  { name: 'name', label: '姓名' },
];

const NOTE = (
  <>
    1. 查询证书需同时输入姓名、证件号码、证书编号三项信息；
    <br />
    2. 查询结果对姓名、证件号码、证书编号作部分隐藏处理；每次查询计入今日查询次数（含授权码查询）。
  </>
);

/** The single three-field query of another person's certificate: masked result, counted against the quota. */
export function OthersQueryForm({ kind }: { kind: LookupKind }) {
  const refreshQuota = useRefreshQuota();
  const query = useMutation({
    mutationFn: (values: Partial<Record<OthersField, string>>) =>
      lookupApi.others({
        kind,
        name: values.name ?? '',
        idNumber: values.idNumber ?? '',
        certificateNumber: values.certificateNumber ?? '',
      }),
    onSettled: () => void refreshQuota(),
  });
  return (
    <Stack spacing={2}>
      <QueryForm
        fields={OTHERS_FIELDS}
        note={NOTE}
        minFilled={3}
        busy={query.isPending}
        onSubmit={(values) => query.mutate(values)}
        testId={`others-form-${kind}`}
      />
      <ApiErrorAlert error={query.error} />
      {query.data && (
        <>
          <ResultList results={query.data} />
          <Button sx={{ alignSelf: 'flex-start' }} onClick={() => query.reset()}>
            返回
          </Button>
        </>
      )}
    </Stack>
  );
}
