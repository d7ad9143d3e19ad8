import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { NO_DATA_LABEL, QUALITY_FIGURE_LABELS, type QualityReport, type QualityReportRow } from '@app/contracts';
import { beijingToday } from '../common/dates';
import { DayPicker } from '../common/pickers';
import { ADMIN_API } from '../providers/dataProvider';
import { getJson } from '../providers/httpClient';
import { downloadFile } from '../providers/transfer';
import { useServerToday } from '../queryMode/hooks';
import { isWarning, qualityReportQuery, SHOWN_FIGURES, yearStart } from './qualityReport';

const cell = (value: number | null) => (value === null ? NO_DATA_LABEL : value);

/** The figures of one row (or the totals), warning colours where something went wrong. */
const Figures = ({ row }: { row: Pick<QualityReportRow, (typeof SHOWN_FIGURES)[number]> }) => (
  <>
    {SHOWN_FIGURES.map((f) => (
      <TableCell
        key={f}
        align="right"
        data-figure={f}
        sx={isWarning(f, row[f]) ? { color: 'warning.dark', fontWeight: 600 } : undefined}
      >
        {cell(row[f])}
      </TableCell>
    ))}
  </>
);

/**
 * 质量通报: per institution of the caller's jurisdiction (national staff may choose a region), over a period of
 * Beijing days — every institution listed, those with nothing in the period with zeros — and the printable workbook.
 */
export const QualityReportPage = () => {
  const notify = useNotify();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const today = useServerToday() ?? beijingToday();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [regionCode, setRegionCode] = useState('');
  const from = range.from ?? yearStart(today);
  const to = range.to ?? today;
  const national = identity?.organisationLevel === 'national';
  const region = national && /^\d{6}$/.test(regionCode) ? regionCode : undefined;
  const { data, error, isFetching } = useQuery({
    queryKey: ['quality-report', from, to, region],
    queryFn: () =>
      getJson<QualityReport>(`${ADMIN_API}/reports/quality?${qualityReportQuery({ from, to, regionCode: region })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const download = () =>
    downloadFile(
      `${ADMIN_API}/reports/quality?${qualityReportQuery({ from, to, regionCode: region, xlsx: true })}`,
      `quality-report_${from}_${to}.xlsx`,
    ).catch((e: Error) => notify(e.message, { type: 'error' }));

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.qualityReport.title" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.qualityReport.intro')}
      </Typography>
      <Card>
        <CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'center' } }}>
            <DayPicker
              label={translate('app.qualityReport.from')}
              value={from}
              onChange={(v) => setRange({ from: v ?? '', to })}
              testId="report-from"
              sx={{ width: 200 }}
            />
            <DayPicker
              label={translate('app.qualityReport.to')}
              value={to}
              onChange={(v) => setRange({ from, to: v ?? '' })}
              testId="report-to"
              sx={{ width: 200 }}
            />
            {national && (
              <TextField
                label={translate('app.qualityReport.region')}
                value={regionCode}
                onChange={(e) => setRegionCode(e.target.value.trim())}
                slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6, 'data-testid': 'report-region' } }}
                helperText={translate('app.qualityReport.region_hint')}
              />
            )}
            <Box sx={{ flex: 1 }} />
            <Button variant="contained" startIcon={<DownloadIcon />} onClick={() => void download()} disabled={!data}>
              {translate('app.qualityReport.export')}
            </Button>
          </Stack>
          {error ? (
            <Alert severity="error">{error.message || translate('app.qualityReport.load_error')}</Alert>
          ) : !data ? (
            <Alert severity="info">
              {translate(isFetching ? 'app.qualityReport.loading' : 'app.qualityReport.load_error')}
            </Alert>
          ) : (
            <>
              <Typography variant="subtitle1" sx={{ mb: 1 }} data-testid="report-title">
                {translate('app.qualityReport.heading', {
                  from: data.from,
                  to: data.to,
                  region: data.regionName,
                  count: data.rows.length,
                })}
              </Typography>
              {data.unavailable.length > 0 && (
                <Alert severity="info" sx={{ mb: 1 }}>
                  {translate('app.qualityReport.unavailable', {
                    figures: data.unavailable.map((f) => QUALITY_FIGURE_LABELS[f]).join(', '),
                  })}
                </Alert>
              )}
              {/* inline-size containment: the wide table scrolls inside its box instead of widening the page */}
              <TableContainer sx={{ maxHeight: '65vh', maxWidth: '100%', contain: 'inline-size' }}>
                <Table size="small" stickyHeader data-testid="quality-report">
                  <TableHead>
                    <TableRow>
                      <TableCell
                        sx={{ position: 'sticky', left: 0, zIndex: 3, bgcolor: 'background.paper', minWidth: 200 }}
                      >
                        {translate('app.qualityReport.institution')}
                      </TableCell>
                      {SHOWN_FIGURES.map((f) => (
                        <TableCell key={f} align="right" sx={{ whiteSpace: 'nowrap' }}>
                          {QUALITY_FIGURE_LABELS[f]}
                        </TableCell>
                      ))}
                      <TableCell sx={{ minWidth: 220 }}>{translate('app.qualityReport.reasons')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.rows.map((row) => (
                      <TableRow key={row.institutionId} hover data-institution={row.institutionId}>
                        <TableCell sx={{ position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' }}>
                          <Tooltip title={row.parentName}>
                            <span>{row.institutionName}</span>
                          </Tooltip>
                        </TableCell>
                        <Figures row={row} />
                        <TableCell>{row.returnReasons.join('；')}</TableCell>
                      </TableRow>
                    ))}
                    <TableRow data-testid="report-totals">
                      <TableCell
                        sx={{ position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper', fontWeight: 700 }}
                      >
                        {translate('app.qualityReport.total')}
                      </TableCell>
                      <Figures row={data.totals} />
                      <TableCell />
                    </TableRow>
                  </TableBody>
                </Table>
              </TableContainer>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
