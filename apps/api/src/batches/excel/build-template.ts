import type { OccupationCatalogue } from '@app/domain';
import { PassThrough, type Writable } from 'node:stream';
import {
  addDataSheet,
  addSupportSheets,
  createLayoutWriter,
  writeHeaderRow,
  type TemplateKind,
} from './template-layout';

export interface BuildTemplateOptions {
  catalogue: OccupationCatalogue;
  /** The instant written as the _meta sheet's generatedAt (the caller's Clock). */
  now: Date;
}

/**
 * R-12 upload template: data sheet with the 17 headers (bold, frozen), drop-down lists, text/date formats,
 * 填写说明, hidden 代码表 and the hidden version marker. Writes to `out` when given, else resolves to a Buffer.
 */
export async function buildTemplate(kind: TemplateKind, options: BuildTemplateOptions, out: Writable): Promise<void>;
export async function buildTemplate(kind: TemplateKind, options: BuildTemplateOptions): Promise<Buffer>;
export async function buildTemplate(
  kind: TemplateKind,
  options: BuildTemplateOptions,
  out?: Writable,
): Promise<Buffer | void> {
  const target = out ?? new PassThrough();
  const chunks: Buffer[] = [];
  if (!out) {
    target.on('data', (c: Buffer) => chunks.push(c));
  }
  const writer = createLayoutWriter(target);
  const sheet = addDataSheet(writer, options.catalogue);
  writeHeaderRow(sheet);
  sheet.commit();
  addSupportSheets(writer, kind, options.catalogue, options.now);
  await writer.commit();
  return out ? undefined : Buffer.concat(chunks);
}
