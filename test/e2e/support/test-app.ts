import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../../apps/api/src/app.factory';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { Clock } from '../../../apps/api/src/common/clock';
import { FieldCipher } from '../../../apps/api/src/crypto/field-cipher';
import { loadDemoData } from '../../../apps/api/src/seeds/demo-data';
import { DEMO_PASSWORD } from '../../../apps/api/src/seeds/demo-organisations';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_TODAY = '2026-11-23';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  database: TestDatabase;
  /** Logs a demo account in and returns its bearer token (cached per username). */
  login(username: string): Promise<string>;
  /** Temporary upload files still on disk, once every finished request has had a moment to remove its own. */
  uploadsLeft(): Promise<string[]>;
  close(): Promise<void>;
}

/** The real application on a fresh real database with the demo data, "today" fixed (ARCHITECTURE.md Tests). */
export async function createTestApp(options: { today?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Each suite keeps its uploads and reports in its own directory, never in the repository's data/.
  const storageDir = mkdtempSync(join(tmpdir(), 'cert-e2e-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    STORAGE_DIR: storageDir,
    APP_TODAY: options.today ?? TEST_TODAY,
    ...options.env,
  });
  const app = await createApp(config);
  await app.init();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  await loadDemoData(dataSource, {
    today: config.appToday!,
    clock: app.get(Clock),
    cipher: app.get(FieldCipher),
    onlyIfEmpty: false,
  });
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
    dataSource,
    database,
    async login(username: string) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, res.body.token);
      return res.body.token as string;
    },
    async uploadsLeft() {
      const incoming = join(config.storage.dir, 'incoming');
      const left = () => (existsSync(incoming) ? readdirSync(incoming) : []);
      for (let i = 0; i < 20 && left().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      return left();
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** Looks up a demo organisation's id by its name. */
export async function organisationId(dataSource: DataSource, name: string): Promise<number> {
  const rows: { id: number }[] = await dataSource.query('SELECT id FROM organisations WHERE name = ?', [name]);
  if (!rows[0]) throw new Error(`no organisation named ${name}`);
  return Number(rows[0].id);
}
