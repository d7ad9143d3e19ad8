import { Alert, Link } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, Pagination, ReferenceManyField, usePermissions, useRecordContext, Translate } from 'react-admin';
import type { Role } from '@app/domain';
import { batchActions } from './review/batchActions';
import { CertificateStatusField, LevelField, OccupationField } from '../certificates/CertificateFields';
import { EditRecordButton } from '../certificates/EditRecordButton';
import { IdNumberField } from '../certificates/IdNumberField';
import { recordsStoreKey } from './review/recordSelection';
import { ReturnSelectedButton } from './review/ReturnSelectedButton';
import type { BatchView, CertificateRecord } from '@app/contracts';

/** A record's return reason where it says something the batch's own reason does not (stored cut to 500). */
function ownReason(record: CertificateRecord, batch: BatchView): string {
  const reason = record.returnReason ?? '';
  return batch.returnReason && reason === batch.returnReason.slice(0, 500) ? '' : reason;
}

/**
 * The batch's certificate records, ID numbers masked. A reviewer ticks records here for a
 * partial return; the institution corrects records of a draft or returned batch.
 */
// `label={false}`: shown in a TabbedShowLayout tab, which would otherwise put a field label above it.
export const BatchRecords = (_props: { label?: false }) => {
  const batch = useRecordContext<BatchView>();
  const { permissions } = usePermissions<Role[]>();
  if (!batch) return null;
  const can = batchActions(batch, permissions ?? []);
  return (
    <ReferenceManyField
      reference="certificates"
      target="batchId"
      sort={{ field: 'rowNumber', order: 'ASC' }}
      perPage={25}
      storeKey={recordsStoreKey(batch.id)}
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
      empty={
        <Alert severity="info">
          <Translate i18nKey="app.batches.no_records" />
        </Alert>
      }
    >
      <DataTable
        // A click in a row is for ticking and correcting records; the certificate number opens its page.
        rowClick={false}
        bulkActionButtons={can.review ? <ReturnSelectedButton batch={batch} /> : false}
        sx={{
          // At 1366 px the table fits with narrower cell padding; a wider one scrolls in its wrapper, never the
          // page (width 0 + min-width 100%: its own width does not count in the page's intrinsic width). The bulk
          // actions toolbar sits outside the wrapper, so it is not clipped.
          '& .MuiTableCell-root': { px: 1 },
          '& .RaDataTable-tableWrapper': { overflowX: 'auto', width: 0, minWidth: '100%' },
          // "Excel 行号" over two short lines: the column holds numbers of a few digits.
          '& .RaDataTable-headerCell.column-rowNumber': { whiteSpace: 'normal', width: '3.5em' },
        }}
      >
        <DataTable.Col source="rowNumber" />
        <DataTable.Col source="holderName" />
        <DataTable.Col source="idNumberMasked" field={IdNumberField} disableSort />
        <DataTable.Col source="occupationName" field={OccupationField} disableSort />
        <DataTable.Col
          source="level"
          label="app.certificates.level"
          field={LevelField}
          disableSort
          sx={{ whiteSpace: 'nowrap' }}
        />
        <DataTable.Col
          source="certificateNumber"
          render={(record: CertificateRecord) => (
            // The certificate's own page: its lookup status and history (flags, suspension, re-check).
            <Link
              component={RouterLink}
              to={`/certificates/${record.id}/show`}
              onClick={(event) => event.stopPropagation()}
            >
              {record.certificateNumber}
            </Link>
          )}
        />
        <DataTable.Col source="issueDate" sx={{ whiteSpace: 'nowrap' }} />
        <DataTable.Col source="status" field={CertificateStatusField} disableSort />
        {batch.status === 'returned' && (!batch.returnReason || batch.recordReasonsDiffer) && (
          // the batch's reason is in the header; a record's own reason is shown only where it differs.
          <DataTable.Col
            source="returnReason"
            disableSort
            render={(record: CertificateRecord) => ownReason(record, batch)}
            sx={{ minWidth: '10em', maxWidth: '22em', whiteSpace: 'normal', overflowWrap: 'anywhere' }}
          />
        )}
        {can.editRecords && (
          <DataTable.Col label="app.certificates.edit" disableSort>
            <EditRecordButton />
          </DataTable.Col>
        )}
      </DataTable>
    </ReferenceManyField>
  );
};
