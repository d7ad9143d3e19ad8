import { useState } from 'react';
import { Alert } from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import type { HttpError } from 'react-admin';
import { FormDialog } from '../../common/FormDialog';
import { CutoffRefusalDialog } from './CutoffRefusalDialog';
import { LateRecordsTable } from './LateRecordsTable';
import { OverdueStatementFields } from './OverdueStatementFields';
import type { BatchView, LateRecordsBody } from '@app/contracts';
import { useBatchCommand } from './useBatchCommand';
import { useTranslate } from 'react-admin';

const REFUSALS = ['BATCH_OVERDUE_STATEMENT_REQUIRED', 'BATCH_PAST_ACCEPTANCE_CUTOFF'];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * 提交. When records are past their upload deadline the API asks for the 附件3 逾期上报情况说明, and
 * the dialog is that form; records past the 6-month cutoff stop the submission. It opens as what the
 * submission check answered; a refusal of the submission itself (the batch changed meanwhile) turns it into the
 * form or notice all the same. Mounted only while open.
 */
export const SubmitDialog = ({
  batch,
  initialRefusal = null,
  onClose,
}: {
  batch: BatchView;
  /** What the submission check answered: the dialog opens as the form or notice it calls for. */
  initialRefusal?: LateRecordsBody | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [refusal, setRefusal] = useState<LateRecordsBody | null>(initialRefusal);
  const { mutate, isPending } = useBatchCommand<BatchView>('submit', {
    success: (reply) => translate('app.review.submitted', { id: batch.id, stage: reply.statusLabel }),
    onSuccess: onClose,
    onStale: onClose,
    onError: (error) => {
      const body = (error as HttpError).body as LateRecordsBody | undefined;
      if (!body || !REFUSALS.includes(body.code)) return false;
      setRefusal(body);
      return true;
    },
  });

  if (refusal?.code === 'BATCH_PAST_ACCEPTANCE_CUTOFF') {
    return <CutoffRefusalDialog refusal={refusal} onClose={onClose} />;
  }
  const needsStatement = refusal?.code === 'BATCH_OVERDUE_STATEMENT_REQUIRED';
  return (
    <FormDialog
      open
      title={
        needsStatement
          ? translate('app.review.statement_title')
          : translate('app.review.submit_title', { id: batch.id })
      }
      submitLabel={needsStatement ? 'app.review.submit_with_statement' : 'app.review.submit'}
      submitIcon={<SendIcon />}
      pending={isPending}
      maxWidth={needsStatement ? 'md' : 'sm'}
      onSubmit={(values) =>
        mutate({
          id: batch.id,
          body: needsStatement
            ? {
                version: batch.version,
                overdueStatement: {
                  reason: text(values.statementReason),
                  responsiblePerson: text(values.responsiblePerson),
                  contact: text(values.contact),
                },
              }
            : { version: batch.version },
        })
      }
      onClose={onClose}
    >
      {needsStatement ? (
        <>
          <Alert severity="warning" sx={{ mb: 2 }}>
            {refusal.message}
          </Alert>
          <LateRecordsTable records={refusal.records} count={refusal.count} dueLabel="app.review.upload_due_label" />
          <OverdueStatementFields />
        </>
      ) : (
        <Alert severity="info">
          {translate('app.review.batch_summary', { institution: batch.institutionName, count: batch.recordCount })}
          {translate('app.review.submit_explanation')}
        </Alert>
      )}
    </FormDialog>
  );
};
