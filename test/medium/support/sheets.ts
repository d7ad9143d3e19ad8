import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CERTIFICATE_RECORD_COLUMNS, type OccupationCatalogue } from '@app/domain';
import {
  addDataSheet,
  addSupportSheets,
  createLayoutWriter,
  writeHeaderRow,
  type TemplateKind,
} from '../../../apps/api/src/batches/excel/template-layout';
import type { SheetRow } from '../../e2e/support/batch-sheets';

/**
 * Writes rows (by Chinese header, as a user types them) in the import template's layout, version marker included,
 * with the streaming writer: milliseconds, where loading and saving the template as a whole workbook takes seconds.
 */
export async function writeSheet(
  path: string,
  rows: SheetRow[],
  kind: TemplateKind,
  catalogue: OccupationCatalogue,
  now: Date,
): Promise<void> {
  const out = createWriteStream(path);
  const writer = createLayoutWriter(out);
  const sheet = addDataSheet(writer, catalogue);
  writeHeaderRow(sheet);
  for (const row of rows) {
    sheet
      .addRow(
        CERTIFICATE_RECORD_COLUMNS.map(
          ({ header }) => (row as unknown as Record<string, string | number | undefined>)[header] ?? null,
        ),
      )
      .commit();
  }
  sheet.commit();
  addSupportSheets(writer, kind, catalogue, now);
  await writer.commit();
  await finished(out);
}
