import { useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { addDaysIso } from '@app/domain';
import { LOOKUP_LOG_MODE_LABELS, type LookupDailyCount, type LookupLogMode } from '@app/contracts';
import { beijingToday } from '../common/dates';
import { useServerToday } from '../queryMode/hooks';
import type { ConsoleDataProvider } from '../providers/dataProvider';

const MODES = Object.keys(LOOKUP_LOG_MODE_LABELS) as LookupLogMode[];

/** One row per day, one column pair (queries, found) per mode. */
function pivot(rows: LookupDailyCount[]) {
  const days = new Map<string, Partial<Record<LookupLogMode, LookupDailyCount>>>();
  for (const r of rows) days.set(r.day, { ...days.get(r.day), [r.mode]: r });
  return [...days.entries()];
}

/** 查询量统计: public lookup queries per Beijing day and mode (the log holds no searched values). */
export const LookupStatsPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const today = useServerToday() ?? beijingToday();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  // Until the user picks dates: the 30 days up to the server's today.
  const from = range.from ?? addDaysIso(today, -29);
  const to = range.to ?? today;
  const setFrom = (value: string) => setRange({ from: value, to });
  const setTo = (value: string) => setRange({ from, to: value });
  const [mode, setMode] = useState<LookupLogMode | ''>('');
  const { data, isError } = useQuery({
    queryKey: ['lookup-stats', from, to, mode],
    queryFn: () => dataProvider.getLookupStats({ from, to, mode: mode || undefined }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const shown = mode ? [mode] : MODES;
  const rows = pivot(data ?? []);
  const total = (m: LookupLogMode, field: 'queries' | 'found') =>
    (data ?? []).filter((r) => r.mode === m).reduce((sum, r) => sum + r[field], 0);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.lookupStats.title" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.lookupStats.intro')}
      </Typography>
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
            <TextField
              type="date"
              label={translate('app.lookupStats.from')}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stats-from' } }}
            />
            <TextField
              type="date"
              label={translate('app.lookupStats.to')}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'stats-to' } }}
            />
            <TextField
              select
              label={translate('app.lookupStats.mode')}
              value={mode}
              onChange={(e) => setMode(e.target.value as LookupLogMode | '')}
              sx={{ minWidth: 220 }}
            >
              <MenuItem value="">{translate('app.lookupStats.all_modes')}</MenuItem>
              {MODES.map((m) => (
                <MenuItem key={m} value={m}>
                  {LOOKUP_LOG_MODE_LABELS[m]}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          {isError ? (
            <Alert severity="error">{translate('app.lookupStats.load_error')}</Alert>
          ) : rows.length === 0 ? (
            <Alert severity="info" data-testid="stats-empty">
              {translate('app.lookupStats.empty')}
            </Alert>
          ) : (
            <Table size="small" data-testid="lookup-stats">
              <TableHead>
                <TableRow>
                  <TableCell rowSpan={2}>{translate('app.lookupStats.day')}</TableCell>
                  {shown.map((m) => (
                    <TableCell key={m} colSpan={2} align="center">
                      {LOOKUP_LOG_MODE_LABELS[m]}
                    </TableCell>
                  ))}
                </TableRow>
                <TableRow>
                  {shown.flatMap((m) => [
                    <TableCell key={`${m}-q`} align="right">
                      {translate('app.lookupStats.queries')}
                    </TableCell>,
                    <TableCell key={`${m}-f`} align="right">
                      {translate('app.lookupStats.found')}
                    </TableCell>,
                  ])}
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(([day, byMode]) => (
                  <TableRow key={day} data-day={day}>
                    <TableCell>{day}</TableCell>
                    {shown.flatMap((m) => [
                      <TableCell key={`${m}-q`} align="right" data-mode={m}>
                        {byMode[m]?.queries ?? 0}
                      </TableCell>,
                      <TableCell key={`${m}-f`} align="right">
                        {byMode[m]?.found ?? 0}
                      </TableCell>,
                    ])}
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell>
                    <strong>{translate('app.lookupStats.total')}</strong>
                  </TableCell>
                  {shown.flatMap((m) => [
                    <TableCell key={`${m}-q`} align="right">
                      <strong>{total(m, 'queries')}</strong>
                    </TableCell>,
                    <TableCell key={`${m}-f`} align="right">
                      <strong>{total(m, 'found')}</strong>
                    </TableCell>,
                  ])}
                </TableRow>
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
