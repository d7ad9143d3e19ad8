import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline as pipelineCallback, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, storageRoot } from '../config/app-config';
import { Clock } from '../common/clock';
import { FieldCipher } from '../crypto/field-cipher';

/**
 * Stored files (uploaded sheets, error details, attachments) behind one interface, so a deployment can move
 * them from a local/shared directory to object storage without touching features. Keys are generated here.
 * Every file is encrypted at rest (R-9: uploaded sheets hold ID numbers in clear); readers get plaintext.
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    this.root = storageRoot(config);
  }

  newKey(area: string, extension: string): string {
    const day = this.clock.today().replace(/-/g, '');
    return `${area}/${day}/${randomUUID()}${extension}`;
  }

  putFile(key: string, sourcePath: string): Promise<void> {
    return this.putStream(key, createReadStream(sourcePath));
  }

  putBuffer(key: string, data: Buffer | string): Promise<void> {
    return this.putStream(key, Readable.from([Buffer.from(data)]));
  }

  async putStream(key: string, data: Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(data, this.cipher.encryptingStream(), createWriteStream(target, { mode: 0o600 }));
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
  }

  /** The plaintext; the stream fails at its end if the stored file was altered. */
  read(key: string): Readable {
    return pipelineCallback(createReadStream(this.path(key)), this.cipher.decryptingStream(), () => undefined);
  }

  async readBuffer(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.read(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /**
   * Runs `work` on a decrypted temporary copy, for readers that need random access (the exceljs zip reader),
   * and deletes the copy afterwards whatever happens.
   */
  async withLocalCopy<T>(key: string, work: (path: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'filestore-'));
    try {
      const copy = join(dir, 'file');
      await pipeline(this.read(key), createWriteStream(copy, { mode: 0o600 }));
      return await work(copy);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!/^[a-z-]+\/\d{8}\/[0-9a-f-]{36}\.[a-z]+$/.test(key)) throw new Error(`bad file key ${key}`);
    return join(this.root, key);
  }
}
