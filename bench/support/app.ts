// The real API in this process, listening on a free loopback port, against a given database URL. Benchmarks
// talk to it over HTTP with fetch, like the console does.
import '../../apps/api/src/register-paths';
import 'reflect-metadata';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';

export interface BenchApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * NODE_ENV=test (log level warn, so request logs do not flood the terminal; APP_TODAY allowed); storage in a
 * temporary folder. `env` adds overrides.
 */
export async function startBenchApp(
  databaseUrl: string,
  today: string,
  env: Record<string, string> = {},
): Promise<BenchApp> {
  const storage = mkdtempSync(join(tmpdir(), 'cert-bench-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    APP_TODAY: today,
    LOAD_DEMO_DATA: 'false',
    STORAGE_DIR: storage,
    ...env,
  });
  const app = await createApp(config);
  await app.init();
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return {
    app,
    config,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      rmSync(storage, { recursive: true, force: true });
    },
  };
}

/** A logged-in API client (bearer token). */
export interface ApiClient {
  token: string;
  get(path: string): Promise<{ status: number; body: unknown; headers: Headers }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown; headers: Headers }>;
  upload(
    path: string,
    fields: Record<string, string>,
    file: { path: string; name: string },
  ): Promise<{ status: number; body: unknown }>;
}

async function parse(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

export async function login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await parse(res)) as { token?: string };
  if (res.status !== 200 || !body?.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  const auth = { authorization: `Bearer ${body.token}` };
  return {
    token: body.token,
    async get(path) {
      const r = await fetch(`${baseUrl}${path}`, { headers: auth });
      return { status: r.status, body: await parse(r), headers: r.headers };
    },
    async post(path, payload) {
      const r = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return { status: r.status, body: await parse(r), headers: r.headers };
    },
    async upload(path, fields, file) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', await openAsBlob(file.path), file.name);
      const r = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: auth, body: form });
      return { status: r.status, body: await parse(r) };
    },
  };
}
