import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
const mainJs = join(repoRoot, 'dist', 'apps', 'api', 'src', 'main.js');
const consoleIndex = join(repoRoot, 'dist', 'console', 'index.html');

export interface BuiltApp {
  baseUrl: string;
  /** The app's SQLite file, for tests that set up rows no endpoint creates. */
  databaseFile: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the API exited with code ${child.exitCode} before it was healthy:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts the built API (which serves the built console at "/") on a free port with a fresh SQLite
 * file; the API loads the demo data into it on first start. Builds nothing: run `npm run build` first.
 */
export async function startBuiltApp(): Promise<BuiltApp> {
  for (const file of [mainJs, consoleIndex]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the browser tier`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cert-console-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [mainJs], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dataDir, 'app.sqlite')}`,
      // Uploads (attachments, refused sheets) stay with this run, never in the repository's data/.
      STORAGE_DIR: join(dataDir, 'files'),
      APP_TODAY: '2026-11-23',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log.slice(-4000);
  try {
    await waitForHealth(baseUrl, child, output, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    databaseFile: join(dataDir, 'app.sqlite'),
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the API directly as a demo user (to look up ids, or to change a record behind the browser's back). */
export async function apiAs(baseUrl: string, username: string, password = 'Demo@2026') {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const method = init.method ?? 'GET';
    const reply = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!reply.ok) throw new Error(`${method} ${path} → ${reply.status} ${await reply.text()}`);
    return (await reply.json()) as T;
  };
}
