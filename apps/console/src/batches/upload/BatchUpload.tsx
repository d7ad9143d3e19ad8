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
 * 上传批次 (R-11, R-12): kind, institution (centre staff upload on an institution's behalf), the filled
 * template; the sheet is validated whole and either becomes a draft batch or comes back with its errors.
 */
export const BatchUpload = () => {
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
          proxyReason: forInstitution && typeof values.proxyReason === 'string' ? values.proxyReason.trim() || undefined : undefined,
        },
        callbacks,
      ),
    );
    if (!reply) return;
    notify(
      `已导入 ${reply.recordCount} 条记录，保存为草稿批次 #${reply.id}${reply.warnings ? `（另有 ${reply.warnings} 条提示，请核对）` : ''}。核对无误后请提交。`,
      { type: 'success' },
    );
    redirect('show', 'batches', reply.id);
  };

  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="上传批次" />
      <Card>
        <Form defaultValues={{ kind: 'skill_level' }} onSubmit={upload}>
          <CardContent>
            <Typography variant="h6" gutterBottom>
              上传证书数据
            </Typography>
            <Alert severity="info" sx={{ mb: 2 }}>
              请先下载导入模板，按模板填写后上传。系统逐行校验证件号码、出生日期、职业（工种）与等级是否在备案范围内、证书编号是否重复等；有任何错误时不保存数据，可下载错误报告修改后重新上传。
            </Alert>
            <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <RadioButtonGroupInput source="kind" label="证书类别" choices={batchKindChoices} validate={required()} />
              <TemplateForChosenKind />
            </Stack>
            {forInstitution && (
              <Box sx={{ width: 480, maxWidth: '100%' }}>
                <ReferenceInput source="institutionId" reference="organisations" filter={{ level: 'institution' }}>
                  <AutocompleteInput
                    label="评价机构"
                    optionText={(record: OrganisationView) => record.name}
                    filterToQuery={(q: string) => ({ q })}
                    validate={required()}
                    helperText="技能中心代评价机构上传时选择（仅限本辖区）"
                  />
                </ReferenceInput>
                <TextInput
                  source="proxyReason"
                  label="代为上传原因"
                  multiline
                  fullWidth
                  validate={maxLength(500)}
                  helperText="技能中心代评价机构上传须写明原因（如机构书面委托）；已主体灭失机构的数据由中心维护，可不填"
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
                请选择要上传的 Excel 文件（.xlsx）
              </Alert>
            )}
            <UploadOutcome state={state} />
            <Box sx={{ mt: 2 }}>
              <SaveButton label="上传并校验" icon={<UploadFileIcon />} disabled={busy} alwaysEnable={!busy} />
            </Box>
          </CardContent>
        </Form>
      </Card>
    </Box>
  );
};
