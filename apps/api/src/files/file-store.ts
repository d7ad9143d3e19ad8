import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, ReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, projectRoot } from '../config/app-config';

/**
 * Stored files (uploaded sheets, error details, attachments) behind one interface, so a deployment can move
 * them from a local/shared directory to object storage without touching features. Keys are generated here.
 */
@Injectable()
export class FileStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = isAbsolute(config.storage.dir) ? config.storage.dir : join(projectRoot(), config.storage.dir);
  }

  newKey(area: string, extension: string): string {
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    return `${area}/${day}/${randomUUID()}${extension}`;
  }

  async putFile(key: string, sourcePath: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(sourcePath, target);
  }

  async putBuffer(key: string, data: Buffer | string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
  }

  async putStream(key: string, data: Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    await pipeline(data, createWriteStream(target));
  }

  read(key: string): ReadStream {
    return createReadStream(this.path(key));
  }

  readBuffer(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  /** A local path for readers that need random access (the exceljs zip reader). */
  localPath(key: string): string {
    return this.path(key);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  private path(key: string): string {
    if (!/^[a-z-]+\/\d{8}\/[0-9a-f-]{36}\.[a-z]+$/.test(key)) throw new Error(`bad file key ${key}`);
    return join(this.root, key);
  }
}
