// One application instance in its own Node process (`node dist/bench/support/app-process.js`), configured by its
// environment like a server would be: it runs its scheduled jobs (JOBS_ENABLED=true) against DATABASE_URL until
// SIGTERM (graceful: runs end, leases are released) or SIGKILL. Tells its parent when it is up.
import '../../apps/api/src/register-paths';
import 'reflect-metadata';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';

async function main(): Promise<void> {
  const app = await createApp(loadConfig(process.env));
  await app.init();
  process.once('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
  process.send?.({ ready: true, pid: process.pid });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
