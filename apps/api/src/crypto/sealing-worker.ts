import { Worker } from 'node:worker_threads';

/**
 * A worker thread that seals the ID numbers of imported rows (R-9: AES-256-GCM ciphertext and HMAC blind index,
 * exactly as FieldCipher.encrypt/blindIndex) and, for MySQL/MariaDB, writes the INSERT text with mysql2's own
 * escaping. A large import is bound by its main thread (sheet parsing, validation); this work then runs on the
 * otherwise idle second core while the next chunk is parsed.
 *
 * The worker runs the source of `workerMain` (eval), so the same code runs from dist/ and under jest's
 * transform without a separate entry file; `workerMain` may therefore use nothing from this module's scope.
 */

/** Where the two ID-number columns of each row are: the plain value is replaced by its sealed form in place. */
export interface SealColumns {
  /** Index of the column that holds the ID number; it receives the ciphertext. */
  encrypt: number;
  /** Index of the column that holds the canonical ID number; it receives the blind index. */
  blindIndex: number;
}

/** For MySQL/MariaDB: statements `head + tuples` of at most `perStatement` rows; `tuple` has one `?` per value. */
export interface SealStatement {
  head: string;
  tuple: string;
  perStatement: number;
  /** The connection's timezone option, as mysql2 formats values client-side. */
  timezone: string;
}

export type SealResult = { rows: unknown[][] } | { statements: string[] };

interface Job {
  id: number;
  rows: unknown[][];
  columns: SealColumns;
  statement?: SealStatement;
}

type Reply = { id: number; result: SealResult } | { id: number; error: string };

/* eslint-disable @typescript-eslint/no-require-imports -- runs as eval source in the worker, see above */
function workerMain(): void {
  const threads = require('node:worker_threads') as typeof import('node:worker_threads');
  const parentPort = threads.parentPort;
  const crypto = require('node:crypto') as typeof import('node:crypto');
  const data = threads.workerData as { encryptionKey: Uint8Array; indexKey: Uint8Array; sqlString: string };
  const encryptionKey = Buffer.from(data.encryptionKey);
  const indexKey = Buffer.from(data.indexKey);
  let format: ((sql: string, values: unknown[], stringify: boolean, timezone: string) => string) | null = null;
  const IV_BYTES = 12;
  const ivPool = Buffer.alloc(IV_BYTES * 1024);
  let ivOffset = ivPool.length;
  const encrypt = (plain: string): string => {
    if (ivOffset === ivPool.length) {
      crypto.randomFillSync(ivPool);
      ivOffset = 0;
    }
    const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
    ivOffset += IV_BYTES;
    const cipher = crypto.createCipheriv('aes-256-gcm', encryptionKey, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
  };
  const blindIndex = (plain: string): string =>
    crypto.createHmac('sha256', indexKey).update(plain.trim().toUpperCase()).digest('hex');
  parentPort!.on('message', (job: Job) => {
    let reply: Reply;
    try {
      for (const row of job.rows) {
        row[job.columns.encrypt] = encrypt(String(row[job.columns.encrypt]));
        row[job.columns.blindIndex] = blindIndex(String(row[job.columns.blindIndex]));
      }
      const st = job.statement;
      if (!st) {
        reply = { id: job.id, result: { rows: job.rows } };
      } else {
        format ??= (require(data.sqlString) as { format: NonNullable<typeof format> }).format;
        const statements: string[] = [];
        for (let i = 0; i < job.rows.length; i += st.perStatement) {
          const slice = job.rows.slice(i, i + st.perStatement);
          const tuples = slice.map((row) => format!(st.tuple, row, false, st.timezone));
          statements.push(st.head + tuples.join(', '));
        }
        reply = { id: job.id, result: { statements } };
      }
    } catch (error) {
      reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** One worker thread for the life of an import; `close()` it when the import ends (commit or rollback). */
export class SealingWorker {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: SealResult) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;

  constructor(keys: { encryptionKey: Buffer; indexKey: Buffer }) {
    this.worker = new Worker(`(${workerMain.toString()})()`, {
      eval: true,
      workerData: {
        encryptionKey: new Uint8Array(keys.encryptionKey),
        indexKey: new Uint8Array(keys.indexKey),
        sqlString: require.resolve('mysql2'),
      },
    });
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) waiting.reject(new Error(`sealing worker: ${reply.error}`));
      else waiting.resolve(reply.result);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`sealing worker exited (${code})`));
    });
  }

  /**
   * Seals `columns` of every row (the rows are copied to the worker); with `statement`, answers the INSERT texts
   * instead of the rows.
   */
  seal(rows: unknown[][], columns: SealColumns, statement?: SealStatement): Promise<SealResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<SealResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, rows, columns, statement } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
