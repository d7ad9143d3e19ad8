import { Stack } from '@mui/material';
import type { LookupKind } from '@app/contracts';
import { PageSection } from '../components/PageSection';
import { KIND_TITLES } from '../labels';
import { BatchQueryPanel } from './BatchQueryPanel';
import { OthersQueryForm } from './OthersQueryForm';

/** 查询他人职业资格证书 / 职业技能等级证书 of a legal entity: the single query and 批量查询 (seed 000 五). */
export function EntityOthersPage({ kind }: { kind: LookupKind }) {
  return (
    <Stack spacing={2}>
      <PageSection title={KIND_TITLES[kind]} testId={`others-${kind}`}>
        <OthersQueryForm kind={kind} />
      </PageSection>
      <PageSection title={`批量查询${KIND_TITLES[kind]}`}>
        <BatchQueryPanel kind={kind} />
      </PageSection>
    </Stack>
  );
}
