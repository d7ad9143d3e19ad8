import {
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { LookupCoverageRow, LookupKind } from '@app/contracts';
import { byProvince, coverageRange } from '../rules';
import { LOOKUP_KINDS } from '@app/domain';
import { lookupApi } from '../api';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { PageSection } from '../components/PageSection';
import { KIND_TITLES } from '../labels';

function KindCoverage({ kind, rows }: { kind: LookupKind; rows: readonly LookupCoverageRow[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const provinces = byProvince(rows, kind);
  return (
    <PageSection title={`${KIND_TITLES[kind]}数据 可查询时间范围`} testId={`coverage-${kind}`}>
      {provinces.length === 0 ? (
        <Typography color="text.secondary">暂无已发布的证书数据。</Typography>
      ) : (
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>省份</TableCell>
                <TableCell>可查时间范围</TableCell>
                <TableCell>备注</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {provinces.map((p) => (
                <Fragment key={p.name}>
                  <TableRow>
                    <TableCell>{p.name}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{coverageRange(p.earliest, p.latest)}</TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => setOpen(open === p.name ? null : p.name)}>
                        {open === p.name ? '收起' : '详细'}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {open === p.name &&
                    p.institutions.map((i) => (
                      <TableRow key={i.institutionName} sx={{ bgcolor: 'action.hover' }}>
                        <TableCell sx={{ pl: 4 }}>{i.institutionName}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {coverageRange(i.earliestIssueDate, i.latestIssueDate)}
                        </TableCell>
                        <TableCell />
                      </TableRow>
                    ))}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </PageSection>
  );
}

/** 可查询时间范围 (R-34, seed 001): per province, and per institution under 详细, the span of published data. */
export function CoveragePage() {
  const coverage = useQuery({ queryKey: ['coverage'], queryFn: lookupApi.coverage });
  return (
    <Stack spacing={2}>
      <ApiErrorAlert error={coverage.error} />
      {coverage.isPending && <Typography color="text.secondary">正在加载…</Typography>}
      {coverage.data && LOOKUP_KINDS.map((kind) => <KindCoverage key={kind} kind={kind} rows={coverage.data} />)}
    </Stack>
  );
}
