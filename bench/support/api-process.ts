// The real API in its own Node process, as production runs it: started with package.json's
// config.serverNodeFlags (what `npm start` passes), listening on a free loopback port. A benchmark in the parent
// talks to it over HTTP (keep-alive, node:http) and asks it over IPC, outside the timed requests, for the
// statements it ran (a TypeORM subscriber stamps each with process.hrtime, the same monotonic clock in both
// processes), so a request can be split into steps and its statements replayed.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type * as AppModule from './app';
import { arg, nowMs } from './measure';

export interface TimedQuery {
  query: string;
  parameters: unknown[];
  start: number;
  end: number;
}

/** When the API process saw a request arrive (before Express) and its answer end (res.end: handed to Node). */
export interface ServerStamps {
  arrived: number;
  finished: number;
}

const root = resolve(__dirname, '..', '..', '..');

/** IPC carries JSON: a statement's Date and Buffer parameters travel tagged, to be replayed as they were bound. */
type Wire = unknown;
const toWire = (p: unknown): Wire =>
  p instanceof Date
    ? { $date: p.toISOString() }
    : Buffer.isBuffer(p)
      ? { $buffer: p.toString('base64') }
      : Array.isArray(p)
        ? p.map(toWire)
        : p;
const fromWire = (p: Wire): unknown => {
  if (Array.isArray(p)) return p.map(fromWire);
  if (p !== null && typeof p === 'object') {
    const tagged = p as { $date?: string; $buffer?: string };
    if (typeof tagged.$date === 'string') return new Date(tagged.$date);
    if (typeof tagged.$buffer === 'string') return Buffer.from(tagged.$buffer, 'base64');
  }
  return p;
};

/** The Node flags `npm start` / `npm run start:prod` give the server (package.json config.serverNodeFlags). */
export function shippedNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { config: { serverNodeFlags: string } };
  return pkg.config.serverNodeFlags.split(' ').filter(Boolean);
}

// ---------------------------------------------------------------------------------------------------------
// Child.

async function serveChild(): Promise<void> {
  const [url, today, env] = [arg('url')!, arg('today')!, JSON.parse(arg('env', '{}')!) as Record<string, string>];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only in the child that serves the API
  const { startBenchApp } = require('./app') as typeof AppModule;
  const app = await startBenchApp(url, today, env);
  // Every statement with its start and end; the parent takes those of a request's time window.
  let queries: TimedQuery[] = [];
  app.dataSource.subscribers.push({
    beforeQuery(event) {
      queries.push({
        query: event.query,
        parameters: (event.parameters as unknown[] | undefined) ?? [],
        start: nowMs(),
        end: NaN,
      });
    },
    afterQuery(event) {
      const at = nowMs();
      for (let i = queries.length - 1; i >= 0; i--) {
        if (Number.isNaN(queries[i].end) && queries[i].query === event.query) {
          queries[i].end = at;
          return;
        }
      }
    },
  });
  // Before Express's own listener: the moment Node's HTTP parser hands the request over.
  let stamps: ServerStamps[] = [];
  (app.app.getHttpServer() as Server).prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    const stamp = { arrived: nowMs(), finished: NaN };
    stamps.push(stamp);
    // When the framework hands the whole answer to Node (res.end), not when the socket write completes.
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      stamp.finished = nowMs();
      return end(...args);
    }) as typeof res.end;
  });
  process.on('message', (m: { cmd: string }) => {
    if (m.cmd === 'take') {
      process.send!({
        queries: queries.map((q) => ({
          ...q,
          parameters: q.parameters.map(toWire),
          end: Number.isNaN(q.end) ? null : q.end,
        })),
        stamps: stamps.map((s) => ({ ...s, finished: Number.isNaN(s.finished) ? null : s.finished })),
      });
      queries = [];
      stamps = [];
    } else if (m.cmd === 'exit') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send!({ baseUrl: app.baseUrl });
}

if (require.main === module && process.argv.includes('--child')) {
  serveChild().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Parent.

export interface ApiProcess {
  baseUrl: string;
  /** Statements and requests since the last call, with their process.hrtime stamps (ms). */
  take(): Promise<{ queries: TimedQuery[]; stamps: ServerStamps[] }>;
  /**
   * GET with a bearer token over a kept-alive connection: status, the JSON body parsed (as the console does with
   * every answer) and the Content-Range header.
   */
  get(token: string, path: string): Promise<{ status: number; body: unknown; contentRange: string | undefined }>;
  close(): Promise<void>;
}

/** Starts the API in its own process with the shipped Node flags (plus BENCH_CHILD_NODE_ARGS, e.g. --cpu-prof). */
export async function startApiProcess(
  databaseUrl: string,
  today: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const execArgv = [
    ...shippedNodeFlags(),
    ...(process.env.BENCH_CHILD_NODE_ARGS ? process.env.BENCH_CHILD_NODE_ARGS.split(' ') : []),
  ];
  const child: ChildProcess = fork(
    __filename,
    ['--child', '--url', databaseUrl, '--today', today, '--env', JSON.stringify(env)],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv },
  );
  const next = <T>() =>
    new Promise<T>((resolvePromise, reject) => {
      const onExit = (code: number | null) => reject(new Error(`API process exited (${code}) before answering`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolvePromise(m as T);
      });
    });
  const { baseUrl } = await next<{ baseUrl: string }>();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    baseUrl,
    async take() {
      const answer = next<{
        queries: (Omit<TimedQuery, 'end'> & { end: number | null })[];
        stamps: { arrived: number; finished: number | null }[];
      }>();
      child.send({ cmd: 'take' });
      const { queries, stamps } = await answer;
      return {
        queries: queries.map((q) => ({ ...q, parameters: q.parameters.map(fromWire), end: q.end ?? NaN })),
        stamps: stamps.map((s) => ({ ...s, finished: s.finished ?? NaN })),
      };
    },
    get(token, path) {
      return new Promise((resolvePromise, reject) => {
        const req = httpRequest(
          `${baseUrl}${path}`,
          { agent, headers: { authorization: `Bearer ${token}` } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              try {
                resolvePromise({
                  status: res.statusCode ?? 0,
                  body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
                  contentRange: res.headers['content-range'],
                });
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end();
      });
    },
    async close() {
      agent.destroy();
      const exited = new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      child.send({ cmd: 'exit' });
      await exited;
    },
  };
}
