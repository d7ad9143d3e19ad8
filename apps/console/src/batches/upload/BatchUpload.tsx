import { useState } from 'react';
import { Alert, Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useWatch } from 'react-hook-form';
import {
  AutocompleteInput,
  Form,
  RadioButtonGroupInput,
  ReferenceInput,
  maxLength,
  required,
  SaveButton,
  TextInput,
  Title,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import type { OrganisationView } from '@app/contracts';
import type { ConsoleDataProvider } from '../../providers/dataProvider';
import { batchKindChoices } from '../choices';
import { TemplateDownloadButton } from './TemplateDownloadButton';
import type { BatchKind } from '@app/contracts';
import { UploadOutcome } from './UploadOutcome';
import { useSheetUpload } from './useSheetUpload';
import { XlsxFilePicker } from './XlsxFilePicker';

const TemplateForChosenKind = () => <TemplateDownloadButton kind={useWatch({ name: 'kind' }) as BatchKind} />;

/**
 * 上传批次: kind, institution (centre staff upload on an institution's behalf), the filled
 * template; the sheet is validated whole and either becomes a draft batch or comes back with its errors.
 */
export const BatchUpload = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const forInstitution = identity != null && identity.organisationLevel !== 'institution';
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const { state, run, reset, busy } = useSheetUpload();

  const upload = async (values: Record<string, unknown>) => {
    if (!file) {
      setMissingFile(true);
      return;
    }
    const reply = await run((callbacks) =>
      dataProvider.uploadBatch(
        {
          file,
          kind: values.kind as BatchKind,
          institutionId: forInstitution ? Number(values.institutionId) : undefined,
          proxyReason:
            forInstitution && typeof values.proxyReason === 'string'
              ? values.proxyReason.trim() || undefined
              : undefined,
        },
        callbacks,
      ),
    );
    if (!reply) return;
    notify(
      translate('app.upload.imported', {
        count: reply.recordCount,
        id: reply.id,
        warnings: reply.warnings ? translate('app.upload.imported_warnings', { warnings: reply.warnings }) : '',
      }),
      { type: 'success' },
    );
    redirect('show', 'batches', reply.id);
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="app.menu.upload" />
      <Card>
        <Form defaultValues={{ kind: 'skill_level' }} onSubmit={upload}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              {translate('app.upload.heading')}
            </Typography>
            <Alert severity="info" sx={{ mb: 2 }}>
              {translate('app.upload.explanation')}
            </Alert>
            <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              {/* No reserved helper line and not full width: the template link sits beside the choice, no gap below. */}
              <RadioButtonGroupInput
                source="kind"
                label="resources.batches.fields.kind"
                choices={batchKindChoices}
                validate={required()}
                helperText={false}
                fullWidth={false}
                sx={{ my: 0 }}
              />
              <TemplateForChosenKind />
            </Stack>
            {forInstitution && (
              <Box sx={{ width: 480, maxWidth: '100%' }}>
                <ReferenceInput source="institutionId" reference="organisations" filter={{ level: 'institution' }}>
                  <AutocompleteInput
                    label="resources.batches.fields.institutionId"
                    optionText={(record: OrganisationView) => record.name}
                    filterToQuery={(q: string) => ({ q })}
                    validate={required()}
                    helperText="app.upload.institution_help"
                  />
                </ReferenceInput>
                <TextInput
                  source="proxyReason"
                  label="resources.batches.fields.proxyReason"
                  multiline
                  fullWidth
                  validate={maxLength(500)}
                  helperText="app.upload.proxy_help"
                />
              </Box>
            )}
            <Divider sx={{ my: 2 }} />
            <XlsxFilePicker
              file={file}
              disabled={busy}
              onChange={(chosen) => {
                setFile(chosen);
                setMissingFile(false);
                reset();
              }}
            />
            {missingFile && (
              <Alert severity="warning" sx={{ mt: 2 }}>
                {translate('app.upload.file_required')}
              </Alert>
            )}
            <UploadOutcome state={state} />
            <Box sx={{ mt: 2 }}>
              <SaveButton label="app.upload.submit" icon={<UploadFileIcon />} disabled={busy} alwaysEnable={!busy} />
            </Box>
          </CardContent>
        </Form>
      </Card>
    </Box>
  );
};
