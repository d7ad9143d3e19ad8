import { useState } from 'react';
import { IconButton, Stack, Tooltip } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useMutation } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';

interface RevealableValueProps {
  /** The masked value shown until revealed. */
  masked: string;
  /** Asks the API for the full value (the API audits each view, R-38). */
  reveal: () => Promise<string>;
  /** i18n keys of the button's label and tooltip. */
  label: string;
  hint: string;
  testId: string;
  canReveal?: boolean;
}

/**
 * personal data masked, with an eye button that reveals it on this page only. The full value lives in
 * this component's state and is gone when the page renders the record afresh. The click stays in the button, so a
 * list row around it does not open.
 */
export const RevealableValue = ({ masked, reveal, label, hint, testId, canReveal = true }: RevealableValueProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [full, setFull] = useState<string | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: reveal,
    onSuccess: (value) => setFull(value),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
      <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {full ?? masked}
      </span>
      {canReveal && full === null && (
        <Tooltip title={translate(hint)}>
          <span>
            <IconButton
              size="small"
              sx={{ p: 0.25 }}
              aria-label={translate(label)}
              disabled={isPending}
              onClick={(event) => {
                event.stopPropagation();
                mutate();
              }}
            >
              <VisibilityIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
      )}
    </Stack>
  );
};
