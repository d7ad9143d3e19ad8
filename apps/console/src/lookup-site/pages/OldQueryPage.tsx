import { Alert, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { LookupKind, OldModeQuery } from '@app/contracts';
import { LOOKUP_KINDS, oldModeOpen } from '@app/domain';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageSection } from '../components/PageSection';
import { QueryForm, type QueryField } from '../components/QueryForm';
import { ResultList } from '../components/ResultList';
import { useKindMode } from '../hooks';
import { KIND_TITLES, OLD_MODE_RULES } from '../labels';
import { oldModeClosedFrom } from '../rules';

type OldField = Exclude<keyof OldModeQuery, 'kind'>;

/** Seed 001's old-mode forms: 准考证号 only for qualification certificates (the 2013 rules' fourth field). */
const OLD_FIELDS: Readonly<Record<LookupKind, readonly QueryField<OldField>[]>> = {
  qualification: [
    { name: 'certificateNumber', label: '证书编号' },
    { name: 'idNumber', label: '证件号码' },
    { name: 'name', label: '姓名' },
    { name: 'admissionTicket', label: '准考证号' },
  ],
  skill_level: [
    { name: 'certificateNumber', label: '证书编号' },
    { name: 'idNumber', label: '证件号码' },
    { name: 'name', label: '姓名' },
  ],
};

function OldKindForm({ kind }: { kind: LookupKind }) {
  const schedule = useKindMode(kind);
  const query = useMutation({ mutationFn: lookupApi.oldQuery });
  const title = `${KIND_TITLES[kind]}（旧版查询）`;
  if (schedule && !oldModeOpen(schedule.mode)) {
    return (
      <PageSection title={title} testId={`old-${kind}`}>
        <Alert severity="warning" data-testid="old-closed">
          {KIND_TITLES[kind]}旧版查询已于{oldModeClosedFrom(schedule)}
          起停用，请登录后使用新版查询（实名查询本人证书，或输入姓名、证件号码、证书编号三项信息查询他人证书）。
        </Alert>
      </PageSection>
    );
  }
  return (
    <PageSection title={title} testId={`old-${kind}`}>
      <Stack spacing={2}>
        <QueryForm
          fields={OLD_FIELDS[kind]}
          note={OLD_MODE_RULES[kind]}
          minFilled={2}
          busy={query.isPending}
          onSubmit={(values) => query.mutate({ kind, ...values })}
        />
        <ApiErrorAlert error={query.error} />
        {query.data && <ResultList results={query.data} />}
      </Stack>
    </PageSection>
  );
}

/** 旧版查询: anonymous, per kind while its old mode is open; results masked as R-10. */
export function OldQueryPage() {
  return (
    <Stack spacing={2}>
      {LOOKUP_KINDS.map((kind) => (
        <OldKindForm key={kind} kind={kind} />
      ))}
    </Stack>
  );
}
