import { useState } from 'react';
import { Alert, Box, Card, CardContent, Divider, LinearProgress, Link, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import { useMutation } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Form,
  RecordContextProvider,
  required,
  SaveButton,
  Title,
  Toolbar,
  useDataProvider,
  useGetOne,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { CorrectionType } from '@app/domain';
import {
  CORRECTION_ROUTE_LABELS,
  type CertificateRecord,
  type CreateCorrectionBody,
  type CreateCorrectionReply,
} from '@app/contracts';
import { AttachmentInput } from '../attachments/AttachmentInput';
import { CertificateFacts } from '../certificates/CertificateFacts';
import { EditRecordDialog } from '../certificates/EditRecordDialog';
import {
  atLeastOneField,
  ChangedFieldInputs,
  CorrectionReasonInput,
  FormSection,
  WorkOrderInputs,
} from './CorrectionFormParts';
import { currentTextOf } from './correctionFields';
import { correctionFormDefaults, correctionFormRoute, createCorrectionBody } from './correctionForm';

/** A draft or returned batch's record is corrected in place: no request, the record edit dialog. */
const DirectEdit = ({ record }: { record: CertificateRecord }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <Alert
      severity="info"
      sx={{ mt: 2 }}
      data-testid="correction-direct-edit"
      action={
        <Link component="button" variant="body2" onClick={() => setOpen(true)}>
          {translate('app.corrections.direct_edit.button')}
        </Link>
      }
    >
      {translate('app.corrections.direct_edit.explanation')}
      {open && <EditRecordDialog record={record} onClose={() => setOpen(false)} />}
    </Alert>
  );
};

const RequestForm = ({ record, type }: { record: CertificateRecord; type: CorrectionType }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const dataProvider = useDataProvider();
  const [refusal, setRefusal] = useState<string | null>(null);
  const route = correctionFormRoute(record.status, type);
  const { mutate, isPending } = useMutation({
    mutationFn: (body: CreateCorrectionBody) =>
      dataProvider.create<CreateCorrectionReply & { id: number }>('corrections', { data: body }),
    onSuccess: ({ data }) => {
      notify('app.corrections.created', { type: 'success', messageArgs: { id: data.id } });
      navigate(`/corrections/${data.id}/show`);
    },
    onError: (error: Error) => {
      // 422 refusals and 403/404 carry the API's Chinese sentence.
      setRefusal(translate(error.message, { _: error.message }));
      notify(error.message, { type: 'error' });
    },
  });
  if (route.kind === 'direct_edit') return <DirectEdit record={record} />;
  if (type === 'delete' && route.kind !== 'published_deletion') {
    return (
      <Alert severity="warning" sx={{ mt: 2 }}>
        {translate('app.corrections.delete_published_only')}
      </Alert>
    );
  }
  return (
    <Form
      defaultValues={correctionFormDefaults(record)}
      onSubmit={(values: Record<string, unknown>) => {
        setRefusal(null);
        mutate(createCorrectionBody(record, type, values));
      }}
    >
      <Alert severity={type === 'delete' ? 'warning' : 'info'} sx={{ mt: 2 }} data-testid="correction-route">
        <Typography variant="subtitle2">{CORRECTION_ROUTE_LABELS[route.kind]}</Typography>
        {translate(`app.corrections.route_explanation.${route.kind}`)}
      </Alert>
      {type === 'modify' && (
        <FormSection title="app.corrections.form.changes">
          <ChangedFieldInputs currentText={currentTextOf(record)} validate={atLeastOneField} />
        </FormSection>
      )}
      {route.workOrder && (
        <FormSection title="app.corrections.work_order.title">
          <WorkOrderInputs />
        </FormSection>
      )}
      <FormSection title="app.corrections.form.reason_title">
        <CorrectionReasonInput
          helperText="app.corrections.form.reason_help"
          label={type === 'delete' ? 'app.corrections.form.delete_reason' : 'app.corrections.form.reason'}
        />
      </FormSection>
      {route.purpose && (
        <FormSection title="app.corrections.form.attachments">
          <AttachmentInput
            source="attachmentIds"
            purpose={route.purpose}
            validate={route.attachmentRequired ? required('app.corrections.form.attachment_required') : undefined}
            helperText={route.attachmentRequired ? 'app.corrections.form.attachment_help' : undefined}
          />
        </FormSection>
      )}
      {refusal && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="correction-refusal">
          {refusal}
        </Alert>
      )}
      <Toolbar sx={{ mt: 2, px: 0, gap: 2 }}>
        <SaveButton
          label={type === 'delete' ? 'app.corrections.submit_delete' : 'app.corrections.submit_modify'}
          icon={<SendIcon />}
          color={type === 'delete' ? 'error' : 'primary'}
          disabled={isPending}
          alwaysEnable={!isPending}
        />
        <Link component={RouterLink} to={`/certificates/${record.id}/show`} variant="body2">
          {translate('app.corrections.back_to_certificate')}
        </Link>
      </Toolbar>
    </Form>
  );
};

/**
 * 申请修改 / 申请删除 one certificate (`#/corrections/create?certificateId=…&type=modify|delete`): the certificate as it
 * stands, the route its status takes (R-21 – R-23), the fields to change with their new values, the reason, the form
 * the route asks for (附件4, 附件5-1, 附件5-2) and, in review, 附件4's fields. Refusals show the API's Chinese text.
 */
export const CorrectionCreate = () => {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const certificateId = Number(params.get('certificateId'));
  const type: CorrectionType = params.get('type') === 'delete' ? 'delete' : 'modify';
  const valid = Number.isSafeInteger(certificateId) && certificateId > 0;
  const {
    data: record,
    error,
    isPending,
  } = useGetOne<CertificateRecord>('certificates', { id: certificateId }, { enabled: valid });
  const title = translate(type === 'delete' ? 'app.corrections.create_delete_title' : 'app.corrections.create_title', {
    number: record?.certificateNumber ?? '',
  });
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={title} />
      <Card>
        <CardContent>
          {!valid ? (
            <Alert severity="warning">{translate('app.corrections.no_certificate')}</Alert>
          ) : isPending ? (
            <LinearProgress />
          ) : error || !record ? (
            <Alert severity="warning" data-testid="record-load-error">
              {translate('app.errors.not_found_or_outside')}
            </Alert>
          ) : (
            <>
              <Typography variant="h6" gutterBottom data-testid="correction-form-title">
                {title}
              </Typography>
              <RecordContextProvider value={record}>
                <CertificateFacts />
              </RecordContextProvider>
              <Divider sx={{ mt: 1 }} />
              <RequestForm record={record} type={type} />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
