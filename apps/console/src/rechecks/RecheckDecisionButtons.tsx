import { useState } from 'react';
import { Alert } from '@mui/material';
import ReplayIcon from '@mui/icons-material/Replay';
import ReportIcon from '@mui/icons-material/ReportOutlined';
import { Button, minLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { RECHECK_OUTCOME_LABELS, type RecheckRow } from '@app/contracts';
import { FormDialog } from '../common/FormDialog';
import { useCommand } from '../common/useCommand';
import { decisionBody } from './recheckActions';

const outcomeChoices = Object.entries(RECHECK_OUTCOME_LABELS).map(([id, name]) => ({ id, name }));

const ReasonInput = () => (
  <TextInput
    source="reason"
    label="app.rechecks.reason"
    helperText="app.rechecks.reason_help"
    multiline
    minRows={2}
    fullWidth
    validate={[required(), minLength(2)]}
  />
);

type Decision = 'restore' | 'confirm';

const TEXTS: Record<Decision, { button: string; title: string; submit: string; explanation: string; done: string }> = {
  restore: {
    button: 'app.rechecks.restore.button',
    title: 'app.rechecks.restore.title',
    submit: 'app.rechecks.restore.submit',
    explanation: 'app.rechecks.restore.explanation',
    done: 'app.rechecks.restore.done',
  },
  confirm: {
    button: 'app.rechecks.confirm.button',
    title: 'app.rechecks.confirm.title',
    submit: 'app.rechecks.confirm.submit',
    explanation: 'app.rechecks.confirm.explanation',
    done: 'app.rechecks.confirm.done',
  },
};

/**
 * 恢复查询 (back into lookup) or 确认问题 (stays out; deletion or correction follows), with the reason and the version
 * the reviewer saw. A task someone else decided first answers 409: the page refreshes and says so.
 */
const DecisionButton = ({ recheck, decision }: { recheck: RecheckRow; decision: Decision }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const texts = TEXTS[decision];
  const { mutate, isPending } = useCommand<RecheckRow>('rechecks', decision, {
    success: () => translate(texts.done, { number: recheck.certificateNumber }),
    staleMessage: 'app.rechecks.stale',
    onSuccess: () => setOpen(false),
    onStale: () => setOpen(false),
  });
  const restore = decision === 'restore';
  const icon = restore ? <ReplayIcon /> : <ReportIcon />;
  return (
    <>
      <Button
        label={texts.button}
        color={restore ? 'success' : 'error'}
        variant={restore ? 'contained' : 'outlined'}
        onClick={() => setOpen(true)}
      >
        {icon}
      </Button>
      {open && (
        <FormDialog
          open
          title={translate(texts.title, { number: recheck.certificateNumber })}
          submitLabel={texts.submit}
          submitIcon={icon}
          submitColor={restore ? 'primary' : 'error'}
          pending={isPending}
          onSubmit={(values) => mutate({ id: recheck.id, body: decisionBody(values, recheck.version) })}
          onClose={() => setOpen(false)}
        >
          <Alert severity={restore ? 'info' : 'warning'} sx={{ mb: 2 }}>
            {translate(texts.explanation)}
          </Alert>
          {!restore && (
            <RadioButtonGroupInput
              source="outcome"
              label="app.rechecks.confirm.outcome"
              choices={outcomeChoices}
              validate={required()}
            />
          )}
          <ReasonInput />
        </FormDialog>
      )}
    </>
  );
};

export const RestoreButton = ({ recheck }: { recheck: RecheckRow }) => (
  <DecisionButton recheck={recheck} decision="restore" />
);

export const ConfirmButton = ({ recheck }: { recheck: RecheckRow }) => (
  <DecisionButton recheck={recheck} decision="confirm" />
);
