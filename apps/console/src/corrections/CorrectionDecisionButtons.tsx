import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import UndoIcon from '@mui/icons-material/Undo';
import SendIcon from '@mui/icons-material/Send';
import CancelIcon from '@mui/icons-material/CancelOutlined';
import {
  Button,
  maxLength,
  TextInput,
  useDataProvider,
  useGetOne,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { CorrectableField } from '@app/domain';
import type { CertificateRecord, CorrectionDetail } from '@app/contracts';
import { AttachmentInput } from '../attachments/AttachmentInput';
import { FormDialog } from '../common/FormDialog';
import { BlankForm } from './BlankForm';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { returnBody, withdrawBody } from './correctionActions';
import { currentTextOf, fieldValueText } from './correctionFields';
import { idNumberNeededAgain, resubmitBody, resubmitDefaults, routePurpose } from './correctionForm';
import {
  atLeastOneField,
  ChangedFieldInputs,
  CorrectionReasonInput,
  FormSection,
  WorkOrderInputs,
} from './CorrectionFormParts';

type Action = 'approve' | 'return' | 'resubmit' | 'withdraw';

/**
 * One command on a request (`POST /api/admin/corrections/:id/<action>`), then a refetch. A 409 (a stale version, or a
 * request no longer at the state the page showed) refreshes the page and says so; so does a 403 from a decision,
 * which the API answers when a colleague's approval moved the request on to another role's stage. Other refusals
 * (422) keep the dialog open with the API's Chinese text.
 */
function useCorrectionCommand(correction: CorrectionDetail, action: Action, close: () => void) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: object }) =>
      dataProvider.command<CorrectionDetail>('corrections', id, action, body),
    onSuccess: () => {
      notify(translate(`app.corrections.${action}.done`, { id: correction.id }), { type: 'success' });
      refresh();
      close();
    },
    onError: (error: Error & { status?: number }) => {
      const decision = action === 'approve' || action === 'return';
      if (error.status === 409 || (decision && error.status === 403)) {
        notify(error.status === 409 ? 'app.corrections.stale' : error.message, { type: 'warning' });
        refresh();
        close();
        return;
      }
      notify(error.message, { type: 'error' });
    },
  });
}

/** 通过: the stage's approval; at the stage that applies, the new version is written or the data deleted. */
export const ApproveButton = ({ correction }: { correction: CorrectionDetail }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCorrectionCommand(correction, 'approve', () => setOpen(false));
  const applies = correction.stages.find((s) => s.stage === correction.stage)?.applies ?? false;
  return (
    <>
      <Button label="app.corrections.approve.button" variant="contained" color="success" onClick={() => setOpen(true)}>
        <CheckIcon />
      </Button>
      {open && (
        <BlankForm id={correction.id}>
          <FormDialog
            open
            title={translate('app.corrections.approve.title', {
              id: correction.id,
              stage: correction.stageLabel ?? '',
            })}
            submitLabel="app.corrections.approve.submit"
            submitIcon={<CheckIcon />}
            pending={isPending}
            onSubmit={() => mutate({ id: correction.id, body: { version: correction.version } })}
            onClose={() => setOpen(false)}
          >
            <Alert severity={applies ? 'warning' : 'info'}>
              {translate(
                applies
                  ? correction.type === 'delete'
                    ? 'app.corrections.approve.applies_delete'
                    : 'app.corrections.approve.applies_modify'
                  : 'app.corrections.approve.next_stage',
              )}
            </Alert>
          </FormDialog>
        </BlankForm>
      )}
    </>
  );
};

/** 退回 with the reason, to the requester, who may amend and resubmit or withdraw. */
export const ReturnButton = ({ correction }: { correction: CorrectionDetail }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCorrectionCommand(correction, 'return', () => setOpen(false));
  return (
    <>
      <Button label="app.corrections.return.button" variant="outlined" color="error" onClick={() => setOpen(true)}>
        <UndoIcon />
      </Button>
      {open && (
        <BlankForm id={correction.id}>
          <FormDialog
            open
            title={translate('app.corrections.return.title', { id: correction.id })}
            submitLabel="app.corrections.return.submit"
            submitIcon={<UndoIcon />}
            submitColor="error"
            pending={isPending}
            onSubmit={(values) => mutate({ id: correction.id, body: returnBody(values, correction.version) })}
            onClose={() => setOpen(false)}
          >
            <CorrectionReasonInput
              label="app.corrections.return.reason"
              helperText="app.corrections.return.reason_help"
            />
          </FormDialog>
        </BlankForm>
      )}
    </>
  );
};

/** 撤回: the requester closes the returned request without effect. */
export const WithdrawButton = ({ correction }: { correction: CorrectionDetail }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCorrectionCommand(correction, 'withdraw', () => setOpen(false));
  return (
    <>
      <Button label="app.corrections.withdraw.button" color="error" onClick={() => setOpen(true)}>
        <CancelIcon />
      </Button>
      {open && (
        <BlankForm id={correction.id}>
          <FormDialog
            open
            title={translate('app.corrections.withdraw.title', { id: correction.id })}
            submitLabel="app.corrections.withdraw.submit"
            submitIcon={<CancelIcon />}
            submitColor="error"
            pending={isPending}
            onSubmit={(values) => mutate({ id: correction.id, body: withdrawBody(values, correction.version) })}
            onClose={() => setOpen(false)}
          >
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('app.corrections.withdraw.explanation')}
            </Alert>
            <TextInput
              source="reason"
              label="app.corrections.withdraw.reason"
              multiline
              minRows={2}
              fullWidth
              validate={maxLength(500)}
            />
          </FormDialog>
        </BlankForm>
      )}
    </>
  );
};

/** 重新提交: the returned request amended (values, reason, attachments, 附件4) and sent back to its first stage. */
export const ResubmitButton = ({ correction }: { correction: CorrectionDetail }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useCorrectionCommand(correction, 'resubmit', () => setOpen(false));
  const before = new Map(correction.changes.map((c) => [c.field, c.before]));
  // The certificate as it stands, for fields the request did not name before.
  const { data: certificate } = useGetOne<CertificateRecord>(
    'certificates',
    { id: correction.certificateId },
    { enabled: open && correction.type === 'modify' },
  );
  const currentText = (field: CorrectableField) =>
    before.has(field) || !certificate
      ? fieldValueText(field, before.get(field) ?? null)
      : currentTextOf(certificate)(field);
  const purpose = routePurpose(correction.route) ?? 'other';
  // A request a confirmed re-check opened is completed here for the first time: 补充提交.
  const texts = correction.status === 'awaiting' ? 'complete' : 'resubmit';
  const idNumberAgain = (_value: unknown, values: Record<string, unknown>) =>
    idNumberNeededAgain(correction, values) ? 'app.corrections.form.id_number_again' : undefined;
  return (
    <>
      <Button label={`app.corrections.${texts}.button`} variant="contained" onClick={() => setOpen(true)}>
        <SendIcon />
      </Button>
      {open && (
        <BlankForm id={correction.id}>
          <FormDialog
            open
            title={translate(`app.corrections.${texts}.title`, { id: correction.id })}
            submitLabel={`app.corrections.${texts}.submit`}
            submitIcon={<SendIcon />}
            pending={isPending}
            maxWidth="md"
            defaultValues={resubmitDefaults(correction)}
            onSubmit={(values) => mutate({ id: correction.id, body: resubmitBody(correction, values) })}
            onClose={() => setOpen(false)}
          >
            {correction.returnReason && (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {translate('app.corrections.return_reason', { reason: correction.returnReason })}
              </Alert>
            )}
            {correction.type === 'modify' && (
              <FormSection title="app.corrections.form.changes">
                <ChangedFieldInputs
                  currentText={currentText}
                  validate={atLeastOneField}
                  idNumberValidate={idNumberAgain}
                  idNumberHelp="app.corrections.form.id_number_keep"
                />
              </FormSection>
            )}
            {correction.workOrder && (
              <FormSection title="app.corrections.work_order.title">
                <WorkOrderInputs />
              </FormSection>
            )}
            <FormSection title="app.corrections.form.reason_title">
              <CorrectionReasonInput helperText="app.corrections.form.reason_help" />
            </FormSection>
            <AttachmentInput source="attachmentIds" purpose={purpose} />
          </FormDialog>
        </BlankForm>
      )}
    </>
  );
};
