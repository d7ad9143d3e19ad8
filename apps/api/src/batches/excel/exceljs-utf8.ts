import { Transform, type TransformCallback } from 'node:stream';

// exceljs 4.4's streaming reader decodes every zip chunk to text on its own (utils/parse-sax.js:
// bufferToString(chunk)), so a Chinese character whose UTF-8 bytes straddle two chunks turns into U+FFFD:
// '居民身份证' arrives as '居民��份证' in roughly 1 row in 1,000 of a large file (R-42: bad input must never
// corrupt data). The fix re-chunks the byte streams so no chunk ends inside a character. It patches prototypes,
// so it holds whatever loaded exceljs first; apply it before creating a WorkbookReader.

/** Bytes at the end of `buf` that start a UTF-8 sequence the chunk does not finish. */
export function incompleteUtf8Tail(buf: Uint8Array): number {
  for (let i = 1; i <= Math.min(3, buf.length); i++) {
    const b = buf[buf.length - i];
    if ((b & 0xc0) === 0x80) {
      continue;
    }
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > i ? i : 0;
  }
  return 0;
}

class Utf8BoundaryTransform extends Transform {
  private carry: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (typeof chunk === 'string') {
      callback(null, chunk);
      return;
    }
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const tail = incompleteUtf8Tail(buf);
    this.carry = Buffer.from(buf.subarray(buf.length - tail));
    callback(null, tail > 0 ? buf.subarray(0, buf.length - tail) : buf);
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.carry.length > 0 ? this.carry : undefined);
  }
}

async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteUtf8Tail(buf);
    carry = Buffer.from(buf.subarray(buf.length - tail));
    if (buf.length > tail) {
      yield buf.subarray(0, buf.length - tail);
    }
  }
  if (carry.length > 0) {
    yield carry;
  }
}

type Proto = Record<string, unknown> & { __utf8Safe?: boolean };
let applied = false;

/** Idempotent. */
export function ensureExcelJsUtf8Safe(): void {
  if (applied) {
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const workbookReader = require('exceljs/lib/stream/xlsx/workbook-reader.js') as { prototype: Proto };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const worksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader.js') as { prototype: Proto };

  const wb = workbookReader.prototype;
  if (!wb.__utf8Safe) {
    for (const method of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) {
      const original = wb[method] as (this: unknown, entry: NodeJS.ReadableStream, ...rest: unknown[]) => unknown;
      wb[method] = function (this: unknown, entry: NodeJS.ReadableStream, ...rest: unknown[]) {
        return original.call(this, entry.pipe(new Utf8BoundaryTransform()), ...rest);
      };
    }
    wb.__utf8Safe = true;
  }
  const ws = worksheetReader.prototype;
  if (!ws.__utf8Safe) {
    const originalParse = ws.parse as (this: { iterator: AsyncIterable<Buffer | string> }) => unknown;
    ws.parse = function (this: { iterator: AsyncIterable<Buffer | string> }) {
      this.iterator = utf8Chunks(this.iterator);
      return originalParse.call(this);
    };
    ws.__utf8Safe = true;
  }
  applied = true;
}
