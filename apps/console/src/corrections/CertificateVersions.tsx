import { useState } from 'react';
import {
  Alert,
  Box,
  FormControlLabel,
  LinearProgress,
  Link,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router-dom';
import { useDataProvider, useTranslate, type Identifier } from 'react-admin';
import { formatBeijingDateTime } from '../common/dates';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { versionRows, versionSourceKey } from './versionTable';

/**
 * 版本: every version of the certificate side by side — a column per version (oldest first, the last is the
 * certificate as it stands), a row per field, the cells a version changed highlighted. ID numbers only masked.
 */
export const CertificateVersions = ({ certificateId }: { certificateId: Identifier }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [changedOnly, setChangedOnly] = useState(false);
  const { data, error, isPending } = useQuery({
    queryKey: ['certificates', 'versions', certificateId],
    queryFn: () => dataProvider.getCertificateVersions(certificateId),
  });
  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>;
  if (data.length === 0) return <Alert severity="info">{translate('app.corrections.versions.none')}</Alert>;
  const rows = versionRows(data).filter((row) => !changedOnly || row.everChanged);
  const last = data.length - 1;
  return (
    <Box data-testid="certificate-versions">
      {data.length > 1 && (
        <FormControlLabel
          control={<Switch size="small" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />}
          label={translate('app.corrections.versions.changed_only')}
        />
      )}
      {/* Many versions scroll inside their box, never the page. */}
      <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table size="small" sx={{ '& td, & th': { verticalAlign: 'top' } }}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate('app.corrections.changes.field')}</TableCell>
              {data.map((version, index) => (
                <TableCell key={version.version} data-testid="version-head" sx={{ minWidth: '9em' }}>
                  <Typography variant="subtitle2" component="div">
                    {translate(
                      index === last ? 'app.corrections.versions.current' : 'app.corrections.versions.number',
                      {
                        version: version.version,
                      },
                    )}
                  </Typography>
                  <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                    {translate(versionSourceKey(version.source))}
                    {version.correctionId != null && (
                      <>
                        {' · '}
                        <Link component={RouterLink} to={`/corrections/${version.correctionId}/show`}>
                          {translate('app.corrections.number', { id: version.correctionId })}
                        </Link>
                      </>
                    )}
                  </Typography>
                  <Typography variant="caption" component="div" sx={{ color: 'text.secondary' }}>
                    {formatBeijingDateTime(version.createdAt)}
                    {version.createdByName ? ` · ${version.createdByName}` : ''}
                  </Typography>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.field} data-testid={`version-row-${row.field}`}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  {row.header}
                </TableCell>
                {row.cells.map((cell, index) => (
                  <TableCell
                    key={data[index].version}
                    data-testid="version-cell"
                    data-changed={cell.changed ? 'true' : 'false'}
                    title={cell.changed ? translate('app.corrections.versions.changed_here') : undefined}
                    sx={{
                      overflowWrap: 'anywhere',
                      ...(cell.changed
                        ? {
                            bgcolor: (theme) => alpha(theme.palette.warning.main, 0.18),
                            boxShadow: (theme) => `inset 3px 0 0 ${theme.palette.warning.main}`,
                            fontWeight: 600,
                          }
                        : {}),
                    }}
                  >
                    {cell.text || '—'}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};
