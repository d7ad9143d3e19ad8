import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES } from '@app/domain';

/** A multipart file as multer left it on local disk (never buffered whole in memory). */
export interface UploadedFile {
  path: string;
  /** As the browser sent it, already decoded as UTF-8. */
  originalName: string;
  size: number;
}

/** The first and last bytes of a file, for the type check: two small reads, whatever its size. */
export async function readEnds(path: string, size: number): Promise<{ head: Uint8Array; tail: Uint8Array }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(SNIFF_HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(SNIFF_TAIL_BYTES, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return { head, tail };
  } finally {
    await handle.close();
  }
}

/** The file as a stream whose bytes also feed `hash` on their way through (one read for storing and hashing). */
export function hashingReader(path: string, hash: Hash = createHash('sha256')): { stream: Readable; hash: Hash } {
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = createReadStream(path);
  source.on('error', (error) => tap.destroy(error));
  return { stream: source.pipe(tap), hash };
}
