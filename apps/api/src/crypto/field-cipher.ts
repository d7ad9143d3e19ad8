import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const VERSION = 'v1';
const IV_BYTES = 12;
/** IVs drawn from the CSPRNG at a time: one randomBytes() call per ID number cost ~16 µs (issue 4 benchmark). */
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
    return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
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

  /** Deterministic keyed digest of a normalised value (upper-case, trimmed) for exact lookups. */
  blindIndex(plain: string): string {
    return createHmac('sha256', this.indexKey).update(plain.trim().toUpperCase()).digest('hex');
  }
}
