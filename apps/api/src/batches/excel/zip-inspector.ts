import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { DomainError } from '@app/domain';
import { notXlsx, zipBomb } from './import-errors';

// Reads a zip's central directory (PKWARE APPNOTE §4.3) without unpacking anything, so an upload can be judged
// by its declared sizes before the Excel parser inflates it (R-42: zip bombs). `verifyZipEntries` then
// inflates each entry once with a byte cap, so a directory that lies about sizes is caught too, and checks that
// the local entries tile the file, so nothing hides outside the directory. The sheet reader (xlsx-sheet-reader.ts)
// then inflates the entries it needs, found through the same directory (`inflateEntryChunks`).

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Declared unpacked ÷ packed, for the whole archive and for any entry over 1 MB unpacked. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxRatio: 100,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  fileSize: number;
  centralDirectoryOffset: number;
  entries: ZipEntryInfo[];
  compressedBytes: number;
  uncompressedBytes: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
const ENTRY_RATIO_MIN_BYTES = 1024 * 1024;
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024 * 1024;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return bytesRead === length ? buf : buf.subarray(0, bytesRead);
}

function u64(buf: Buffer, offset: number): number {
  const v = buf.readBigUInt64LE(offset);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw zipBomb('压缩包声明的大小超出范围');
  }
  return Number(v);
}

/** Parses the end-of-central-directory record (zip64 aware) and every central directory entry. */
export async function readZipDirectory(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipDirectory> {
  const fh = await open(path, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const head = await readAt(fh, 0, 8);
    if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) {
      throw notXlsx('这是旧版 .xls 文件或加密（设置了打开密码）的文件，请另存为不加密的 .xlsx 后上传');
    }
    if (head.length < 4 || head.readUInt32LE(0) !== SIG_LOCAL) {
      throw notXlsx('文件头不是 ZIP/xlsx 格式');
    }
    const tailLength = Math.min(fileSize, 22 + 65535);
    const tail = await readAt(fh, fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw notXlsx('文件不完整（找不到 ZIP 目录）');
    }
    let entryCount = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locatorAt = eocd - 20;
      if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== SIG_ZIP64_LOCATOR) {
        throw notXlsx('ZIP64 目录定位信息缺失');
      }
      const z64Offset = u64(tail, locatorAt + 8);
      const z64 = await readAt(fh, z64Offset, 56);
      if (z64.length < 56 || z64.readUInt32LE(0) !== SIG_ZIP64_EOCD) {
        throw notXlsx('ZIP64 目录损坏');
      }
      entryCount = u64(z64, 32);
      cdSize = u64(z64, 40);
      cdOffset = u64(z64, 48);
    }
    if (entryCount > limits.maxEntries) {
      throw zipBomb(`压缩包内文件数过多（${entryCount} 个，上限 ${limits.maxEntries} 个）`, { entryCount });
    }
    if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES || cdOffset + cdSize > fileSize) {
      throw notXlsx('ZIP 目录损坏');
    }
    const cd = await readAt(fh, cdOffset, cdSize);
    const entries: ZipEntryInfo[] = [];
    let p = 0;
    for (let i = 0; i < entryCount; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) {
        throw notXlsx('ZIP 目录损坏');
      }
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let compressedSize = cd.readUInt32LE(p + 20);
      let uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      // Zip64 extended information (header id 0x0001): only the fields whose 32-bit value is 0xFFFFFFFF.
      let x = p + 46 + nameLength;
      const extraEnd = x + extraLength;
      while (x + 4 <= extraEnd) {
        const id = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(cd, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(cd, q);
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) {
            localHeaderOffset = u64(cd, q);
          }
        }
        x += 4 + len;
      }
      entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    const compressedBytes = entries.reduce((s, e) => s + e.compressedSize, 0);
    const uncompressedBytes = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    return { fileSize, centralDirectoryOffset: cdOffset, entries, compressedBytes, uncompressedBytes };
  } finally {
    await fh.close();
  }
}

/** Refuses archives whose declared sizes are out of proportion. */
export function checkZipLimits(dir: ZipDirectory, limits: ZipLimits = DEFAULT_ZIP_LIMITS): void {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (dir.entries.length > limits.maxEntries) {
    throw zipBomb(`压缩包内文件数过多（${dir.entries.length} 个）`);
  }
  if (dir.uncompressedBytes > limits.maxUncompressedBytes) {
    throw zipBomb(`解压后体积过大（${mb(dir.uncompressedBytes)}，上限 ${mb(limits.maxUncompressedBytes)}）`, {
      uncompressedBytes: dir.uncompressedBytes,
    });
  }
  const ratio = dir.uncompressedBytes / Math.max(dir.compressedBytes, 1);
  if (dir.uncompressedBytes > ENTRY_RATIO_MIN_BYTES && ratio > limits.maxRatio) {
    throw zipBomb(`压缩比异常（${Math.round(ratio)} 倍，上限 ${limits.maxRatio} 倍）`, { ratio });
  }
  for (const e of dir.entries) {
    const r = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > ENTRY_RATIO_MIN_BYTES && r > limits.maxRatio) {
      throw zipBomb(`压缩包内文件“${e.name}”压缩比异常（${Math.round(r)} 倍）`, { entry: e.name, ratio: r });
    }
    if ((e.flags & 1) !== 0) {
      throw notXlsx('文件已加密');
    }
    if (e.method !== 0 && e.method !== 8) {
      throw notXlsx(`不支持的压缩方式（${e.method}）`);
    }
  }
}

async function entryDataStart(fh: FileHandle, e: ZipEntryInfo): Promise<number> {
  const h = await readAt(fh, e.localHeaderOffset, 30);
  if (h.length < 30 || h.readUInt32LE(0) !== SIG_LOCAL) {
    throw notXlsx(`压缩包内文件“${e.name}”损坏`);
  }
  return e.localHeaderOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
}

/**
 * The inflated bytes of one entry, streamed from its local data (random access by the central directory, so no
 * entry depends on the ones before it). More than `maxBytes` or more than declared, or less than declared, is
 * refused (ZIP_BOMB); data that does not inflate is NOT_XLSX. Breaking off early releases the file.
 */
export async function* inflateEntryChunks(
  path: string,
  e: ZipEntryInfo,
  maxBytes: number = e.uncompressedSize,
  dataStart?: number,
): AsyncGenerator<Buffer> {
  if (dataStart === undefined) {
    const fh = await open(path, 'r');
    try {
      dataStart = await entryDataStart(fh, e);
    } finally {
      await fh.close();
    }
  }
  if (e.compressedSize === 0) {
    if (e.uncompressedSize !== 0) {
      throw zipBomb(`压缩包内文件“${e.name}”解压后大小与声明不符`, { entry: e.name });
    }
    return;
  }
  const cap = Math.min(maxBytes, e.uncompressedSize);
  let total = 0;
  const file = createReadStream(path, { start: dataStart, end: dataStart + e.compressedSize - 1 });
  // pipeline, not pipe: a read error reaches the iterator, and an early stop closes the file.
  const source: Readable =
    e.method === 8 ? pipeline(file, createInflateRaw({ chunkSize: 64 * 1024 }), () => undefined) : file;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap) {
        throw zipBomb(`压缩包内文件“${e.name}”解压后大小超过声明或上限`, { entry: e.name });
      }
      yield chunk;
    }
  } catch (err) {
    if (err instanceof DomainError) {
      throw err;
    }
    throw notXlsx(`压缩包内文件“${e.name}”无法解压`);
  } finally {
    source.destroy();
    file.destroy();
  }
  if (total !== e.uncompressedSize) {
    throw zipBomb(`压缩包内文件“${e.name}”解压后大小与声明不符`, { entry: e.name });
  }
}

/** Reads one (small) entry into memory, e.g. xl/workbook.xml; at most `maxBytes`. */
export async function readZipEntry(path: string, entry: ZipEntryInfo, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw zipBomb(`压缩包内文件“${entry.name}”过大`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of inflateEntryChunks(path, entry, maxBytes)) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Inflates every entry once, counting bytes (nothing kept): actual sizes must equal declared ones, and local
 * entries must follow each other without gaps up to the central directory, so the file holds exactly the entries
 * judged above (a sequential zip reader, e.g. another tool the file is passed on to, would see the same).
 */
export async function verifyZipEntries(
  path: string,
  dir: ZipDirectory,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const sorted = [...dir.entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
    let expected = 0;
    for (const e of sorted) {
      if (e.localHeaderOffset !== expected) {
        throw zipBomb('压缩包内含有目录之外的数据');
      }
      const start = await entryDataStart(fh, e);
      for await (const _chunk of inflateEntryChunks(path, e, limits.maxUncompressedBytes, start)) {
        // counted and capped, nothing kept
      }
      let end = start + e.compressedSize;
      if ((e.flags & 8) !== 0) {
        // Data descriptor: optional signature, CRC, then 4- or 8-byte sizes.
        const sig = (await readAt(fh, end, 4)).readUInt32LE(0);
        const base = sig === SIG_DATA_DESCRIPTOR ? 4 : 0;
        const candidates = [base + 12, base + 20];
        let next = -1;
        for (const len of candidates) {
          const at = end + len;
          if (at === dir.centralDirectoryOffset) {
            next = at;
            break;
          }
          const probe = await readAt(fh, at, 4);
          if (probe.length === 4 && probe.readUInt32LE(0) === SIG_LOCAL) {
            next = at;
            break;
          }
        }
        if (next < 0) {
          throw notXlsx(`压缩包内文件“${e.name}”的数据描述符损坏`);
        }
        end = next;
      }
      expected = end;
    }
    if (expected !== dir.centralDirectoryOffset) {
      throw zipBomb('压缩包内含有目录之外的数据');
    }
  } finally {
    await fh.close();
  }
}
