import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';

export interface QueryField<K extends string> {
  name: K;
  label: string;
  maxLength?: number;
}

/**
 * Seed 000 / 001's small query form: labelled fields, a 查询 button and the rule below it. Values are sent trimmed;
 * empty ones are left out. `minFilled` only keeps an empty form from being sent — the API decides the rule.
 */
export function QueryForm<K extends string>({
  fields,
  note,
  minFilled,
  busy,
  onSubmit,
  testId,
}: {
  fields: readonly QueryField<K>[];
  note?: React.ReactNode;
  minFilled: number;
  busy: boolean;
  onSubmit: (values: Partial<Record<K, string>>) => void;
  testId?: string;
}) {
  const [values, setValues] = useState<Partial<Record<K, string>>>({});
  const filled: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value !== '') filled[field.name] = value;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(filled).length >= minFilled) onSubmit(filled);
  };
  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ maxWidth: 560 }} data-testid={testId}>
      <Stack spacing={1.5}>
        {fields.map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            size="small"
            fullWidth
            value={values[field.name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
            slotProps={{ htmlInput: { maxLength: field.maxLength ?? 50, autoComplete: 'off' } }}
          />
        ))}
        {note && (
          <Typography variant="body2" color="text.secondary" component="div">
            {note}
          </Typography>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={busy || Object.keys(filled).length < minFilled}>
            {busy ? '查询中…' : '查询'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
