// A real SMTP server on 127.0.0.1 for benchmarks: counts what it accepted by Message-ID (the outbox gives each row
// a fixed one, `<outbox-<id>.…@…>`), so duplicates and losses are counted by row, and remembers when each came in.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export class SmtpCounter {
  /** Message-ID → arrival times (ms since the epoch); two entries = a duplicate. */
  readonly byMessageId = new Map<string, number[]>();
  total = 0;
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      // Many dispatchers on few connections each; the default (Infinity) would do, but say it.
      maxClients: 100,
      onData: (stream, _session, callback) => {
        // Only the header part is needed; the body is drained.
        let head = '';
        stream.on('data', (c: Buffer) => {
          if (head.length < 4096) head += c.toString('utf8');
        });
        stream.on('end', () => {
          const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `(none ${this.total})`;
          const list = this.byMessageId.get(id) ?? [];
          list.push(Date.now());
          this.byMessageId.set(id, list);
          this.total += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    // A client killed mid-conversation (the failover's SIGKILL) resets its connection: normal here, not a crash.
    server.on('error', () => undefined);
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  reset(): void {
    this.byMessageId.clear();
    this.total = 0;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
