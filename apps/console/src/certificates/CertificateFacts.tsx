import type { ReactNode } from 'react';
import { Grid, Link, Stack } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import {
  ASSESSMENT_RESULTS,
  CERTIFICATE_LEVELS,
  EDUCATION_LEVELS,
  GENDERS,
  ID_TYPES,
  labelOf,
  type AssessmentResultCode,
  type CertificateLevel,
  type EducationCode,
  type GenderCode,
  type IdTypeCode,
} from '@app/domain';
import type { BatchView, CertificateRecord } from '@app/contracts';
import { formatCalendarDay } from '../common/dates';
import { LabeledValue } from '../common/LabeledValue';
import { CertificateStatusField } from './CertificateFields';
import { IdNumberField } from './IdNumberField';
import { LookupStatusChip } from './LookupStatusChip';

/** `GET /api/admin/certificates/:id`: the record with whether lookup finds it. */
export type CertificatePageRecord = CertificateRecord;

const Item = ({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) => (
  <Grid size={wide ? { xs: 12, md: 6 } : { xs: 6, sm: 4, md: 3 }}>
    <LabeledValue label={label}>{children}</LabeledValue>
  </Grid>
);

const field = (name: string) => `resources.certificates.fields.${name}`;

/** The certificate's own facts, the ID number masked with the audited reveal, and its batch. */
export const CertificateFacts = () => {
  const translate = useTranslate();
  const record = useRecordContext<CertificatePageRecord>();
  const { data: batch } = useGetOne<BatchView>(
    'batches',
    { id: record?.batchId ?? 0 },
    { enabled: record?.batchId != null },
  );
  if (!record) return null;
  const score = (value: number | null) => (value == null ? '' : String(value));
  return (
    <Grid container spacing={1} data-testid="certificate-facts">
      <Item label={field('certificateNumber')}>
        <span data-testid="certificate-number">{record.certificateNumber}</span>
      </Item>
      <Item label={field('status')}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <CertificateStatusField />
          <LookupStatusChip status={record.lookupStatus} label={record.lookupStatusLabel} />
        </Stack>
      </Item>
      <Item label={field('holderName')}>{record.holderName}</Item>
      <Item label={field('idNumberMasked')}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <span>{labelOf(ID_TYPES, record.idType as IdTypeCode)}</span>
          <IdNumberField />
        </Stack>
      </Item>
      <Item label={field('gender')}>{labelOf(GENDERS, record.gender as GenderCode)}</Item>
      <Item label={field('birthDate')}>{formatCalendarDay(record.birthDate)}</Item>
      <Item label={field('education')}>{labelOf(EDUCATION_LEVELS, record.education as EducationCode | null)}</Item>
      <Item label={field('occupationName')}>
        {record.occupationName} {record.occupationCode}
        {record.workType && record.workType !== record.occupationName ? ` · ${record.workType}` : ''}
      </Item>
      <Item label={field('level')}>{labelOf(CERTIFICATE_LEVELS, record.level as CertificateLevel | null)}</Item>
      <Item label={field('issueDate')}>{formatCalendarDay(record.issueDate)}</Item>
      <Item label={field('result')}>{labelOf(ASSESSMENT_RESULTS, record.result as AssessmentResultCode | null)}</Item>
      <Item label="app.certificate_page.scores">
        {[record.theoryScore, record.practicalScore, record.comprehensiveScore].some((s) => s != null)
          ? translate('app.certificate_page.scores_value', {
              theory: score(record.theoryScore) || '—',
              practical: score(record.practicalScore) || '—',
              comprehensive: score(record.comprehensiveScore) || '—',
            })
          : ''}
      </Item>
      <Item label={field('publishedOn')}>{formatCalendarDay(record.publishedOn)}</Item>
      <Item label={field('batchId')} wide>
        <Link component={RouterLink} to={`/batches/${record.batchId}/show`}>
          {batch
            ? translate('app.certificate_page.batch', { id: record.batchId, institution: batch.institutionName })
            : translate('app.batches.batch_number', { id: record.batchId })}
        </Link>
      </Item>
    </Grid>
  );
};
