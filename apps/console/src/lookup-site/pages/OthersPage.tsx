import { Stack } from '@mui/material';
import { LOOKUP_KINDS } from '@app/domain';
import { PageSection } from '../components/PageSection';
import { KIND_TITLES } from '../labels';
import { OthersQueryForm } from './OthersQueryForm';

/** 查询他人证书 of a person (seed 000 四(二)3): one certificate per query, one form per kind. */
export function OthersPage() {
  return (
    <Stack spacing={2}>
      {LOOKUP_KINDS.map((kind) => (
        <PageSection key={kind} title={KIND_TITLES[kind]} testId={`others-${kind}`}>
          <OthersQueryForm kind={kind} />
        </PageSection>
      ))}
    </Stack>
  );
}
