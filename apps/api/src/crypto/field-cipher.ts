import { createCipheriv, createDecipheriv, createHmac, DecipherGCM, randomBytes, randomFillSync } from 'node:crypto';
import { Transform } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SealingWorker } from './sealing-worker';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Stored files: "CFE1" | IV | AES-256-GCM ciphertext | auth tag. */
const FILE_MAGIC = Buffer.from('CFE1', 'latin1');
const FILE_HEADER_BYTES = FILE_MAGIC.length + IV_BYTES;
/** IVs drawn from the CSPRNG at a time: one randomBytes() call per ID number cost ~16 µs in the import benchmark. */
const IVS_PER_DRAW = 1024;

/**
 * personal data at rest. AES-256-GCM (node:crypto) for the value; an HMAC-SHA256 blind index for
 * exact-match search without decrypting. Ciphertext format: "v1.<iv>.<tag>.<data>" (base64url).
 */
@Injectable()
export class FieldCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly ivPool = Buffer.alloc(IV_BYTES * IVS_PER_DRAW);
  private ivOffset = this.ivPool.length;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.encryptionKey = Buffer.from(config.crypto.idEncryptionKey, 'base64');
    this.indexKey = Buffer.from(config.crypto.idBlindIndexKey, 'base64');
  }

  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** A fresh random 96-bit IV (GCM's recommended size); each pooled byte is used once. */
  private nextIv(): Buffer {
    if (this.ivOffset === this.ivPool.length) {
      randomFillSync(this.ivPool);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  decrypt(token: string): string {
    const [version, iv, tag, data] = token.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('unrecognised ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * stored files (uploaded sheets hold every ID number in clear) are encrypted at rest with the same key:
   * AES-256-GCM over the stream, a random IV per file, the tag at the end.
   */
  encryptingStream(): Transform {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    let headerSent = false;
    const header = (stream: Transform) => {
      if (!headerSent) stream.push(Buffer.concat([FILE_MAGIC, iv]));
      headerSent = true;
    };
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        header(this);
        callback(null, cipher.update(chunk));
      },
      flush(callback) {
        header(this);
        this.push(cipher.final());
        callback(null, cipher.getAuthTag());
      },
    });
  }

  /**
   * The inverse of encryptingStream(). GCM authenticates only at the end: the stream fails (and consumers must
   * discard what they read) when the file was altered or is not one of ours.
   */
  decryptingStream(): Transform {
    const key = this.encryptionKey;
    let pending = Buffer.alloc(0);
    let decipher: DecipherGCM | null = null;
    return new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        pending = Buffer.concat([pending, chunk]);
        if (!decipher) {
          if (pending.length < FILE_HEADER_BYTES) return callback();
          if (!pending.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) {
            return callback(new Error('stored file is not encrypted'));
          }
          decipher = createDecipheriv('aes-256-gcm', key, pending.subarray(FILE_MAGIC.length, FILE_HEADER_BYTES));
          pending = pending.subarray(FILE_HEADER_BYTES);
        }
        // The last TAG_BYTES seen so far may be the tag: hold them back.
        const ready = pending.length - TAG_BYTES;
        if (ready <= 0) return callback();
        const out = decipher.update(pending.subarray(0, ready));
        pending = pending.subarray(ready);
        callback(null, out);
      },
      flush(callback) {
        if (!decipher || pending.length !== TAG_BYTES) return callback(new Error('stored file is truncated'));
        try {
          decipher.setAuthTag(pending);
          callback(null, decipher.final());
        } catch (error) {
          callback(error as Error);
        }
      },
    });
  }

  /** A worker thread that seals imported rows the way encrypt and blindIndex do (the caller closes it). */
  sealingWorker(): SealingWorker {
    return new SealingWorker({ encryptionKey: this.encryptionKey, indexKey: this.indexKey });
  }

  /** Deterministic keyed digest of a normalised value (upper-case, trimmed) for exact lookups. */
  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain.trim().toUpperCase()).digest('hex');
  }
}
