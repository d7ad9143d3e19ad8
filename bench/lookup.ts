// `npm run bench -- lookup [--certificates 1000000] [--seconds 20] [--concurrency 50] [--keep] [--reuse <db>]`
// Issue "public lookup" benchmark: new-mode three-field queries of others (POST /api/lookup/others) on MariaDB with
// 1,000,000 published visible certificates, 50 concurrent connections — throughput and p99 — against the same
// run's bare mysql2 point-select loop through a pool of 50 doing the same lookup by blind index. Quota enforcement
// is included: every request takes one from its account's daily quota in the database (limit set high, 200
// accounts, so the run measures the enforcement and never hits the limit).
import '../apps/api/src/register-paths';
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Worker } from 'node:worker_threads';
import { createPool } from 'mysql2/promise';
import { addDaysIso, maskIdNumber } from '../libs/domain/src';
import { loadConfig } from '../apps/api/src/config/app-config';
import { FieldCipher } from '../apps/api/src/crypto/field-cipher';
import { hashPassword } from '../apps/api/src/crypto/password-hasher';
import { recordBenchmark } from './record';
import { startBenchApp } from './support/app';
import { arg, beijingToday, flag, nowMs, percentile } from './support/measure';
import {
  connect,
  connectionOptions,
  createBenchDatabase,
  existingBenchDatabase,
  keepDatabase,
  serverFacts,
  type BenchDatabase,
} from './support/mysql';
import { openDataSource, seedDemo } from './support/seed';
import type { BeforeQueryEvent, DataSource, EntitySubscriberInterface } from 'typeorm';

const ACCOUNTS = 200;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
/** Length of each HTTP floor run (the same client against servers that do no lookup). */
const FLOOR_SECONDS = 10;

/** The generated certificate `i`: what a caller types for it. */
function certificateOf(i: number) {
  return {
    name: `持证人${i % 9973}`,
    idNumber: `44010${String(i).padStart(13, '0')}`,
    certificateNumber: `L${String(i).padStart(21, '0')}`,
  };
}

async function generate(db: BenchDatabase, today: string, total: number, cipher: FieldCipher): Promise<number> {
  const t0 = nowMs();
  const ds = await openDataSource(db.url);
  try {
    await seedDemo(ds, db.url, today);
  } finally {
    await ds.destroy();
  }
  const c = await connect(db.url);
  try {
    const [[inst]] = (await c.query(
      "SELECT id, path FROM organisations WHERE level = 'institution' ORDER BY id LIMIT 1",
    )) as unknown as [{ id: number; path: string }[]];
    const [[creator]] = (await c.query('SELECT id FROM users ORDER BY id LIMIT 1')) as unknown as [{ id: number }[]];
    const [batch] = (await c.query(
      "INSERT INTO batches (version, kind, status, institution_id, org_path, record_count, file_name, file_checksum, created_by_id, published_on, round) VALUES (3, 'skill_level', 'published', ?, ?, ?, 'bench-lookup.xlsx', ?, ?, ?, 1)",
      [inst.id, inst.path, total, createHash('sha256').update('bench-lookup').digest('hex'), creator.id, today],
    )) as unknown as [{ insertId: number }];
    const columns = [
      'version',
      'batch_id',
      'institution_id',
      'kind',
      'holder_name',
      'id_type',
      'id_number_enc',
      'id_number_hash',
      'id_number_masked',
      'gender',
      'birth_date',
      'occupation_code',
      'occupation_name',
      'level',
      'certificate_number',
      'issue_date',
      'status',
      'row_number',
      'published_on',
      'lookup_status',
    ];
    const sql = `INSERT INTO certificates (${columns.map((x) => `\`${x}\``).join(', ')}) VALUES ?`;
    await c.query('SET unique_checks = 0');
    await c.query('START TRANSACTION');
    let rows: unknown[][] = [];
    for (let i = 1; i <= total; i++) {
      const cert = certificateOf(i);
      rows.push([
        1,
        batch.insertId,
        inst.id,
        'skill_level',
        cert.name,
        1,
        `v1.${createHash('sha256').update(cert.idNumber).digest('hex').slice(0, 63)}`,
        // The real blind index: the API computes the same HMAC of the typed ID number.
        cipher.blindIndex(cert.idNumber),
        maskIdNumber(cert.idNumber),
        1,
        '1990-01-01',
        '4-03-02-01',
        '中式烹调师',
        4,
        cert.certificateNumber,
        addDaysIso(today, -(i % 700) - 1),
        'published',
        (i % 10000) + 2,
        today,
        'visible',
      ]);
      if (rows.length === 2000) {
        await c.query(sql, [rows]);
        rows = [];
        if (i % 100_000 === 0) {
          await c.query('COMMIT');
          await c.query('START TRANSACTION');
          console.log(`[bench] lookup: ${i.toLocaleString('en-US')} 条`);
        }
      }
    }
    if (rows.length) await c.query(sql, [rows]);
    await c.query('COMMIT');
    await c.query('SET unique_checks = 1');
    await c.query('ANALYZE TABLE certificates');
  } finally {
    await c.end();
  }
  return (nowMs() - t0) / 1000;
}

/** 200 person accounts with an open session each, written directly (logins are not what is measured). */
async function accounts(db: BenchDatabase, cipher: FieldCipher, now: Date): Promise<string[]> {
  const c = await connect(db.url);
  const passwordHash = await hashPassword(`Bench#${randomBytes(6).toString('hex')}`);
  const tokens: string[] = [];
  try {
    await c.query('DELETE FROM lookup_sessions');
    await c.query('DELETE FROM lookup_accounts');
    await c.query('DELETE FROM lookup_quotas');
    for (let a = 0; a < ACCOUNTS; a++) {
      const id = `91${String(a).padStart(16, '0')}`;
      const mobile = `139${String(a).padStart(8, '0')}`;
      const [res] = (await c.query(
        "INSERT INTO lookup_accounts (type, name, id_type, identifier_enc, identifier_hash, identifier_masked, mobile_enc, mobile_hash, mobile_masked, password_hash) VALUES ('person', ?, 1, ?, ?, ?, ?, ?, ?, ?)",
        [
          `查询人${a}`,
          cipher.encrypt(id),
          cipher.blindIndex(id),
          maskIdNumber(id),
          cipher.encrypt(mobile),
          cipher.blindIndex(`mobile:${mobile}`),
          `139****${mobile.slice(-4)}`,
          passwordHash,
        ],
      )) as unknown as [{ insertId: number }];
      const token = randomBytes(32).toString('base64url');
      await c.query('INSERT INTO lookup_sessions (token_hash, account_id, last_seen_at, ip) VALUES (?, ?, ?, ?)', [
        createHash('sha256').update(token).digest('hex'),
        res.insertId,
        now,
        '127.0.0.1',
      ]);
      tokens.push(token);
    }
  } finally {
    await c.end();
  }
  return tokens;
}

/** Records every statement TypeORM sends while `on` (the probe below). */
class StatementRecorder implements EntitySubscriberInterface {
  recording: { query: string; parameters: unknown[] }[] | null = null;
  beforeQuery(event: BeforeQueryEvent): void {
    this.recording?.push({ query: event.query, parameters: (event.parameters as unknown[] | undefined) ?? [] });
  }
}

/**
 * Before the load: the statements and commits of one request (a session that needs no refresh, the schedule and the
 * quota row not yet known to the process, then a second request as most are), each statement's EXPLAIN on this
 * dataset, and single-connection latencies (p50 of sequential requests) of the lookup and of GET /api/lookup/modes.
 */
async function probe(dataSource: DataSource, baseUrl: string, url: string, tokens: string[], total: number) {
  const recorder = new StatementRecorder();
  dataSource.subscribers.push(recorder);
  const post = (token: string, i: number) =>
    fetch(`${baseUrl}/api/lookup/others`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'skill_level', ...certificateOf(i) }),
    }).then((r) => r.json());
  const record = async (token: string, i: number) => {
    recorder.recording = [];
    await post(token, i);
    const done = recorder.recording;
    recorder.recording = null;
    return done;
  };
  const first = await record(tokens[0], 1);
  const steady = await record(tokens[0], 2);
  dataSource.subscribers.splice(dataSource.subscribers.indexOf(recorder), 1);
  const commits = (qs: { query: string }[]) => {
    let n = 0;
    let inTx = false;
    for (const { query } of qs) {
      const q = query.trim().toUpperCase();
      if (q.startsWith('START TRANSACTION') || q.startsWith('BEGIN')) inTx = true;
      else if (q.startsWith('COMMIT')) {
        inTx = false;
        n++;
      } else if (!inTx && /^(INSERT|UPDATE|DELETE)/.test(q)) n++;
    }
    return n;
  };
  const c = await connect(url);
  const explains: string[] = [];
  try {
    for (const q of steady) {
      if (!/^\s*(SELECT|UPDATE|INSERT)/i.test(q.query)) continue;
      const [plan] = (await c.query(`EXPLAIN ${q.query}`, q.parameters)) as unknown as [
        Record<string, string | number | null>[],
      ];
      const text = plan
        .map(
          (p) =>
            `table=${String(p.table)} type=${String(p.type)} key=${String(p.key ?? '-')} rows=${String(p.rows ?? '-')} extra="${String(p.Extra ?? '')}"`,
        )
        .join('; ');
      explains.push(`\`${q.query.replace(/\s+/g, ' ').slice(0, 400)}\` → EXPLAIN ${text}`);
    }
  } finally {
    await c.end();
  }
  const sequential = async (n: number, one: (k: number) => Promise<unknown>) => {
    const ms: number[] = [];
    for (let k = 0; k < n; k++) {
      const t = nowMs();
      await one(k);
      ms.push(nowMs() - t);
    }
    return percentile(ms, 50);
  };
  // One account, warm (session kept, quota row known): the cost of a request as most are.
  const lookupP50 = await sequential(200, (k) => post(tokens[1], 1 + ((k * 7919) % total)));
  const modesP50 = await sequential(200, () => fetch(`${baseUrl}/api/lookup/modes`).then((r) => r.json()));
  return {
    first: { statements: first.length, commits: commits(first) },
    steady: { statements: steady.length, commits: commits(steady), queries: steady.map((q) => q.query) },
    explains,
    lookupP50,
    modesP50,
  };
}

/** The HTTP load runs in a worker thread, so the client does not share the API's event loop. */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { baseUrl, tokens, concurrency, seconds, warmup, total, method = 'POST', path = '/api/lookup/others' } = workerData;
const { hostname, port } = new URL(baseUrl);
// node:http with kept-alive connections, one per concurrent caller: fetch (undici) costs the client several times
// the CPU per request, and on a machine whose two cores the API and MariaDB share it would cap the rate itself.
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const pad = (n, w) => String(n).padStart(w, '0');
const cert = (i) => ({ name: '持证人' + (i % 9973), idNumber: '44010' + pad(i, 13), certificateNumber: 'L' + pad(i, 21) });
let seed = 12345;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const post = (token, payload) => new Promise((resolve, reject) => {
  const body = method === 'POST' ? JSON.stringify(payload) : '';
  const headers = method === 'POST'
    ? { authorization: 'Bearer ' + token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
    : { authorization: 'Bearer ' + token };
  const req = http.request({ hostname, port, path, method, agent, headers }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end(body || undefined);
});
(async () => {
  const latencies = [];
  let ok = 0, found = 0, failed = 0, statuses = {};
  const t0 = performance.now();
  const end = t0 + (warmup + seconds) * 1000;
  const measureFrom = t0 + warmup * 1000;
  let n = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    while (performance.now() < end) {
      const i = 1 + Math.floor(rnd() * total);
      const c = cert(i);
      const token = tokens[(n++) % tokens.length];
      const s = performance.now();
      const res = await post(token, { kind: 'skill_level', ...c });
      const e = performance.now();
      if (s < measureFrom) continue;
      latencies.push(e - s);
      statuses[res.status] = (statuses[res.status] || 0) + 1;
      if (res.status === 200) { ok++; if (res.body.results?.length === 1) found++; } else failed++;
    }
  }));
  agent.destroy();
  parentPort.postMessage({ latencies, ok, found, failed, statuses, seconds });
})();
`;

interface ClientResult {
  latencies: number[];
  ok: number;
  found: number;
  failed: number;
  statuses: Record<string, number>;
  seconds: number;
}

function runClient(data: Record<string, unknown>): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CLIENT, { eval: true, workerData: data });
    worker.once('message', (m: ClientResult) => resolve(m));
    worker.once('error', reject);
  });
}

/** The same lookup by blind index, straight through a mysql2 pool of `concurrency`, for `seconds`. */
async function bareLoop(url: string, cipher: FieldCipher, total: number, concurrency: number, seconds: number) {
  const pool = createPool({ ...connectionOptions(url), connectionLimit: concurrency });
  const latencies: number[] = [];
  let found = 0;
  let seed = 777;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  try {
    const warmEnd = nowMs() + 3000;
    const end = warmEnd + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nowMs() < end) {
          const c = certificateOf(1 + Math.floor(rnd() * total));
          const s = nowMs();
          const [rows] = (await pool.query(
            "SELECT c.id, c.holder_name, c.id_number_masked, c.certificate_number, c.occupation_name, c.level, c.issue_date, i.name FROM certificates c JOIN organisations i ON i.id = c.institution_id WHERE c.kind = 'skill_level' AND c.certificate_number = ? AND c.id_number_hash = ? AND c.holder_name = ? AND c.status = 'published' AND c.lookup_status = 'visible' LIMIT 100",
            [c.certificateNumber, cipher.blindIndex(c.idNumber), c.name],
          )) as unknown as [unknown[]];
          const e = nowMs();
          if (s < warmEnd) continue;
          latencies.push(e - s);
          if (rows.length === 1) found++;
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return { latencies, found, seconds };
}

async function main(): Promise<void> {
  const total = Number(arg('certificates', '1000000'));
  const seconds = Number(arg('seconds', '20'));
  const concurrency = Number(arg('concurrency', '50'));
  const today = beijingToday();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'mysql://bench/none' });
  const cipher = new FieldCipher(config);
  const reuse = arg('reuse');
  let db: BenchDatabase;
  let generatedSeconds = 0;
  if (reuse) {
    db = existingBenchDatabase(reuse);
    console.log(`[bench] lookup: 复用数据库 ${db.name}`);
  } else {
    db = await createBenchDatabase('lookup');
    console.log(`[bench] lookup: 生成 ${total.toLocaleString('en-US')} 条已发布证书 → ${db.name}`);
    generatedSeconds = await generate(db, today, total, cipher);
    console.log(`[bench] lookup: 数据生成用时 ${generatedSeconds.toFixed(1)} s`);
  }
  const facts = await serverFacts(db.url);
  const tokens = await accounts(db, cipher, new Date());
  const countLogs = async () => {
    const c = await connect(db.url);
    try {
      const [[l]] = (await c.query("SELECT COUNT(*) AS n FROM lookup_logs WHERE mode = 'others'")) as unknown as [
        { n: number }[],
      ];
      return Number(l.n);
    } finally {
      await c.end();
    }
  };
  const logsBefore = await countLogs();
  // The API in a process of its own (as in production); this process is only the client's host and the bare loop's.
  const server = fork(__filename, ['--serve', '--url', db.url, '--today', today], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let api: ClientResult;
  let answer: string;
  const floors: Partial<Record<'nest' | 'express' | 'node', ClientResult>> = {};
  const floorLoad = { concurrency, seconds: Math.min(seconds, FLOOR_SECONDS), warmup: 2, total };
  let quotaUsed: number;
  let logged: number;
  let probed: Probe;
  try {
    const { baseUrl } = await reply<{ baseUrl: string }>(server);
    server.send({ cmd: 'probe', tokens, total });
    probed = await reply<Probe>(server);
    console.log(JSON.stringify(probed, null, 2));
    api = await runClient({ baseUrl, tokens, concurrency, seconds, warmup: 3, total });
    answer = await oneAnswer(baseUrl, tokens[0]);
    // The cheapest public route of the same API (the schedule is kept a few seconds: no statement on most requests).
    floors.nest = await runClient({ ...floorLoad, baseUrl, tokens, method: 'GET', path: '/api/lookup/modes' });
    const c = await connect(db.url);
    try {
      const [[q]] = (await c.query('SELECT COALESCE(SUM(used), 0) AS used FROM lookup_quotas')) as unknown as [
        { used: number }[],
      ];
      quotaUsed = Number(q.used);
    } finally {
      await c.end();
    }
    logged = (await countLogs()) - logsBefore;
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.send({ cmd: 'exit' });
    await exited;
  }
  floors.express = await floorRun('express', answer, { ...floorLoad, tokens });
  floors.node = await floorRun('node', answer, { ...floorLoad, tokens });
  const bare = await bareLoop(db.url, cipher, total, concurrency, seconds);
  const apiRate = api.latencies.length / seconds;
  const bareRate = bare.latencies.length / seconds;
  const apiP99 = percentile(api.latencies, 99);
  const p99Ok = apiP99 <= TARGET_P99_MS;
  const correct =
    api.failed === 0 && api.found === api.ok && bare.found === bare.latencies.length && quotaUsed >= api.ok;
  const verdict = (ok: boolean) => (ok ? '达标' : '未达标');
  const record = recordBenchmark({
    name: 'lookup',
    title: 'new-mode three-field queries (POST /api/lookup/others) vs a bare mysql2 point-select loop',
    workload: `${concurrency} concurrent HTTP connections (a client in a worker thread) for ${seconds} s after a 3 s warm-up, each a POST /api/lookup/others for a random one of the certificates with all three fields, by ${ACCOUNTS} logged-in person accounts (session check — the session kept a few seconds as staff principals are —, mode check — the schedule kept a few seconds, the day computed per request —, then the lookup with the province of the data-responsible unit as a subquery, then the daily quota's conditional UPDATE and the lookup-log INSERT committed together with those of the queries arriving meanwhile (group commit: one transaction, one log flush, for all of them); the quota row of the day made once per account and process); then the same lookup by blind index as one SELECT through a mysql2 pool of ${concurrency} for ${seconds} s`,
    datasetSize: `${total.toLocaleString('en-US')} published, visible skill-level certificates (plus the demo data), MariaDB: ${facts}`,
    figure: { label: 'API: POST /api/lookup/others', value: apiRate, unit: 'req/s' },
    baseline: { label: `bare mysql2 point select, pool of ${concurrency}`, value: bareRate, unit: 'queries/s' },
    target: {
      metric: 'ratio',
      op: '>=',
      value: TARGET_RATIO,
      description: `≥ ${TARGET_RATIO}× the bare loop, and p99 ≤ ${TARGET_P99_MS} ms`,
    },
    details: [
      { label: `API p50`, value: percentile(api.latencies, 50), unit: 'ms' },
      { label: `API p99 (target ≤ ${TARGET_P99_MS} ms): ${verdict(p99Ok)}`, value: apiP99, unit: 'ms' },
      { label: 'bare loop p50', value: percentile(bare.latencies, 50), unit: 'ms' },
      { label: 'bare loop p99', value: percentile(bare.latencies, 99), unit: 'ms' },
      ...floorDetails(floors, bareRate, apiRate),
      {
        label: 'statements per request (steady: session fresh, schedule and quota row known)',
        value: probed.steady.statements,
        unit: 'statements',
      },
      { label: 'commits per request (steady)', value: probed.steady.commits, unit: 'commits' },
      {
        label: 'statements / commits of an account’s first request of the day in this process',
        value: probed.first.statements,
        unit: `statements (${probed.first.commits} commits)`,
      },
      { label: 'single connection, sequential: POST /api/lookup/others p50', value: probed.lookupP50, unit: 'ms' },
      { label: 'single connection, sequential: GET /api/lookup/modes p50', value: probed.modesP50, unit: 'ms' },
      { label: 'API answers 200 with the certificate found (of all measured)', value: api.found, unit: 'requests' },
      { label: 'quota taken in the database during the API run (incl. warm-up)', value: quotaUsed, unit: 'queries' },
      {
        label: 'lookup log rows written during the API run (mode others, incl. warm-up and probe)',
        value: logged,
        unit: 'rows',
      },
    ],
    notes: [
      `statuses: ${JSON.stringify(api.statuses)}; data generation ${generatedSeconds.toFixed(0)} s${reuse ? ' (reused database)' : ''}`,
      'The API and the client share this machine’s 2 cores with MariaDB; the bare loop runs after the API run, with the API closed.',
      'The API runs in a process of its own; the HTTP client in a worker thread of the bench process; the single-connection latencies and the statement probe are taken inside the API process before the load.',
      `HTTP floors: after the API run, the same client (node:http, ${concurrency} kept-alive connections) for ${floorLoad.seconds} s each against the API's cheapest public route, then against an Express 5 app and a node:http server in processes of their own answering a found certificate's body; what the bare-Express floor reaches of the bare loop is the most any handler on the architecture's HTTP stack (NestJS on Express) could reach here`,
      'The client is node:http: with fetch (undici) the client itself took about 1 ms of CPU per request and capped every server at about 1,250 req/s on this machine',
      `statements of a steady request: ${probed.steady.queries.map((q) => q.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ')).join(' | ')}`,
      ...probed.explains.map((e) => `EXPLAIN: ${e}`),
    ],
    raw: { apiCount: api.latencies.length, bareCount: bare.latencies.length, p99Ok },
    correct,
  });
  console.log(JSON.stringify({ apiRate, bareRate, ratio: record.ratio, apiP99, pass: record.pass, correct }, null, 2));
  if (flag('keep')) {
    keepDatabase(db.name);
    console.log(`[bench] lookup: 保留数据库 ${db.name}（--reuse ${db.name}）`);
  } else {
    await db.drop();
  }
  process.exitCode = record.pass && p99Ok ? 0 : 1;
}

type Probe = Awaited<ReturnType<typeof probe>>;

/** The floor runs as table rows: rate and p99 of each, and what they leave of the target ratio. */
function floorDetails(
  floors: Partial<Record<'nest' | 'express' | 'node', ClientResult>>,
  bareRate: number,
  apiRate: number,
): { label: string; value: number; unit: string }[] {
  const rate = (r?: ClientResult) => (r ? r.latencies.length / r.seconds : 0);
  const p99 = (r?: ClientResult) => (r ? percentile(r.latencies, 99) : 0);
  const labels = {
    nest: 'HTTP floor: GET /api/lookup/modes of this API (Nest on Express, helmet, pino-http, guard; no statement)',
    express: 'HTTP floor: Express 5 + JSON body parser answering a canned found certificate (no Nest, no database)',
    node: 'HTTP floor: node:http answering the same canned body',
  } as const;
  return [
    ...(['nest', 'express', 'node'] as const).map((k) => ({
      label: labels[k],
      value: rate(floors[k]),
      unit: `req/s (p99 ${p99(floors[k]).toFixed(1)} ms, ${floors[k]?.failed ?? 0} failed)`,
    })),
    {
      label: 'ceiling of the ratio on this machine: bare Express floor / bare loop (any Express handler doing nothing)',
      value: rate(floors.express) / bareRate,
      unit: '×',
    },
    { label: 'API / its own cheapest route (GET /api/lookup/modes)', value: apiRate / rate(floors.nest), unit: '×' },
    {
      // Each saturates the machine on its own, so their machine time per request adds up: a lookup that cost no more
      // than the API's cheapest route plus one bare query could reach at most this.
      label:
        'reach on this machine: 1 / (1 / cheapest-route rate + 1 / bare-loop rate), a lookup costing only its cheapest route plus the bare query, of the bare loop',
      value: 1 / (1 / rate(floors.nest) + 1 / bareRate) / bareRate,
      unit: '×',
    },
  ];
}

/** One found certificate's answer body from the API, for the floor servers to send back. */
async function oneAnswer(baseUrl: string, token: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/lookup/others`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'skill_level', ...certificateOf(1) }),
  });
  return res.text();
}

/** The same client against a floor server (`--floor express|node`) in a process of its own. */
async function floorRun(
  kind: 'express' | 'node',
  answer: string,
  load: Record<string, unknown>,
): Promise<ClientResult> {
  const child = fork(__filename, ['--floor', kind], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { baseUrl } = await reply<{ baseUrl: string }>(child);
    child.send({ answer });
    await reply<{ ready: boolean }>(child);
    return await runClient({ ...load, baseUrl });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  }
}

/**
 * `--floor express|node`: what HTTP alone costs on this machine — the POST read and its JSON parsed, a found
 * certificate's answer sent back; no authentication, no validation, no database. `express`: Express 5 with its JSON
 * body parser (the API's adapter, without Nest or the API's middleware); `node`: node:http.
 */
function floor(kind: string): void {
  let answer = '';
  const send = (res: import('node:http').ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(answer),
    });
    res.end(answer);
  };
  let server: import('node:http').Server;
  if (kind === 'express') {
    const app = express();
    app.set('etag', false);
    app.use(express.json());
    app.post('/api/lookup/others', (req, res) => {
      if (typeof (req.body as { kind?: unknown }).kind !== 'string') res.status(400);
      send(res);
    });
    server = app.listen(0, '127.0.0.1');
  } else {
    server = createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        if (typeof (JSON.parse(text) as { kind?: unknown }).kind !== 'string') res.statusCode = 400;
        send(res);
      });
    });
    server.listen(0, '127.0.0.1');
  }
  server.once('listening', () => {
    process.once('message', (m: { answer: string }) => {
      answer = m.answer;
      process.send!({ ready: true });
    });
    process.send!({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });
}

/** The next message of the API process, or its death. */
function reply<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`API process exited (${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as T);
    });
  });
}

/** `--serve`: the API process. Announces its URL, runs the probe on request (it needs the API's DataSource). */
async function serve(): Promise<void> {
  const url = arg('url')!;
  const app = await startBenchApp(url, arg('today')!, {
    LOOKUP_PERSON_DAILY_QUOTA: '100000000',
    SESSION_IDLE_MINUTES: '480',
  });
  process.on('message', (m: { cmd: string; tokens?: string[]; total?: number }) => {
    if (m.cmd === 'probe') {
      void probe(app.dataSource, app.baseUrl, url, m.tokens!, m.total!).then((r) => process.send!(r));
    } else if (m.cmd === 'exit') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send!({ baseUrl: app.baseUrl });
}

const floorKind = arg('floor');
if (floorKind) {
  floor(floorKind);
} else {
  (flag('serve') ? serve() : main()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
