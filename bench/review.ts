// `npm run bench -- review [--certificates 1000000] [--batches 20000] [--requests 300] [--reps 3] [--keep]
//                          [--reuse <cert_bench_… database>]` — the review workflow on MariaDB: with 1,000,000 certificates in
// 20,000 batches across the demo organisations, p50/p95 of the provincial reviewer's queue page and of the
// deadline board (provincial and national admin) through the real API, each against the same run's hand-written
// SQL (mysql2: the same WHERE/ORDER/LIMIT + the count), the EXPLAIN of the SQL the API issues, and the time to
// approve (provincial → national) and to publish (national approval) a 10,000-record batch through the API
// against hand-written SQL doing the same UPDATEs. Then the request overhead of every list (organisations, users,
// batches, certificates, deadlines, audit-logs): each request against a replay of the statements it ran, split into
// steps (bench/support/overhead.ts), and authentication with and without the principal cache.
import '../apps/api/src/register-paths';
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { Connection } from 'mysql2/promise';
import type { Logger, QueryRunner } from 'typeorm';
import { addDaysIso, chineseName, createSeededRng, randomInt, type Rng } from '../libs/domain/src';
import { recordBenchmark, type Measurement } from './record';
import { AuthService } from '../apps/api/src/auth/auth.service';
import { PrincipalCache } from '../apps/api/src/auth/principal-cache';
import { login, startBenchApp, type ApiClient } from './support/app';
import { measureAuthentication, measureOverhead, type OverheadCase } from './support/overhead';
import { shippedNodeFlags, startApiProcess } from './support/api-process';
import { arg, beijingToday, flag, median, nowMs, percentile } from './support/measure';
import {
  connect,
  createBenchDatabase,
  existingBenchDatabase,
  keepDatabase,
  serverFacts,
  type BenchDatabase,
} from './support/mysql';
import { DEMO_PASSWORD, openDataSource, seedDemo } from './support/seed';

const TARGET_P95_MS = 100;
const TARGET_DECISION_MS = 2000;
/** Request overhead: an API list request within this factor of the SQL it runs (p50). */
const TARGET_OVERHEAD = 2;
/** The overhead case that runs no statement: the request floor every list stands on. */
const FLOOR_KEY = 'floor';
const BIG_BATCH = 10_000;
const PAGE = 25;
const SEED = 20_261_123;
const OPEN_STATUSES = [
  'draft',
  'returned',
  'municipal_review',
  'municipal_head_approval',
  'provincial_review',
  'national_review',
];
/** Share of the generated batches per status (national scale: most data is long published). */
const STATUS_MIX: [string, number][] = [
  ['published', 70],
  ['national_review', 5],
  ['provincial_review', 6],
  ['municipal_head_approval', 3],
  ['municipal_review', 5],
  ['returned', 4],
  ['draft', 7],
];
const CERT_STATUS: Record<string, string> = {
  published: 'published',
  returned: 'returned',
  draft: 'draft',
  national_review: 'in_review',
  provincial_review: 'in_review',
  municipal_head_approval: 'in_review',
  municipal_review: 'in_review',
};
const DUE_RULE: Record<string, string> = {
  draft: 'upload',
  returned: 'correction_after_provincial_return',
  municipal_review: 'municipal_review',
  municipal_head_approval: 'municipal_review',
  provincial_review: 'provincial_review',
  national_review: 'national_publish',
};

type Row = (string | number | null)[];

function weighted<T>(rng: Rng, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

// ---------------------------------------------------------------------------------------------------------
// Data: demo data through the app's loader, then 20,000 batches / 1,000,000 certificates by raw multi-row INSERT.

interface Institution {
  id: number;
  path: string;
  weight: number;
  scope: { occupationCode: string; occupationName: string; levels: number[] }[];
}

interface BigBatches {
  approveApi: number[];
  approveSql: number[];
  publishApi: number[];
  publishSql: number[];
}

const BIG_NAMES = {
  approveApi: 'approve-api',
  approveSql: 'approve-sql',
  publishApi: 'publish-api',
  publishSql: 'publish-sql',
} as const;

async function institutions(c: Connection): Promise<Institution[]> {
  const [rows] = (await c.query(
    "SELECT id, name, path, scope FROM organisations WHERE level = 'institution' ORDER BY id",
  )) as unknown as [{ id: number; name: string; path: string; scope: string }[]];
  // Guangdong carries most of the volume (it is the province under test); Sichuan the rest.
  const weights: Record<string, number> = {
    广州市白云区粤厨职业培训学校: 30,
    广州番禺精工机械制造有限公司: 20,
    深圳市宝安区高级技工学校: 20,
    广东省职业技能鉴定协会评价中心: 15,
    成都市锦江区蜀味烹饪职业技能培训学校: 15,
  };
  return rows.map((r) => ({ id: r.id, path: r.path, weight: weights[r.name] ?? 5, scope: JSON.parse(r.scope) }));
}

/** Secondary indexes of a table as ADD clauses, so they can be dropped for a bulk load and rebuilt by sorting. */
async function secondaryIndexes(c: Connection, table: string): Promise<{ name: string; add: string }[]> {
  const [rows] = (await c.query(`SHOW INDEX FROM \`${table}\``)) as unknown as [
    { Key_name: string; Column_name: string; Seq_in_index: number; Non_unique: number }[],
  ];
  const byName = new Map<string, { unique: boolean; columns: string[] }>();
  for (const r of rows.filter((x) => x.Key_name !== 'PRIMARY').sort((a, b) => a.Seq_in_index - b.Seq_in_index)) {
    const entry = byName.get(r.Key_name) ?? { unique: Number(r.Non_unique) === 0, columns: [] };
    entry.columns.push(r.Column_name);
    byName.set(r.Key_name, entry);
  }
  return [...byName].map(([name, i]) => ({
    name,
    add: `ADD ${i.unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${i.columns.map((col) => `\`${col}\``).join(', ')})`,
  }));
}

async function generate(
  db: BenchDatabase,
  today: string,
  totalCertificates: number,
  totalBatches: number,
  reps: number,
): Promise<{ bigs: BigBatches; seconds: number; demoCertificates: number }> {
  const t0 = nowMs();
  const ds = await openDataSource(db.url);
  try {
    await seedDemo(ds, db.url, today);
  } finally {
    await ds.destroy();
  }
  const c = await connect(db.url);
  try {
    const [[{ demo }]] = (await c.query('SELECT COUNT(*) AS demo FROM certificates')) as unknown as [
      { demo: number }[],
    ];
    const insts = await institutions(c);
    const gz1 = insts.find((i) => i.weight === 30) ?? insts[0];
    const [[creator]] = (await c.query(
      "SELECT id, display_name AS name FROM users WHERE username = 'inst_gz1'",
    )) as unknown as [{ id: number; name: string }[]];
    const [[{ maxBatch }]] = (await c.query('SELECT COALESCE(MAX(id), 0) AS maxBatch FROM batches')) as unknown as [
      { maxBatch: number }[],
    ];
    const rng = createSeededRng(SEED);

    // Batch sizes: 4 × reps batches of exactly 10,000 records (approve/publish, API and SQL), the rest of the
    // certificates spread over the other batches (1 … ~2× the mean records each).
    const bigCount = 4 * reps;
    const smallBatches = totalBatches - bigCount;
    const smallCertificates = totalCertificates - bigCount * BIG_BATCH;
    if (smallBatches < 1 || smallCertificates < smallBatches) {
      throw new Error('--certificates too small for the batches and the 10,000-record batches');
    }
    const sizes: number[] = [];
    let left = smallCertificates;
    for (let i = 0; i < smallBatches; i++) {
      const remainingBatches = smallBatches - i;
      const mean = left / remainingBatches;
      const size =
        remainingBatches === 1
          ? left
          : Math.max(1, Math.min(left - (remainingBatches - 1), Math.round(mean * (0.05 + rng() * 1.9))));
      sizes.push(size);
      left -= size;
    }

    interface PlannedBatch {
      id: number;
      status: string;
      institution: Institution;
      size: number;
      dueDate: string | null;
      stageReceivedOn: string | null;
      publishedOn: string | null;
      fileName: string;
    }
    const planned: PlannedBatch[] = [];
    let nextId = Number(maxBatch) + 1;
    const bigs: BigBatches = { approveApi: [], approveSql: [], publishApi: [], publishSql: [] };
    for (const key of Object.keys(BIG_NAMES) as (keyof BigBatches)[]) {
      for (let r = 0; r < reps; r++) {
        const status = key.startsWith('approve') ? 'provincial_review' : 'national_review';
        const received = addDaysIso(today, -3);
        planned.push({
          id: nextId,
          status,
          institution: gz1,
          size: BIG_BATCH,
          dueDate: addDaysIso(received, 21),
          stageReceivedOn: received,
          publishedOn: null,
          fileName: `bench-${BIG_NAMES[key]}-${r + 1}.xlsx`,
        });
        bigs[key].push(nextId++);
      }
    }
    for (const size of sizes) {
      const status = weighted(rng, STATUS_MIX);
      const institution = weighted(
        rng,
        insts.map((i) => [i, i.weight] as [Institution, number]),
      );
      const received = addDaysIso(today, -randomInt(rng, 0, 25));
      const open = status !== 'published';
      planned.push({
        id: nextId++,
        status,
        institution,
        size,
        // Open items: due from ~2 weeks ago (overdue) to ~4 weeks ahead; published batches have no stage clock.
        dueDate: open ? addDaysIso(received, randomInt(rng, 5, 30)) : null,
        stageReceivedOn: open ? received : addDaysIso(today, -randomInt(rng, 30, 700)),
        publishedOn: open ? null : addDaysIso(today, -randomInt(rng, 1, 700)),
        fileName: `generated-${nextId - 1}.xlsx`,
      });
    }

    // Batches (20k rows: indexes stay).
    const batchColumns = [
      'id',
      'version',
      'kind',
      'status',
      'institution_id',
      'org_path',
      'record_count',
      'file_name',
      'file_checksum',
      'created_by_id',
      'stage_received_on',
      'due_date',
      'due_rule',
      'submitted_at',
      'published_on',
      'round',
    ];
    for (let i = 0; i < planned.length; i += 2000) {
      const rows: Row[] = planned
        .slice(i, i + 2000)
        .map((b) => [
          b.id,
          3,
          'skill_level',
          b.status,
          b.institution.id,
          b.institution.path,
          b.size,
          b.fileName,
          createHash('sha256').update(`batch-${b.id}`).digest('hex'),
          creator.id,
          b.stageReceivedOn,
          b.dueDate,
          b.status === 'published' ? null : DUE_RULE[b.status],
          b.status === 'draft' ? null : `${b.stageReceivedOn} 09:00:00.000`,
          b.publishedOn,
          b.status === 'draft' ? 0 : 1,
        ]);
      await c.query(`INSERT INTO batches (${batchColumns.map((x) => `\`${x}\``).join(', ')}) VALUES ?`, [rows]);
    }

    // Each generated batch's history as the workflow writes it: its upload, and its submission once it left the
    // draft. Queue queries look into batch_decisions (who authored a batch), so it must be as large as in use,
    // not the demo's few dozen rows the planner would scan whole. (The 10,000-record batches get none: --reuse
    // empties their decisions.)
    const decisionColumns = [
      'batch_id',
      'action',
      'stage',
      'result_status',
      'actor_id',
      'actor_name',
      'actor_role',
      'organisation_id',
      'record_count',
      'due_date',
    ];
    const decisionRows: Row[] = [];
    for (const b of planned.slice(bigCount)) {
      const by = [creator.id, creator.name, 'institution_operator', b.institution.id, b.size];
      decisionRows.push([b.id, 'upload', 'draft', 'draft', ...by, null]);
      if (b.status !== 'draft') {
        decisionRows.push([b.id, 'submit', 'draft', 'municipal_review', ...by, b.stageReceivedOn]);
      }
    }
    for (let i = 0; i < decisionRows.length; i += 5000) {
      await c.query(`INSERT INTO batch_decisions (${decisionColumns.join(', ')}) VALUES ?`, [
        decisionRows.slice(i, i + 5000),
      ]);
    }

    // Certificates: secondary indexes dropped for the load and rebuilt after (one ALTER, built by sorting).
    const indexes = await secondaryIndexes(c, 'certificates');
    await c.query(`ALTER TABLE certificates ${indexes.map((i) => `DROP INDEX \`${i.name}\``).join(', ')}`);
    await c.query('SET unique_checks = 0');
    const certColumns = [
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
      'education',
      'occupation_code',
      'occupation_name',
      'level',
      'certificate_number',
      'issue_date',
      'theory_score',
      'practical_score',
      'result',
      'status',
      'row_number',
      'upload_due',
      'published_on',
    ];
    const insertSql = `INSERT INTO certificates (${certColumns.map((x) => `\`${x}\``).join(', ')}) VALUES ?`;
    let serial = 0;
    let pending: Row[] = [];
    let inFlight: Promise<unknown> = Promise.resolve();
    let sinceCommit = 0;
    await c.query('START TRANSACTION');
    const flush = async () => {
      const rows = pending;
      pending = [];
      await inFlight;
      sinceCommit += rows.length;
      inFlight = c.query(insertSql, [rows]);
      if (sinceCommit >= 100_000) {
        await inFlight;
        await c.query('COMMIT');
        await c.query('START TRANSACTION');
        sinceCommit = 0;
      }
    };
    let done = 0;
    for (const b of planned) {
      const status = CERT_STATUS[b.status];
      for (let k = 0; k < b.size; k++) {
        serial++;
        const gender = rng() < 0.55 ? 1 : 2;
        const scope = b.institution.scope[serial % b.institution.scope.length];
        const level = scope.levels[serial % scope.levels.length];
        const issueDate = addDaysIso(b.stageReceivedOn ?? today, -randomInt(rng, 1, 60));
        const birthDate = addDaysIso(issueDate, -randomInt(rng, 18 * 365, 55 * 365));
        const idNumber = `44010${String(serial).padStart(13, '0')}`;
        const hash = createHash('sha256').update(idNumber).digest('hex');
        const theory = randomInt(rng, 600, 980) / 10;
        const practical = randomInt(rng, 600, 980) / 10;
        pending.push([
          1,
          b.id,
          b.institution.id,
          'skill_level',
          chineseName(rng, gender),
          1,
          // Placeholder ciphertext (same length as FieldCipher's "v1.<iv>.<tag>.<data>"): nothing here decrypts it.
          `v1.${hash.slice(0, 63)}`,
          hash,
          `${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`,
          gender,
          birthDate,
          93,
          scope.occupationCode,
          scope.occupationName,
          level,
          `B${String(serial).padStart(21, '0')}`,
          issueDate,
          theory,
          practical,
          (theory + practical) / 2 >= 90 ? 4 : 3,
          status,
          k + 2,
          addDaysIso(issueDate, 30),
          b.publishedOn,
        ]);
        if (pending.length >= 2000) await flush();
      }
      done += b.size;
    }
    if (pending.length) await flush();
    await inFlight;
    await c.query('COMMIT');
    await c.query('SET unique_checks = 1');
    const tIndex = nowMs();
    await c.query(`ALTER TABLE certificates ${indexes.map((i) => i.add).join(', ')}`);
    console.log(`[bench] review: 二级索引重建 ${((nowMs() - tIndex) / 1000).toFixed(1)} s`);
    const after = await secondaryIndexes(c, 'certificates');
    const same = JSON.stringify(after.map((i) => i.add).sort()) === JSON.stringify(indexes.map((i) => i.add).sort());
    if (!same) throw new Error('certificates indexes differ after the rebuild');
    await c.query('ANALYZE TABLE certificates, batches');
    if (done + Number(demo) !== totalCertificates + Number(demo)) {
      throw new Error('generated certificate count mismatch');
    }
    return { bigs, seconds: (nowMs() - t0) / 1000, demoCertificates: Number(demo) };
  } finally {
    await c.end();
  }
}

/** For --reuse: the 10,000-record batches back to their waiting state (certificates in review, no decisions). */
async function resetBigBatches(db: BenchDatabase, today: string): Promise<BigBatches> {
  const c = await connect(db.url);
  try {
    const bigs: BigBatches = { approveApi: [], approveSql: [], publishApi: [], publishSql: [] };
    for (const key of Object.keys(BIG_NAMES) as (keyof BigBatches)[]) {
      const [rows] = (await c.query('SELECT id FROM batches WHERE file_name LIKE ? ORDER BY id', [
        `bench-${BIG_NAMES[key]}-%`,
      ])) as unknown as [{ id: number }[]];
      bigs[key] = rows.map((r) => r.id);
      const status = key.startsWith('approve') ? 'provincial_review' : 'national_review';
      const received = addDaysIso(today, -3);
      if (bigs[key].length === 0) throw new Error('no 10,000-record batches in the reused database');
      await c.query(
        'UPDATE batches SET status = ?, version = 3, due_date = ?, due_rule = ?, stage_received_on = ?, published_on = NULL WHERE id IN (?)',
        [status, addDaysIso(received, 21), DUE_RULE[status], received, bigs[key]],
      );
      await c.query(
        "UPDATE certificates SET status = 'in_review', published_on = NULL, version = 1 WHERE batch_id IN (?)",
        [bigs[key]],
      );
      await c.query('DELETE FROM batch_decisions WHERE batch_id IN (?)', [bigs[key]]);
    }
    return bigs;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Measuring.

/** Records the SQL TypeORM sends (for EXPLAIN), delegating to the app's own logger. */
class CapturingLogger implements Logger {
  captured: { query: string; parameters: unknown[] }[] | null = null;
  constructor(private readonly inner: Logger) {}
  logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
    this.captured?.push({ query, parameters: parameters ?? [] });
    return this.inner.logQuery(query, parameters, queryRunner);
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
    return this.inner.logQueryError(error, query, parameters, queryRunner);
  }
  logQuerySlow(time: number, query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
    return this.inner.logQuerySlow(time, query, parameters, queryRunner);
  }
  logSchemaBuild(message: string, queryRunner?: QueryRunner) {
    return this.inner.logSchemaBuild(message, queryRunner);
  }
  logMigration(message: string, queryRunner?: QueryRunner) {
    return this.inner.logMigration(message, queryRunner);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown, queryRunner?: QueryRunner) {
    return this.inner.log(level, message, queryRunner);
  }
}

interface ListCase {
  key: string;
  label: string;
  client: ApiClient;
  path: string;
  /** Jurisdiction prefix of the caller and the statuses the API filters on. */
  pathPrefix: string;
  statuses: string[];
}

interface SqlTimes {
  total: number;
  page: number;
  count: number;
}

async function handWritten(c: Connection, l: ListCase): Promise<{ ms: SqlTimes; ids: number[]; total: number }> {
  const t0 = nowMs();
  const [rows] = (await c.query(
    `SELECT * FROM batches WHERE org_path LIKE ? ESCAPE '!' AND status IN (?) ORDER BY due_date ASC, id ASC LIMIT ${PAGE} OFFSET 0`,
    [`${l.pathPrefix}%`, l.statuses],
  )) as unknown as [{ id: number }[]];
  const t1 = nowMs();
  const [[{ n }]] = (await c.query(
    "SELECT COUNT(*) AS n FROM batches WHERE org_path LIKE ? ESCAPE '!' AND status IN (?)",
    [`${l.pathPrefix}%`, l.statuses],
  )) as unknown as [{ n: number }[]];
  const t2 = nowMs();
  return {
    ms: { total: t2 - t0, page: t1 - t0, count: t2 - t1 },
    ids: rows.map((r) => Number(r.id)),
    total: Number(n),
  };
}

async function apiList(l: ListCase): Promise<{ ms: number; ids: number[]; total: number }> {
  const t0 = nowMs();
  const res = await l.client.get(l.path);
  const ms = nowMs() - t0;
  if (res.status !== 200) throw new Error(`${l.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1] ?? NaN);
  return { ms, ids: (res.body as { id: number }[]).map((b) => Number(b.id)), total };
}

function explainText(rows: Record<string, unknown>[]): string {
  return rows
    .map(
      (r) =>
        `table=${String(r.table)} type=${String(r.type)} key=${String((r.key as string | null) ?? 'NULL')} rows=${String(r.rows)} extra="${String((r.Extra as string | null) ?? '')}"`,
    )
    .join('; ');
}

function inlineSql(query: string, parameters: unknown[]): string {
  let i = 0;
  return query.replace(/\?/g, () => {
    const p = parameters[i++];
    return typeof p === 'number' ? String(p) : `'${String(p).replace(/'/g, "''")}'`;
  });
}

async function main(): Promise<void> {
  const totalCertificates = Number(arg('certificates', '1000000'));
  const totalBatches = Number(arg('batches', '20000'));
  const requests = Number(arg('requests', '300'));
  const reps = Number(arg('reps', '3'));
  const keep = flag('keep');
  const reuse = arg('reuse');
  const today = arg('today', beijingToday()) as string;

  let db: BenchDatabase;
  let bigs: BigBatches;
  let generated = { seconds: 0, demoCertificates: 0 };
  if (reuse) {
    db = existingBenchDatabase(reuse);
    bigs = await resetBigBatches(db, today);
    console.log(`[bench] review: 复用数据库 ${db.name}`);
  } else {
    db = await createBenchDatabase('review');
    console.log(
      `[bench] review: 生成 ${totalCertificates.toLocaleString('en-US')} 条证书 / ${totalBatches.toLocaleString('en-US')} 个批次 → ${db.name}`,
    );
    const g = await generate(db, today, totalCertificates, totalBatches, reps);
    bigs = g.bigs;
    generated = g;
    console.log(`[bench] review: 数据生成用时 ${g.seconds.toFixed(1)} s`);
  }
  const facts = await serverFacts(db.url);
  const sql = await connect(db.url);
  const app = await startBenchApp(db.url, today);
  try {
    const [[counts]] = (await sql.query(
      'SELECT (SELECT COUNT(*) FROM certificates) AS certificates, (SELECT COUNT(*) FROM batches) AS batches, (SELECT COUNT(*) FROM batch_decisions) AS decisions',
    )) as unknown as [{ certificates: number; batches: number; decisions: number }[]];
    const [[{ gd }]] = (await sql.query(
      "SELECT path AS gd FROM organisations WHERE name = '广东省职业技能服务指导中心'",
    )) as unknown as [{ gd: string }[]];
    const [[{ nat }]] = (await sql.query(
      "SELECT path AS nat FROM organisations WHERE level = 'national'",
    )) as unknown as [{ nat: string }[]];
    const [statusRows] = (await sql.query(
      'SELECT status, COUNT(*) AS n FROM batches GROUP BY status ORDER BY status',
    )) as unknown as [{ status: string; n: number }[]];

    const clients = {
      gdReviewer: await login(app.baseUrl, 'gd_reviewer', DEMO_PASSWORD),
      gdAdmin: await login(app.baseUrl, 'gd_admin', DEMO_PASSWORD),
      natAdmin: await login(app.baseUrl, 'nat_admin', DEMO_PASSWORD),
      natReviewer: await login(app.baseUrl, 'nat_reviewer', DEMO_PASSWORD),
    };
    const q = (s: string) => encodeURIComponent(s);
    const cases: ListCase[] = [
      {
        key: 'queue',
        label: 'provincial queue page (gd_reviewer, 待我处理)',
        client: clients.gdReviewer,
        path: `/api/admin/batches?filter=${q('{"queue":"mine"}')}&sort=${q('["dueDate","ASC"]')}&range=${q('[0,24]')}`,
        pathPrefix: gd,
        statuses: ['provincial_review'],
      },
      {
        key: 'board_gd',
        label: 'deadline board (gd_admin)',
        client: clients.gdAdmin,
        path: `/api/admin/deadlines?range=${q('[0,24]')}`,
        pathPrefix: gd,
        statuses: OPEN_STATUSES,
      },
      {
        key: 'board_nat',
        label: 'deadline board (nat_admin)',
        client: clients.natAdmin,
        path: `/api/admin/deadlines?range=${q('[0,24]')}`,
        pathPrefix: nat,
        statuses: OPEN_STATUSES,
      },
    ];

    // The SQL the API sends for each list, captured once, and its EXPLAIN.
    const logger = new CapturingLogger(app.dataSource.logger);
    (app.dataSource as unknown as { logger: Logger }).logger = logger;
    const explains: string[] = [];
    let fullScans = 0;
    for (const l of cases) {
      logger.captured = [];
      await apiList(l);
      const listQueries = logger.captured.filter((x) => /FROM `batches`/.test(x.query));
      logger.captured = null;
      for (const x of listQueries) {
        const [plan] = (await sql.query(`EXPLAIN ${x.query}`, x.parameters)) as unknown as [Record<string, unknown>[]];
        if (plan.some((p) => p.type === 'ALL' || p.type === 'index')) fullScans++;
        // Entity reads list every column; shorten that list so the statement stays readable.
        const shown = inlineSql(x.query, x.parameters)
          .replace(/`/g, '')
          .replace(
            /^SELECT (\w+)\.id AS \w+_id, .*? FROM /,
            (_m, alias: string) => `SELECT ${alias}.<all ${x.query.split(' AS ').length - 1} columns> FROM `,
          );
        explains.push(`${l.label}: \`${shown}\` → EXPLAIN ${explainText(plan)}`);
      }
    }

    // Warm-up, then requests interleaved API / hand-written SQL so both see the same machine.
    for (let i = 0; i < 20; i++) {
      for (const l of cases) {
        await apiList(l);
        await handWritten(sql, l);
      }
    }
    const samples = new Map(
      cases.map((l) => [
        l.key,
        { api: [] as number[], sql: [] as number[], page: [] as number[], count: [] as number[] },
      ]),
    );
    let mismatches = 0;
    let firstMismatch = '';
    for (let i = 0; i < requests; i++) {
      for (const l of cases) {
        const a = await apiList(l);
        const h = await handWritten(sql, l);
        const s = samples.get(l.key)!;
        s.api.push(a.ms);
        s.sql.push(h.ms.total);
        s.page.push(h.ms.page);
        s.count.push(h.ms.count);
        if (a.total !== h.total || a.ids.join(',') !== h.ids.join(',')) {
          if (!mismatches) {
            firstMismatch = `${l.key}: API ${a.total} [${a.ids.slice(0, 5).join(',')}…] vs SQL ${h.total} [${h.ids.slice(0, 5).join(',')}…]`;
          }
          mismatches++;
        }
      }
    }
    const totals = new Map<string, number>();
    for (const l of cases) totals.set(l.key, (await handWritten(sql, l)).total);

    // Request overhead of every list against the statements that request runs, and authentication on its own.
    const [[sampleBatch]] = (await sql.query(
      "SELECT id FROM batches WHERE org_path LIKE ? AND status = 'provincial_review' AND file_name NOT LIKE 'bench-%' ORDER BY record_count DESC LIMIT 1",
      [`${gd}%`],
    )) as unknown as [{ id: number }[]];
    const page = q('[0,24]');
    const overheadCases: OverheadCase[] = [
      {
        key: 'organisations',
        label: 'organisations (gd_admin)',
        token: clients.gdAdmin.token,
        path: `/api/admin/organisations?range=${page}`,
      },
      { key: 'users', label: 'users (gd_admin)', token: clients.gdAdmin.token, path: `/api/admin/users?range=${page}` },
      {
        key: 'batches',
        label: 'batches: provincial queue page (gd_reviewer)',
        token: clients.gdReviewer.token,
        path: cases[0].path,
      },
      {
        key: 'certificates',
        label: `certificates of batch ${sampleBatch.id} (gd_reviewer)`,
        token: clients.gdReviewer.token,
        path: `/api/admin/certificates?filter=${q(JSON.stringify({ batchId: Number(sampleBatch.id) }))}&range=${page}`,
      },
      {
        key: 'deadlines',
        label: 'deadlines: deadline board (gd_admin)',
        token: clients.gdAdmin.token,
        path: cases[1].path,
      },
      {
        key: 'audit-logs',
        label: 'audit-logs (nat_admin)',
        token: clients.natAdmin.token,
        path: `/api/admin/audit-logs?range=${page}`,
      },
      // The floor: the same client, session and pipeline (area guard, cached principal, permission, query DTO) on a
      // route that runs no statement — what any list pays before its SQL.
      {
        key: FLOOR_KEY,
        label: 'floor: deadline calculator (gd_admin), no statement',
        token: clients.gdAdmin.token,
        path: `/api/admin/calendar/deadline?rule=provincial_review&from=${today}`,
      },
    ];
    // The API in its own process (shipped Node flags), as in production; the same sessions (tokens) as above.
    // The replay's connection has the API's driver settings (trace off: no stack captured per statement).
    const apiProcess = await startApiProcess(db.url, today);
    const replaySql = await connect(db.url, { trace: false });
    let overhead;
    try {
      overhead = await measureOverhead(apiProcess, replaySql, overheadCases, requests);
    } finally {
      await apiProcess.close();
      await replaySql.end();
    }
    const auth = app.app.get(AuthService);
    const principals = app.app.get(PrincipalCache);
    const token = clients.gdReviewer.token;
    const authTimes = await measureAuthentication(
      () => auth.authenticateSession(token, '127.0.0.1'),
      () => principals.authenticate(token, '127.0.0.1', () => auth.authenticateSession(token, '127.0.0.1')),
      requests,
    );

    // Approve (provincial → national, gd_reviewer) and publish (national approval, nat_reviewer), API vs SQL.
    const versionOf = async (id: number) => {
      const [[{ version }]] = (await sql.query('SELECT version FROM batches WHERE id = ?', [id])) as unknown as [
        { version: number }[],
      ];
      return Number(version);
    };
    const decisions = {
      approveApi: [] as number[],
      approveSql: [] as number[],
      publishApi: [] as number[],
      publishSql: [] as number[],
    };
    let decisionErrors = 0;
    const [[gdReviewerUser]] = (await sql.query(
      "SELECT id, display_name, organisation_id FROM users WHERE username = 'gd_reviewer'",
    )) as unknown as [{ id: number; display_name: string; organisation_id: number }[]];
    const [[natReviewerUser]] = (await sql.query(
      "SELECT id, display_name, organisation_id FROM users WHERE username = 'nat_reviewer'",
    )) as unknown as [{ id: number; display_name: string; organisation_id: number }[]];
    const sqlDecision = async (id: number, publish: boolean) => {
      const version = await versionOf(id);
      const user = publish ? natReviewerUser : gdReviewerUser;
      const t0 = nowMs();
      await sql.query('START TRANSACTION');
      const [res] = (await sql.query(
        publish
          ? "UPDATE batches SET status = 'published', due_date = NULL, due_rule = NULL, stage_received_on = ?, published_on = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'national_review'"
          : "UPDATE batches SET status = 'national_review', due_date = ?, due_rule = 'national_publish', stage_received_on = ?, version = version + 1 WHERE id = ? AND version = ? AND status = 'provincial_review'",
        publish ? [today, today, id, version] : [addDaysIso(today, 21), today, id, version],
      )) as unknown as [{ affectedRows: number }];
      if (publish) {
        await sql.query(
          "UPDATE certificates SET status = 'published', published_on = ?, lookup_status = 'visible', version = version + 1 WHERE batch_id = ? AND status = 'in_review'",
          [today, id],
        );
      }
      await sql.query(
        'INSERT INTO batch_decisions (batch_id, action, stage, result_status, actor_id, actor_name, actor_role, organisation_id, record_count, due_date, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)',
        [
          id,
          'approve',
          publish ? 'national_review' : 'provincial_review',
          publish ? 'published' : 'national_review',
          user.id,
          user.display_name,
          publish ? 'national_reviewer' : 'provincial_reviewer',
          user.organisation_id,
          BIG_BATCH,
          today,
        ],
      );
      await sql.query('COMMIT');
      const ms = nowMs() - t0;
      if (res.affectedRows !== 1) decisionErrors++;
      return ms;
    };
    const apiDecision = async (client: ApiClient, id: number) => {
      const version = await versionOf(id);
      const t0 = nowMs();
      const res = await client.post(`/api/admin/batches/${id}/approve`, { version });
      const ms = nowMs() - t0;
      if (res.status !== 200) {
        decisionErrors++;
        console.error(`[bench] review: approve ${id} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
      return ms;
    };
    for (let r = 0; r < reps; r++) {
      decisions.approveApi.push(await apiDecision(clients.gdReviewer, bigs.approveApi[r]));
      decisions.approveSql.push(await sqlDecision(bigs.approveSql[r], false));
      decisions.publishApi.push(await apiDecision(clients.natReviewer, bigs.publishApi[r]));
      decisions.publishSql.push(await sqlDecision(bigs.publishSql[r], true));
    }
    const [[check]] = (await sql.query(
      "SELECT (SELECT COUNT(*) FROM certificates WHERE batch_id IN (?) AND status = 'published' AND published_on = ?) AS published, (SELECT COUNT(*) FROM batches WHERE id IN (?) AND status = 'national_review') AS approved",
      [bigs.publishApi, today, bigs.approveApi],
    )) as unknown as [{ published: number; approved: number }[]];
    if (Number(check.published) !== reps * BIG_BATCH || Number(check.approved) !== reps) decisionErrors++;

    // Verdicts.
    const stat = (xs: number[]) => ({ p50: median(xs), p95: percentile(xs, 95) });
    const results = cases.map((l) => {
      const s = samples.get(l.key)!;
      return { l, api: stat(s.api), sql: stat(s.sql), page: stat(s.page), count: stat(s.count) };
    });
    const worst = results.reduce((w, r) => (r.api.p95 > w.api.p95 ? r : w));
    const dec = {
      approveApi: median(decisions.approveApi),
      approveSql: median(decisions.approveSql),
      publishApi: median(decisions.publishApi),
      publishSql: median(decisions.publishSql),
      approveMax: Math.max(...decisions.approveApi),
      publishMax: Math.max(...decisions.publishApi),
    };
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    const listOk = results.every((r) => r.api.p95 <= TARGET_P95_MS);
    const decisionsOk = dec.approveMax <= TARGET_DECISION_MS && dec.publishMax <= TARGET_DECISION_MS;
    const details: Measurement[] = [];
    for (const r of results) {
      details.push(
        { label: `${r.l.label}: API p50`, value: r.api.p50, unit: 'ms' },
        {
          label: `${r.l.label}: API p95 (target ≤ ${TARGET_P95_MS} ms): ${verdict(r.api.p95 <= TARGET_P95_MS)}`,
          value: r.api.p95,
          unit: 'ms',
        },
        {
          label: `${r.l.label}: hand-written SQL p50 / p95 (page + count)`,
          value: r.sql.p50,
          unit: `ms / ${r.sql.p95.toFixed(2)} ms`,
        },
        {
          label: `${r.l.label}: of which COUNT(*) p50 / p95 (Content-Range total ${totals.get(r.l.key)!.toLocaleString('en-US')})`,
          value: r.count.p50,
          unit: `ms / ${r.count.p95.toFixed(2)} ms`,
        },
      );
    }
    details.push(
      {
        label: `approve 10,000-record batch provincial → national, API median of ${reps} (max ${dec.approveMax.toFixed(0)} ms; target ≤ ${TARGET_DECISION_MS} ms): ${verdict(dec.approveMax <= TARGET_DECISION_MS)}`,
        value: dec.approveApi,
        unit: 'ms',
      },
      {
        label: 'approve, hand-written SQL (batch UPDATE + decision INSERT, one transaction)',
        value: dec.approveSql,
        unit: 'ms',
      },
      {
        label: `publish 10,000-record batch (national approval), API median of ${reps} (max ${dec.publishMax.toFixed(0)} ms; target ≤ ${TARGET_DECISION_MS} ms): ${verdict(dec.publishMax <= TARGET_DECISION_MS)}`,
        value: dec.publishApi,
        unit: 'ms',
      },
      {
        label: 'publish, hand-written SQL (batch UPDATE + one set-based certificates UPDATE + decision INSERT)',
        value: dec.publishSql,
        unit: 'ms',
      },
      { label: 'ratio publish API / hand-written SQL', value: dec.publishApi / dec.publishSql, unit: '×' },
      {
        label: 'API pages differing from the hand-written SQL (ids or Content-Range total)',
        value: mismatches,
        unit: `of ${requests * cases.length}`,
      },
      { label: 'EXPLAIN rows with a full table or index scan (type ALL/index)', value: fullScans, unit: 'plans' },
    );
    const floorCase = overhead.find((o) => o.key === FLOOR_KEY)!;
    const lists = overhead.filter((o) => o !== floorCase);
    const overheadOk = lists.every((o) => o.ratio <= TARGET_OVERHEAD);
    details.push({
      label: `overhead — ${floorCase.label}: API p50 / p95 (statements: ${floorCase.p50.statements})`,
      value: floorCase.p50.api,
      unit: `ms / ${floorCase.apiP95.toFixed(2)} ms`,
    });
    for (const o of lists) {
      details.push(
        { label: `overhead — ${o.label}: API p50 / p95`, value: o.p50.api, unit: `ms / ${o.apiP95.toFixed(2)} ms` },
        {
          label: `overhead — ${o.label}: the ${o.p50.statements} statements it runs, replayed with mysql2, p50 / p95`,
          value: o.replayP50,
          unit: `ms / ${o.replayP95.toFixed(2)} ms`,
        },
        {
          label: `overhead — ${o.label}: ratio API / SQL p50 (target ≤ ${TARGET_OVERHEAD}×): ${verdict(o.ratio <= TARGET_OVERHEAD)}`,
          value: o.ratio,
          unit: '×',
        },
        {
          label: `overhead — ${o.label}: least ratio within reach, (floor p50 + SQL p50) / SQL p50 — the list's SQL added to a request that runs none`,
          value: (floorCase.p50.api + o.replayP50) / o.replayP50,
          unit: '×',
        },
        {
          label: `overhead — ${o.label}: p50 steps: before the first statement (HTTP, guard, parsing) / statements in the app / between them / after the last (views, JSON, reply)`,
          value: o.p50.beforeFirst,
          unit: `ms / ${o.p50.sqlInApp.toFixed(2)} ms / ${o.p50.between.toFixed(2)} ms / ${o.p50.afterLast.toFixed(2)} ms`,
        },
        {
          label: `overhead — ${o.label}: p50 inside the API process: arrival (HTTP parsed) → first statement / last statement → answer handed to Node (res.end) (the rest of the steps above is the loopback, the client and its JSON.parse)`,
          value: o.p50.serverBeforeFirst,
          unit: `ms / ${o.p50.serverAfterLast.toFixed(2)} ms`,
        },
      );
    }
    details.push(
      {
        label:
          'authentication in-process p50: session + user + organisation reads (every request before the principal cache)',
        value: authTimes.uncachedP50,
        unit: 'ms',
      },
      {
        label: `authentication in-process p50: cached principal (auth.principalCacheSeconds ${app.config.auth.principalCacheSeconds} s)`,
        value: authTimes.cachedP50,
        unit: 'ms',
      },
    );
    const allPass = listOk && decisionsOk && fullScans === 0 && overheadOk;
    const record = recordBenchmark({
      name: 'review',
      title: 'Review queue, deadline board, approve and publish at 1M certificates (MariaDB) vs hand-written SQL',
      workload:
        `the API in-process on 127.0.0.1 (fetch over HTTP, bearer tokens); ${requests} measured requests per list after 20 warm-up ` +
        `rounds, API and hand-written SQL (mysql2 query: same WHERE/ORDER/LIMIT ${PAGE} + COUNT(*)) interleaved; then ${reps} × approve ` +
        `(gd_reviewer, provincial_review → national_review) and ${reps} × publish (nat_reviewer, national_review → published) of ` +
        `10,000-record batches through POST /api/admin/batches/:id/approve, each followed by the same change in hand-written SQL on a twin batch`,
      datasetSize:
        `${Number(counts.certificates).toLocaleString('en-US')} certificates in ${Number(counts.batches).toLocaleString('en-US')} batches ` +
        `(${statusRows.map((s) => `${s.status} ${Number(s.n).toLocaleString('en-US')}`).join(', ')}) across the 5 demo institutions ` +
        `(Guangdong ~85%), incl. the demo data's ${generated.demoCertificates || '~2,000'} certificates, and ${Number(counts.decisions).toLocaleString('en-US')} batch decisions (each generated batch's upload, and its submission once out of draft); generated by raw multi-row INSERT ` +
        `into a freshly migrated database${generated.seconds ? ` in ${generated.seconds.toFixed(0)} s` : ''}; server ${facts}`,
      figure: { label: `worst list p95: ${worst.l.label}, API`, value: worst.api.p95, unit: 'ms p95' },
      baseline: { label: `${worst.l.label}, hand-written SQL (page + count)`, value: worst.sql.p95, unit: 'ms p95' },
      target: {
        metric: 'figure',
        op: '<=',
        value: TARGET_P95_MS,
        description: `every list p95 ≤ ${TARGET_P95_MS} ms (also: approve and publish ≤ ${TARGET_DECISION_MS} ms, no full scans — verdicts in the table)`,
      },
      details,
      notes: [
        `all targets: list p95 ${verdict(listOk)}, approve/publish ${verdict(decisionsOk)}, EXPLAIN without full scans ${verdict(fullScans === 0)}, request overhead ≤ ${TARGET_OVERHEAD}× the SQL it runs for every list ${verdict(overheadOk)} — overall ${verdict(allPass)}`,
        `request overhead: the API in its own process, started with the shipped Node flags (${shippedNodeFlags().join(' ')}, as npm start), NODE_ENV=test log level (no line per successful request); the client is node:http with a kept-alive connection and parses each JSON answer (the list figures above use fetch against the in-process API). ${requests} rounds per list after 20 warm-up rounds, each an API request (a query timer inside the API process records its statements with process.hrtime, the monotonic clock both processes share) followed by the replay of exactly those statements with mysql2 on its own connection (the API's driver settings: trace off); "before the first statement" includes HTTP parsing, routing, the area guard and authentication (a cached principal on most requests: a session is read from the database when its cache entry is older than the lifetime or its last activity is due for a refresh); "after the last" includes the reply and the client's JSON.parse`,
        "ID numbers in the generated certificates are a placeholder ciphertext (not FieldCipher output) and a SHA-256 in id_number_hash: no list or decision here decrypts; the demo data's own certificates are really encrypted",
        'the API figure includes authentication (session, user, organisation lookups), the jurisdiction filter, the COUNT for Content-Range (run when the page is full; a shorter page gives the total itself, so short lists run no COUNT and their replay has none either), the institution/organisation names and the working-day countdown of each row; the SQL baseline is the page query (SELECT * … ORDER BY due_date, id LIMIT 25) and the count only',
        'on MySQL/MariaDB a list starts its COUNT alongside the page (docs/decisions.md, "Lists: the COUNT alongside the page"); a short page tells its total and leaves that COUNT unused, but it ran, so it is among the statements replayed — for the short lists here (organisations, users) the baseline includes one statement the answer did not need; the floor row is the fairer yardstick for them',
        "the deadline board reads its page in two steps (ids from the batches (status, org_path, due_date) index alone, then 25 rows by primary key), which is why it can beat the one-statement baseline that sorts the open batches' rows",
        `COUNT(*) for Content-Range is not the slow part at this scale: it is an index-only range over the open batches of the caller's jurisdiction (p50 in the table), bounded by open work, not by the 1M certificates or the published history`,
        ...explains.map((e) => `EXPLAIN — ${e}`),
      ],
      raw: {
        requests,
        reps,
        today,
        database: db.name,
        lists: results.map((r) => ({
          key: r.l.key,
          api: r.api,
          sql: r.sql,
          page: r.page,
          count: r.count,
          total: totals.get(r.l.key),
        })),
        overhead,
        authentication: authTimes,
        decisions,
        firstMismatch,
        explains,
      },
      correct: mismatches === 0 && decisionErrors === 0,
    });
    if (firstMismatch) console.error(`[bench] review: 结果不一致 ${firstMismatch}`);
    process.exitCode = record.pass && allPass ? 0 : 1;
  } finally {
    await app.close();
    await sql.end();
    if (keep || reuse) {
      keepDatabase(db.name);
      console.log(`[bench] review: 保留数据库 ${db.name}（--reuse ${db.name} 可复用；用完请删除）`);
    } else {
      await db.drop();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
