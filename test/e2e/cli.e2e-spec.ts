import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

// The built entry points as an operator runs them (npm test builds dist/ first).
const root = join(__dirname, '..', '..');
const dist = (path: string) => join(root, 'dist', 'apps', 'api', 'src', path);

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [dist(script)], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('command-line entry points (built app)', () => {
  let dir: string;
  const sqlite = () => `sqlite:${join(dir, 'app.sqlite')}`;

  beforeAll(() => {
    if (!existsSync(dist('main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    dir = mkdtempSync(join(tmpdir(), 'cert-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start on a bad configuration value, naming the key', () => {
    const bad = run('main.js', { PORT: 'eighty', DATABASE_URL: sqlite() });
    expect(bad.status).toBe(2);
    expect(bad.out).toContain('配置项 server.port（环境变量 PORT） 无效');
    const prod = run('main.js', { NODE_ENV: 'production', APP_TODAY: '2026-01-01', DATABASE_URL: sqlite() });
    expect(prod.status).toBe(2);
    expect(prod.out).toContain('APP_TODAY 不允许在生产环境使用');
    expect(prod.out).toContain('生产环境不得使用开发默认密钥');
  });

  it('start:prod serves health on PORT with the demo data loaded into a new SQLite file', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [dist('main.js')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `sqlite:${join(dir, 'served.sqlite')}`,
        APP_TODAY: '2026-11-23',
        NODE_ENV: 'test',
      },
      stdio: 'ignore',
    });
    try {
      let health: Response | null = null;
      for (let i = 0; i < 120 && !health; i += 1) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (!health) await new Promise((r) => setTimeout(r, 250));
      }
      expect(health?.status).toBe(200);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'gd_reviewer', password: 'Demo@2026' }),
      });
      expect(login.status).toBe(200);
      // the new demo was screened once on first start, through the job runner.
      const admin = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'nat_admin', password: 'Demo@2026' }),
      }).then((r) => r.json() as Promise<{ token: string }>);
      const runs = await fetch(
        `http://127.0.0.1:${port}/api/admin/job-runs?filter=${encodeURIComponent('{"job":"screening"}')}`,
        { headers: { Authorization: `Bearer ${admin.token}` } },
      ).then((r) => r.json() as Promise<{ outcome: string; counts: { raised: number } }[]>);
      expect(runs).toEqual([
        expect.objectContaining({ outcome: 'succeeded', counts: expect.objectContaining({ full: 1 }) }),
      ]);
      expect(runs[0].counts.raised).toBeGreaterThanOrEqual(9);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill();
    }
  });

  it('seed:demo fills an empty database once, and audit:verify checks the chain and names a tampered record', () => {
    const env = { DATABASE_URL: sqlite(), APP_TODAY: '2026-11-23' };
    const seeded = run('seeds/seed-demo.js', env);
    expect(seeded.status).toBe(0);
    expect(seeded.out).toMatch(/演示数据已装入，筛查发现疑似问题 \d+ 条/);
    expect(run('seeds/seed-demo.js', env).out).toContain('只能装入空数据库');
    const ok = run('audit/verify-cli.js', env);
    expect(ok.status).toBe(0);
    expect(ok.out).toContain('审计日志链完整');

    const db = new Database(join(dir, 'app.sqlite'));
    // seeding screened the demo once through the job runner: a flag of every rule, the run recorded.
    expect(db.prepare('SELECT COUNT(DISTINCT rule) AS n FROM flags').get()).toEqual({ n: 9 });
    expect(db.prepare("SELECT run_trigger, outcome FROM job_runs WHERE job = 'screening'").all()).toEqual([
      { run_trigger: 'manual', outcome: 'succeeded' },
    ]);
    const { id } = db.prepare('SELECT id FROM audit_logs ORDER BY seq LIMIT 1').get() as { id: number };
    db.prepare("UPDATE audit_logs SET detail = '被改动' WHERE id = ?").run(id);
    db.close();
    const broken = run('audit/verify-cli.js', env);
    expect(broken.status).toBe(1);
    expect(broken.out).toContain(`首个异常记录 id=${id}`);
  });
});
