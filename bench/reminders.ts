// `npm run bench -- reminders [--items 100000] [--people 5000] [--keep]` — deadline reminders and the mail outbox
// on MariaDB (R-35, R-36, R-37):
//  1. build: 100,000 open items for 5,000 people → the `deadline-reminders` job (through JobRunner: lease, events,
//     digests into the outbox in one transaction); target ≤ 30 s; same-run baseline: hand-written mysql2 inserts of
//     the same event and outbox rows;
//  2. dispatch: the outbox's dispatcher sending the digests to a local SMTP server against a bare nodemailer loop
//     sending the same mails (one pooled transport, 3 connections, every mail handed over at once); target ≥ 0.8×;
//  3. failover: three application processes running `outbox-dispatch` every second against the same database; the
//     lease holder is killed with SIGKILL mid-run → every row received (0 lost), each once (0 duplicates), counted
//     by the server by Message-ID (fixed per outbox row); takeover measured against lease time + one poll.
import '../apps/api/src/register-paths';
import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { createTransport } from 'nodemailer';
import { JobRegistry } from '../apps/api/src/jobs/job-registry';
import { JobRunner } from '../apps/api/src/jobs/job-runner';
import { OutboxDispatchService, outboxMessageId } from '../apps/api/src/mail/outbox-dispatch.service';
import { addDaysIso, createSeededRng, randomInt } from '../libs/domain/src';
import { recordBenchmark, type Measurement } from './record';
import { startBenchApp } from './support/app';
import { arg, flag, nowMs } from './support/measure';
import { connect, createBenchDatabase, keepDatabase, serverFacts } from './support/mysql';
import { SmtpCounter } from './support/smtp-counter';

const TARGET_BUILD_S = 30;
const TARGET_DISPATCH_RATIO = 0.8;
/** A Monday; every generated due date lies within 3 working days ahead or in the past, so each item has an event. */
const TODAY = '2026-11-23';
const SEED = 20_261_124;
const LEASE_SECONDS = 10;
const CLAIM_SECONDS = 10;
const POLL_SECONDS = 1;
const ROUNDS = 2;
const FROM = '证书数据监管平台 <noreply@bench.example.cn>';

const CITIES = 20;
const CITY_ADMINS = 2;
const CITY_HEADS = 1;
const PROVINCE_REVIEWERS = 3;
const PROVINCE_ADMINS = 2;
const OPERATORS_PER_INSTITUTION = 2;

/** Share of open items per batch status. */
const STATUS_MIX: [string, number][] = [
  ['draft', 35],
  ['returned', 15],
  ['municipal_review', 35],
  ['municipal_head_approval', 10],
  ['provincial_review', 5],
];

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function insertRows(c: Connection, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    await c.query(`INSERT INTO \`${table}\` (${columns.map((k) => `\`${k}\``).join(', ')}) VALUES ?`, [part]);
  }
}

/** The organisation tree, the 5,000 people and the open batches, by multi-row INSERT. */
async function generate(c: Connection, items: number, people: number) {
  const rng = createSeededRng(SEED);
  await insertRows(
    c,
    'organisations',
    ['id', 'version', 'level', 'parent_id', 'path', 'region_code', 'name', 'status'],
    [
      [1, 1, 'national', null, '/1/', '000000', '部中心', 'active'],
      [2, 1, 'provincial', 1, '/1/2/', '440000', '省职业技能鉴定指导中心', 'active'],
      ...Array.from({ length: CITIES }, (_, i) => [
        3 + i,
        1,
        'municipal',
        2,
        `/1/2/${3 + i}/`,
        `44${String(i + 1).padStart(2, '0')}00`,
        `第${i + 1}市职业技能鉴定指导中心`,
        'active',
      ]),
    ],
  );
  const centrePeople = CITIES * (CITY_ADMINS + CITY_HEADS) + PROVINCE_REVIEWERS + PROVINCE_ADMINS;
  const institutions = Math.floor((people - centrePeople) / OPERATORS_PER_INSTITUTION);
  const firstInstitution = 3 + CITIES;
  const institutionRows: unknown[][] = [];
  for (let i = 0; i < institutions; i += 1) {
    const id = firstInstitution + i;
    const city = 3 + (i % CITIES);
    institutionRows.push([id, 1, 'institution', city, `/1/2/${city}/${id}/`, '440100', `评价机构${i + 1}`, 'active']);
  }
  await insertRows(
    c,
    'organisations',
    ['id', 'version', 'level', 'parent_id', 'path', 'region_code', 'name', 'status'],
    institutionRows,
  );

  const users: unknown[][] = [];
  const user = (org: number, role: string) => {
    const n = users.length + 1;
    users.push([n, 1, `u${n}`, `用户${n}`, 'scrypt$unused', JSON.stringify([role]), org, `u${n}@bench.example.cn`]);
  };
  for (let i = 0; i < PROVINCE_REVIEWERS; i += 1) user(2, 'provincial_reviewer');
  for (let i = 0; i < PROVINCE_ADMINS; i += 1) user(2, 'provincial_admin');
  for (let city = 3; city < 3 + CITIES; city += 1) {
    for (let i = 0; i < CITY_ADMINS; i += 1) user(city, 'municipal_admin');
    for (let i = 0; i < CITY_HEADS; i += 1) user(city, 'municipal_head');
  }
  for (let i = 0; i < institutions; i += 1) {
    for (let k = 0; k < OPERATORS_PER_INSTITUTION; k += 1) user(firstInstitution + i, 'institution_operator');
  }
  await insertRows(
    c,
    'users',
    ['id', 'version', 'username', 'display_name', 'password_hash', 'roles', 'organisation_id', 'email'],
    users,
  );

  const total = STATUS_MIX.reduce((s, [, w]) => s + w, 0);
  const pick = () => {
    let r = randomInt(rng, 0, total - 1);
    for (const [status, weight] of STATUS_MIX) {
      if (r < weight) return status;
      r -= weight;
    }
    return STATUS_MIX[0][0];
  };
  const batches: unknown[][] = [];
  for (let i = 0; i < items; i += 1) {
    const inst = firstInstitution + randomInt(rng, 0, institutions - 1);
    const city = 3 + ((inst - firstInstitution) % CITIES);
    // 14 days back (overdue) to 3 days ahead (due soon); weekends included, the calendar decides.
    const due = addDaysIso(TODAY, randomInt(rng, -14, 3));
    batches.push([
      i + 1,
      1,
      'skill_level',
      pick(),
      inst,
      `/1/2/${city}/${inst}/`,
      randomInt(rng, 1, 500),
      `批次${i + 1}.xlsx`,
      1,
      due,
      'upload',
    ]);
  }
  await insertRows(
    c,
    'batches',
    [
      'id',
      'version',
      'kind',
      'status',
      'institution_id',
      'org_path',
      'record_count',
      'file_name',
      'created_by_id',
      'due_date',
      'due_rule',
    ],
    batches,
  );
  return { institutions, people: users.length };
}

interface OutboxRow {
  id: number;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  created_at: Date;
}

async function outboxRows(c: Connection): Promise<OutboxRow[]> {
  const [rows] = await c.query('SELECT id, recipient, subject, text, html, created_at FROM mail_outbox ORDER BY id');
  return rows as OutboxRow[];
}

/**
 * Same transport settings as the outbox's (mail-transport.ts), every mail handed to the pool at once (nodemailer
 * queues them over its 3 connections): the fastest a plain nodemailer loop sends these mails, no database.
 */
async function bareNodemailer(url: string, mails: OutboxRow[]): Promise<number> {
  const u = new URL(url);
  const transporter = createTransport({
    host: u.hostname,
    port: Number(u.port),
    secure: false,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  const t0 = nowMs();
  try {
    await Promise.all(
      mails.map((m) =>
        transporter.sendMail({
          from: FROM,
          to: m.recipient,
          subject: m.subject,
          text: m.text,
          html: m.html,
          messageId: `<bare-${m.id}@bench.example.cn>`,
        }),
      ),
    );
  } finally {
    transporter.close();
  }
  return nowMs() - t0;
}

async function resetOutbox(c: Connection): Promise<void> {
  await c.query(
    `UPDATE mail_outbox SET status = 'pending', attempts = 0, next_attempt_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND,
            claimed_by = NULL, claimed_until = NULL, sent_at = NULL, message_id = NULL, last_error = NULL`,
  );
}

function startInstance(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'support', 'app-process.js'), [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`instance exited early (${code})`)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function failover(c: Connection, dbUrl: string, sink: SmtpCounter, rows: OutboxRow[]) {
  await c.query('DELETE FROM job_leases');
  await resetOutbox(c);
  sink.reset();
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: dbUrl,
    LOAD_DEMO_DATA: 'false',
    JOBS_ENABLED: 'true',
    SMTP_URL: sink.url,
    MAIL_FROM: FROM,
    JOB_LEASE_SECONDS: String(LEASE_SECONDS),
    MAIL_CLAIM_SECONDS: String(CLAIM_SECONDS),
    JOB_SCHEDULE_OUTBOX_DISPATCH: `*/${POLL_SECONDS} * * * * *`,
    // Not in this test: the daily job must not fire.
    JOB_SCHEDULE_DEADLINE_REMINDERS: '0 0 1 1 *',
    LOG_LEVEL: 'error',
  };
  const instances = await Promise.all([startInstance(env), startInstance(env), startInstance(env)]);
  const byPid = new Map(instances.map((p) => [p.pid as number, p]));
  const expected = new Map(rows.map((r) => [outboxMessageId({ id: r.id, createdAt: r.created_at }, FROM), r.id]));
  try {
    // Mid-run: a fifth of the mails went out.
    const t0 = Date.now();
    while (sink.total < rows.length / 5) {
      if (Date.now() - t0 > 120_000) throw new Error('dispatch did not start');
      await sleep(20);
    }
    const [[lease]] = (await c.query("SELECT holder FROM job_leases WHERE job = 'outbox-dispatch'")) as unknown as [
      { holder: string }[],
    ];
    const holderPid = Number(lease.holder.split(':')[1]);
    const victim = byPid.get(holderPid);
    if (!victim) throw new Error(`lease holder ${lease.holder} is not one of the instances`);
    const receivedBeforeKill = sink.total;
    const killedAt = Date.now();
    victim.kill('SIGKILL');
    const [[claimed]] = (await c.query(
      "SELECT COUNT(*) AS n FROM mail_outbox WHERE status = 'sending'",
    )) as unknown as [{ n: number }[]];

    // Wait for the takeover (a new holder) and for every row to be sent.
    let takeoverMs: number | null = null;
    for (;;) {
      const [[state]] = (await c.query(
        `SELECT (SELECT holder FROM job_leases WHERE job = 'outbox-dispatch') AS holder,
                (SELECT acquired_at FROM job_leases WHERE job = 'outbox-dispatch') AS acquired,
                (SELECT COUNT(*) FROM mail_outbox WHERE status <> 'sent') AS unsent`,
      )) as unknown as [{ holder: string; acquired: Date; unsent: number }[]];
      if (takeoverMs === null && state.holder !== lease.holder) {
        takeoverMs = new Date(state.acquired).getTime() - killedAt;
      }
      if (Number(state.unsent) === 0) break;
      if (Date.now() - killedAt > 120_000) break;
      await sleep(100);
    }
    const allSentMs = Date.now() - killedAt;
    await sleep(500);
    let duplicates = 0;
    let duplicatedRows = 0;
    let lost = 0;
    let unexpected = 0;
    for (const [id, times] of sink.byMessageId) {
      if (!expected.has(id)) unexpected += times.length;
      else if (times.length > 1) {
        duplicates += times.length - 1;
        duplicatedRows += 1;
      }
    }
    for (const id of expected.keys()) if (!sink.byMessageId.has(id)) lost += 1;
    const [[db]] = (await c.query(
      "SELECT SUM(status = 'sent') AS sent, SUM(status <> 'sent') AS unsent FROM mail_outbox",
    )) as unknown as [{ sent: number; unsent: number }[]];
    return {
      mails: rows.length,
      received: sink.total,
      receivedBeforeKill,
      claimedAtKill: Number(claimed.n),
      duplicates,
      duplicatedRows,
      lost,
      unexpected,
      takeoverMs,
      allSentMs,
      dbSent: Number(db.sent),
      dbUnsent: Number(db.unsent),
    };
  } finally {
    for (const p of instances) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
    await Promise.all(
      instances.map((p) =>
        p.exitCode !== null || p.signalCode !== null
          ? Promise.resolve()
          : new Promise<void>((r) => p.once('exit', () => r())),
      ),
    );
  }
}

async function main(): Promise<void> {
  const items = Number(arg('items', '100000'));
  const peopleWanted = Number(arg('people', '5000'));
  const keep = flag('keep');
  // --build-only: the first part alone, printed, not recorded (for working on the build's speed).
  const buildOnly = flag('build-only');
  const db = await createBenchDatabase('reminders');
  const c = await connect(db.url, { multipleStatements: false });
  const sink = await new SmtpCounter().start();
  try {
    const facts = await serverFacts(db.url);
    console.log(`[bench] reminders: ${db.name}; ${facts}`);
    const t0 = nowMs();
    const generated = await generate(c, items, peopleWanted);
    console.log(
      `[bench] reminders: generated ${items} open batches for ${generated.people} people in ${((nowMs() - t0) / 1000).toFixed(1)} s`,
    );

    // 1. Build: the job as the scheduler runs it (lease, run record, events and digests in one transaction).
    const app = await startBenchApp(db.url, TODAY, { SMTP_URL: sink.url, MAIL_FROM: FROM });
    let build: { ms: number; counts: Record<string, number> };
    let dispatch: { ms: number; sent: number };
    let bareMs: number;
    let baselineMs: number;
    let mails: OutboxRow[];
    try {
      const job = app.app.get(JobRegistry).get('deadline-reminders');
      if (!job) throw new Error('deadline-reminders not registered');
      const b0 = nowMs();
      const run = await app.app.get(JobRunner).run(job, 'manual');
      build = { ms: nowMs() - b0, counts: run.counts ?? {} };
      if (run.outcome !== 'succeeded') throw new Error(`reminder run ${run.outcome}: ${run.error}`);
      console.log(`[bench] reminders: build ${(build.ms / 1000).toFixed(1)} s ${JSON.stringify(build.counts)}`);
      if (buildOnly) return;

      // Baseline: the same event and outbox rows written by hand (mysql2 multi-row INSERTs in one transaction).
      const [events] = (await c.query(
        'SELECT item_kind, batch_id, stage, due_date, event, recipient_user_id, escalation, run_id FROM reminder_events',
      )) as unknown as [Record<string, unknown>[]];
      mails = await outboxRows(c);
      await c.query('CREATE TABLE bench_events LIKE reminder_events');
      await c.query('CREATE TABLE bench_outbox LIKE mail_outbox');
      const s0 = nowMs();
      const [open] = await c.query(
        "SELECT b.id, b.status, b.due_date, b.org_path, b.record_count, i.name FROM batches b JOIN organisations i ON i.id = b.institution_id WHERE b.status IN ('draft','returned','municipal_review','municipal_head_approval','provincial_review','national_review') AND b.due_date <= ?",
        [addDaysIso(TODAY, 7)],
      );
      await c.query('SELECT id, display_name, email, roles, organisation_id FROM users WHERE disabled = 0');
      await c.beginTransaction();
      await insertRows(
        c,
        'bench_events',
        ['item_kind', 'batch_id', 'stage', 'due_date', 'event', 'recipient_user_id', 'escalation', 'run_id'],
        events.map((e) => Object.values(e)),
      );
      for (let i = 0; i < mails.length; i += 100) {
        const part = mails.slice(i, i + 100);
        await c.query(
          'INSERT INTO bench_outbox (recipient, subject, text, html, status, attempts, next_attempt_at) VALUES ?',
          [part.map((m) => [m.recipient, m.subject, m.text, m.html, 'pending', 0, new Date()])],
        );
      }
      await c.commit();
      baselineMs = nowMs() - s0;
      console.log(
        `[bench] reminders: baseline ${(baselineMs / 1000).toFixed(1)} s (${(open as unknown[]).length} open rows read, ${events.length} events, ${mails.length} mails)`,
      );

      // 2. Dispatch vs bare nodemailer, same mails, same server, alternated (bare, outbox, bare, outbox); each
      // side's faster round counts. The outbox is reset to pending before each of its rounds.
      const bareRounds: number[] = [];
      const dispatchRounds: { ms: number; sent: number }[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        bareRounds.push(await bareNodemailer(sink.url, mails));
        await resetOutbox(c);
        sink.reset();
        const d0 = nowMs();
        const counts = await app.app.get(OutboxDispatchService).dispatchPending();
        dispatchRounds.push({ ms: nowMs() - d0, sent: counts.sent });
      }
      bareMs = Math.min(...bareRounds);
      dispatch = dispatchRounds.reduce((a, b) => (b.ms < a.ms ? b : a));
      console.log(
        `[bench] reminders: dispatch ${mails.length} mails ${dispatchRounds.map((d) => (d.ms / 1000).toFixed(2)).join(' / ')} s; bare ${bareRounds.map((b) => (b / 1000).toFixed(2)).join(' / ')} s`,
      );
    } finally {
      await app.close();
    }

    if (buildOnly) return;
    // 3. Three instances, one killed.
    const fo = await failover(c, db.url, sink, mails);
    console.log(`[bench] reminders: failover ${JSON.stringify(fo)}`);

    const dispatchRate = (dispatch.sent / dispatch.ms) * 1000;
    const bareRate = (mails.length / bareMs) * 1000;
    const dispatchRatio = dispatchRate / bareRate;
    const buildS = build.ms / 1000;
    const takeoverLimitMs = (LEASE_SECONDS + POLL_SECONDS) * 1000;
    const buildOk = buildS <= TARGET_BUILD_S;
    const dispatchOk = dispatchRatio >= TARGET_DISPATCH_RATIO && dispatch.sent === mails.length;
    const failoverOk =
      fo.duplicates === 0 && fo.lost === 0 && fo.takeoverMs !== null && fo.takeoverMs <= takeoverLimitMs;
    const details: Measurement[] = [
      { label: 'items with an event today', value: build.counts.items ?? 0, unit: 'items' },
      { label: 'events inserted (reminder_events)', value: build.counts.events ?? 0, unit: 'rows' },
      { label: 'digests written to the outbox', value: build.counts.mails ?? 0, unit: 'mails' },
      {
        label: `outbox dispatch to the local SMTP server (${dispatch.sent} mails)`,
        value: dispatchRate,
        unit: 'mails/s',
      },
      {
        label: 'bare nodemailer loop, same mails, same transport settings (faster of two runs)',
        value: bareRate,
        unit: 'mails/s',
      },
      {
        label: `dispatch / bare (target ≥ ${TARGET_DISPATCH_RATIO}×): ${verdict(dispatchOk)}`,
        value: dispatchRatio,
        unit: '×',
      },
      {
        label: 'failover: mails in the outbox / received by the SMTP server',
        value: fo.mails,
        unit: `/ ${fo.received}`,
      },
      {
        label: 'failover: received before the SIGKILL / rows claimed (sending) right after it',
        value: fo.receivedBeforeKill,
        unit: `/ ${fo.claimedAtKill}`,
      },
      {
        label: `failover: duplicates (same Message-ID twice) — target 0: ${verdict(fo.duplicates === 0)}`,
        value: fo.duplicates,
        unit: 'mails',
      },
      { label: `failover: lost (never received) — target 0: ${verdict(fo.lost === 0)}`, value: fo.lost, unit: 'mails' },
      {
        label: `failover: takeover (SIGKILL → another instance holds the lease) — target ≤ lease ${LEASE_SECONDS} s + poll ${POLL_SECONDS} s: ${verdict(fo.takeoverMs !== null && fo.takeoverMs <= takeoverLimitMs)}`,
        value: fo.takeoverMs === null ? NaN : fo.takeoverMs / 1000,
        unit: 's',
      },
      { label: 'failover: SIGKILL → every row sent', value: fo.allSentMs / 1000, unit: 's' },
    ];
    const allPass = buildOk && dispatchOk && failoverOk;
    const record = recordBenchmark({
      name: 'reminders',
      title: 'Deadline reminders: event and digest build, outbox dispatch, three dispatchers with one killed (MariaDB)',
      workload:
        `the deadline-reminders job through JobRunner in-process ("today" ${TODAY}, a Monday): items, events with the unique key, ` +
        `one digest per person into the outbox in one transaction; then OutboxDispatchService.dispatchPending() to an smtp-server on ` +
        `127.0.0.1 against a bare nodemailer loop (one pooled transport, 3 connections, every mail handed over at once) sending the same mails, alternated over ${ROUNDS} rounds each; then ` +
        `three application processes (app-process.js) running outbox-dispatch every ${POLL_SECONDS} s (lease ${LEASE_SECONDS} s, claim ${CLAIM_SECONDS} s) ` +
        'over the same outbox reset to pending, the lease holder SIGKILLed after a fifth was received',
      datasetSize:
        `${items.toLocaleString('en-US')} open batches (${STATUS_MIX.map(([s, w]) => `${s} ${w}%`).join(', ')}) due from 14 days ago to 3 days ahead, ` +
        `${generated.institutions.toLocaleString('en-US')} institutions in ${CITIES} cities of one province, ${generated.people.toLocaleString('en-US')} people with e-mail ` +
        `(${OPERATORS_PER_INSTITUTION} operators per institution, ${CITY_ADMINS} data administrators and ${CITY_HEADS} heads per city, ${PROVINCE_REVIEWERS} reviewers and ${PROVINCE_ADMINS} admins in the province); server ${facts}`,
      figure: {
        label: 'deadline-reminders run: items, events, digests (JobRunner, one transaction)',
        value: buildS,
        unit: 's',
      },
      baseline: {
        label:
          'hand-written mysql2: read the open batches and people, INSERT the same events and outbox rows in one transaction',
        value: baselineMs / 1000,
        unit: 's',
      },
      target: {
        metric: 'figure',
        op: '<=',
        value: TARGET_BUILD_S,
        description: `build ≤ ${TARGET_BUILD_S} s (also: dispatch ≥ ${TARGET_DISPATCH_RATIO}× bare nodemailer; failover 0 duplicates, 0 lost, takeover ≤ lease + one poll — verdicts in the table)`,
      },
      details,
      notes: [
        `all targets: build ${verdict(buildOk)}, dispatch ${verdict(dispatchOk)}, failover ${verdict(failoverOk)} — overall ${verdict(allPass)}`,
        'each outbox row goes out with a fixed Message-ID (<outbox-<id>.<created>@…>), by which the SMTP server counts; the bare loop uses its own ids',
        'a duplicate can only be a mail the SMTP server accepted while the killed dispatcher had not yet recorded it as sent (its outcome is unknown to the database): it is sent again when its claim lapses rather than risk losing it (R-36: never lost), with the same Message-ID, by which receiving mail systems collapse it; SMTP offers no way to make that window empty',
        `takeover is the new holder's lease acquisition time minus the SIGKILL time; the dead holder's claimed rows become due again when their claim (${CLAIM_SECONDS} s) lapses and go out at the next poll`,
      ],
      raw: { items, build, baselineMs, dispatch, bareMs, failover: fo, database: db.name },
      correct: fo.lost === 0 && fo.unexpected === 0 && fo.dbUnsent === 0,
    });
    process.exitCode = record.pass && allPass ? 0 : 1;
  } finally {
    await sink.stop();
    await c.end();
    if (keep) {
      keepDatabase(db.name);
      console.log(`[bench] reminders: 保留数据库 ${db.name}`);
    } else {
      await db.drop();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
