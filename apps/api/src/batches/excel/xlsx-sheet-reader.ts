import type * as ExcelJS from 'exceljs';
import { posix } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '@app/domain';
import { unreadable } from './import-errors';
import { inflateEntryChunks, readZipDirectory, readZipEntry, type ZipEntryInfo } from './zip-inspector';

// The rows of one worksheet of an .xlsx, streamed. The zip is read by random access through its central directory
// (zip-inspector.ts), so the parts are taken in the order they are needed — relationships, workbook, shared
// strings, styles, then only the wanted sheet — whatever order the file stores them in. exceljs' own streaming
// reader (WorkbookReader) walks the zip sequentially with unzipper 0.10, which loses entries of valid files now and
// then (a known exceljs defect), far more often on Node 24; it also spools every sheet stored before xl/workbook.xml
// (all of them, in files exceljs writes) to temporary files. Cells are still parsed by exceljs' WorksheetReader,
// so values, dates and formulas read as before. Text is decoded with a StringDecoder, so a character whose bytes
// straddle two inflated chunks stays whole (exceljs decodes each chunk on its own).

/** Small parts read whole: xl/workbook.xml, its relationships, xl/styles.xml. */
const MAX_SMALL_PART_BYTES = 32 * 1024 * 1024;

interface SaxEvent {
  eventType: 'opentag' | 'text' | 'closetag';
  value: { name: string; attributes: Record<string, string> } | string;
}
type ParseSax = (chunks: AsyncIterable<string> | Iterable<string>) => AsyncIterable<SaxEvent[]>;
interface Xform<M> {
  parseStream(chunks: Iterable<string>): Promise<M>;
}
interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}
interface WorkbookModel {
  sheets?: { id: number; name: string; rId: string; state?: string }[];
}
interface StyleManager extends Xform<unknown> {
  init(): void;
}
interface WorksheetReaderOptions {
  workbook: { sharedStrings: ExcelJS.CellValue[]; styles: StyleManager; properties: unknown };
  id: number;
  iterator: AsyncIterable<string>;
  options: { worksheets: 'emit'; hyperlinks: 'ignore' };
}

// Internal modules of exceljs (pinned 4.4.0 in package-lock.json): the XML → model parsers and the row parser of
// its streaming reader, without the zip walk around them.
/* eslint-disable @typescript-eslint/no-require-imports */
const parseSax = require('exceljs/lib/utils/parse-sax.js') as ParseSax;
const RelationshipsXform = require('exceljs/lib/xlsx/xform/core/relationships-xform.js') as new () => Xform<
  Relationship[]
>;
const WorkbookXform = require('exceljs/lib/xlsx/xform/book/workbook-xform.js') as new () => Xform<WorkbookModel> & {
  map: { workbookPr: unknown };
};
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new () => StyleManager;
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader.js') as new (
  o: WorksheetReaderOptions,
) => AsyncIterable<ExcelJS.Row>;
/* eslint-enable @typescript-eslint/no-require-imports */

const REL_TYPE_SUFFIX = { sharedStrings: '/sharedStrings', styles: '/styles' } as const;

export interface XlsxSheetOptions {
  /** Read xl/styles.xml so cells formatted as dates come as Date (otherwise as their serial number). */
  styles: boolean;
}

/**
 * The rows of the sheet named `sheetName`, as exceljs Rows (header row included). For a file that passed
 * inspectXlsxContainer. A part the workbook needs that is missing or cannot be parsed is 422 IMPORT_UNREADABLE in
 * Chinese; size lies are IMPORT_ZIP_BOMB; other DomainErrors (none today) pass through.
 */
export async function* xlsxSheetRows(
  filePath: string,
  sheetName: string,
  options: XlsxSheetOptions,
): AsyncGenerator<ExcelJS.Row> {
  let rows: AsyncIterable<ExcelJS.Row>;
  try {
    rows = await openSheet(filePath, sheetName, options);
  } catch (error) {
    throw asUnreadable(error);
  }
  try {
    // A consumer that stops early returns from here; its own errors never come back in (for await does not throw
    // into the generator it reads).
    for await (const row of rows) yield row;
  } catch (error) {
    throw asUnreadable(error);
  }
}

function asUnreadable(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return unreadable(error instanceof Error ? error.message : String(error));
}

async function openSheet(
  filePath: string,
  sheetName: string,
  options: XlsxSheetOptions,
): Promise<AsyncIterable<ExcelJS.Row>> {
  const dir = await readZipDirectory(filePath);
  const entries = new Map(dir.entries.map((e) => [e.name, e]));
  const part = (name: string): ZipEntryInfo => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`part ${name} is missing`);
    return entry;
  };
  const smallPart = async (name: string): Promise<string[]> => [
    (await readZipEntry(filePath, part(name), MAX_SMALL_PART_BYTES)).toString('utf8'),
  ];

  const rels = await new RelationshipsXform().parseStream(await smallPart('xl/_rels/workbook.xml.rels'));
  const workbookXform = new WorkbookXform();
  const workbook = await workbookXform.parseStream(await smallPart('xl/workbook.xml'));
  const relPart = (rel: Relationship) => {
    const target = rel.Target.trim();
    return target.startsWith('/') ? target.slice(1) : posix.join('xl', target);
  };
  const typed = (suffix: string) => (rels ?? []).find((r) => r.Type.endsWith(suffix));

  const sheet = (workbook.sheets ?? []).find((s) => s.name === sheetName);
  const sheetRel = sheet && (rels ?? []).find((r) => r.Id === sheet.rId);
  if (!sheet || !sheetRel) throw new Error(`sheet ${sheetName} is not in xl/workbook.xml or its relationships`);
  const sheetEntry = part(relPart(sheetRel));

  const sharedStringsRel = typed(REL_TYPE_SUFFIX.sharedStrings);
  const sharedStrings = sharedStringsRel
    ? await readSharedStrings(entryXml(filePath, part(relPart(sharedStringsRel)), 'sst'))
    : [];

  const styles = new StylesXform();
  const stylesRel = typed(REL_TYPE_SUFFIX.styles);
  if (options.styles && stylesRel) {
    await styles.parseStream(await smallPart(relPart(stylesRel)));
  } else {
    styles.init();
  }

  return new WorksheetReader({
    workbook: { sharedStrings, styles, properties: workbookXform.map.workbookPr },
    id: sheet.id,
    iterator: entryXml(filePath, sheetEntry, 'worksheet'),
    options: { worksheets: 'emit', hyperlinks: 'ignore' },
  });
}

/**
 * An entry's text in chunks that never split a character, ending in the close tag of its root element: the XML
 * parser does not notice a document that stops early, and a sheet cut short would otherwise lose its last rows.
 */
async function* entryXml(filePath: string, entry: ZipEntryInfo, root: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let tail = '';
  for await (const chunk of inflateEntryChunks(filePath, entry)) {
    const text = decoder.write(chunk);
    if (text === '') continue;
    tail = (tail + text).slice(-256);
    yield text;
  }
  const rest = decoder.end();
  if (rest !== '') {
    tail = (tail + rest).slice(-256);
    yield rest;
  }
  if (!new RegExp(`</(?:[\\w.-]+:)?${root}>\\s*$`).test(tail)) {
    throw new Error(`${entry.name} ends before </${root}>`);
  }
}

/**
 * xl/sharedStrings.xml → one value per `<si>`: its text, or `{ richText }` when it is made of runs. Phonetic
 * guides (`<rPh>`, e.g. furigana/pinyin an IME leaves behind) are not part of the cell's text.
 */
async function readSharedStrings(chunks: AsyncIterable<string>): Promise<ExcelJS.CellValue[]> {
  const strings: ExcelJS.CellValue[] = [];
  let text = '';
  let runs: ExcelJS.RichText[] = [];
  let runText: string | null = null;
  let inText = false;
  let phonetic = 0;
  for await (const events of parseSax(chunks)) {
    for (const { eventType, value } of events) {
      if (eventType === 'text') {
        if (inText) {
          if (runText !== null) runText += value as string;
          else text += value as string;
        }
        continue;
      }
      const name = (value as { name: string }).name;
      if (eventType === 'opentag') {
        if (name === 'si') {
          text = '';
          runs = [];
        } else if (name === 'r') runText = '';
        else if (name === 'rPh') phonetic++;
        else if (name === 't') inText = phonetic === 0;
      } else if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'r') {
        runs.push({ text: runText ?? '' });
        runText = null;
      } else if (name === 'si') strings.push(runs.length > 0 ? { richText: runs } : text);
    }
  }
  return strings;
}
