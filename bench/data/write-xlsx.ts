import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CERTIFICATE_RECORD_COLUMNS, escapeCellForExport, type OccupationCatalogue } from '../../libs/domain/src';
import {
  addDataSheet,
  addSupportSheets,
  createLayoutWriter,
  writeHeaderRow,
  type TemplateKind,
} from '../../apps/api/src/batches/excel/template-layout';
import type { GeneratedCertificate } from './generate';

const DATE_FIELDS = new Set(['birthDate', 'issueDate']);

/** Writes rows in the import template's layout (marker included) with the exceljs streaming writer. */
export async function writeCertificatesXlsx(
  path: string,
  rows: Iterable<GeneratedCertificate>,
  kind: TemplateKind,
  catalogue: OccupationCatalogue,
): Promise<number> {
  const out = createWriteStream(path);
  const writer = createLayoutWriter(out);
  const sheet = addDataSheet(writer, catalogue);
  writeHeaderRow(sheet);
  let n = 0;
  for (const { values } of rows) {
    sheet
      .addRow(
        CERTIFICATE_RECORD_COLUMNS.map(({ field }) => {
          const v = values[field];
          if (v === null || v === undefined) {
            return null;
          }
          // Dates as real Excel dates, like a user's file.
          return DATE_FIELDS.has(field) ? new Date(`${v}T00:00:00Z`) : escapeCellForExport(v);
        }),
      )
      .commit();
    n++;
  }
  sheet.commit();
  addSupportSheets(writer, kind, catalogue, new Date());
  await writer.commit();
  await finished(out);
  return n;
}
