// Shared by every benchmark: writes bench/out/<name>.json (git-ignored) and the benchmark's own section of
// docs/benchmarks.md, replacing the previous figures. Each figure is reported with the same run's baseline, so
// the ratio holds on a noisy machine (ARCHITECTURE.md, Benchmarks).
import { execSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'os';
import { dirname, join, resolve } from 'path';

export interface Measurement {
  /** What was measured, e.g. "addWorkingDays (working-day index)". */
  label: string;
  value: number;
  /** e.g. "ops/s", "rows/s", "ms p95". */
  unit: string;
}

export interface BenchTarget {
  /** Which number the target applies to: the ratio figure/baseline, or the figure itself. */
  metric: 'ratio' | 'figure';
  op: '>=' | '<=';
  value: number;
  /** Human wording, e.g. "≥ 20× the naive day-by-day loop". */
  description: string;
}

export interface BenchInput {
  /** File name and section key: bench/<name>.ts. */
  name: string;
  title: string;
  workload: string;
  datasetSize: string;
  figure: Measurement;
  baseline: Measurement;
  target: BenchTarget;
  /** Extra rows for the section (secondary figures). */
  details?: Measurement[];
  notes?: string[];
  /** Anything else worth keeping in the JSON (raw timings, seeds). */
  raw?: Record<string, unknown>;
  /** Set false when a correctness check of the run failed; the benchmark then fails whatever the speed. */
  correct?: boolean;
}

export interface BenchRecord extends BenchInput {
  date: string;
  machine: {
    nproc: number;
    cpu: string;
    memoryGb: number;
    node: string;
    os: string;
    commit: string | null;
    /** Load average (1, 5, 15 min) when the figures were recorded: this run's own work plus anything else. */
    load?: number[];
  };
  ratio: number;
  pass: boolean;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) {
      throw new Error('package.json not found above ' + __dirname);
    }
    dir = up;
  }
  return dir;
}

function gitCommit(root: string): string | null {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return dirty ? `${head} (+未提交修改)` : head;
  } catch {
    return null;
  }
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) {
    return String(n);
  }
  const abs = Math.abs(n);
  if (abs >= 1000) {
    return Math.round(n).toLocaleString('en-US');
  }
  return abs >= 10 ? n.toFixed(1) : n.toFixed(2);
}

const DOC_HEADER = `# Benchmarks

Latest figures of \`npm run bench -- <name>\` (ARCHITECTURE.md, Benchmarks). Each section is rewritten by
\`bench/record.ts\` when its benchmark runs; the raw JSON is in \`bench/out/<name>.json\` (not committed). Every
figure comes with a baseline measured in the same run, and the target is on their ratio where that makes sense,
so the verdict holds on a noisy machine.
`;

function section(r: BenchRecord): string {
  const t = r.target;
  const rows: Measurement[] = [r.figure, r.baseline, ...(r.details ?? [])];
  const lines = [
    `<!-- bench:${r.name}:start -->`,
    `## ${r.name} — ${r.title}`,
    '',
    `- date: ${r.date}`,
    `- machine: ${r.machine.nproc} CPU (${r.machine.cpu}), ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.os}` +
      (r.machine.commit ? `, commit ${r.machine.commit}` : '') +
      (r.machine.load
        ? `; load average at the end ${r.machine.load.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min, this run included)`
        : ''),
    `- command: \`npm run bench -- ${r.name}\``,
    `- workload: ${r.workload}`,
    `- dataset: ${r.datasetSize}`,
    '',
    '| measurement | value | unit |',
    '|---|---:|---|',
    ...rows.map((m) => `| ${m.label} | ${fmt(m.value)} | ${m.unit} |`),
    '',
    `- figure: **${fmt(r.figure.value)} ${r.figure.unit}** (${r.figure.label})`,
    `- same-run baseline: ${fmt(r.baseline.value)} ${r.baseline.unit} (${r.baseline.label})`,
    `- ratio: **${r.ratio < 10 ? r.ratio.toFixed(2) : r.ratio.toFixed(0)}×**`,
    `- target: ${t.description}`,
    `- result: **${r.pass ? 'PASS' : 'FAIL'}**${r.correct === false ? ' (correctness check failed)' : ''}`,
    ...(r.notes ?? []).map((n) => `- note: ${n}`),
    `<!-- bench:${r.name}:end -->`,
  ];
  return lines.join('\n');
}

/** Rewrites this benchmark's section of docs/benchmarks.md, keeping every other section as it was. */
export function updateBenchmarksDoc(docPath: string, r: BenchRecord): void {
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : DOC_HEADER;
  const start = `<!-- bench:${r.name}:start -->`;
  const end = `<!-- bench:${r.name}:end -->`;
  const i = current.indexOf(start);
  const j = current.indexOf(end);
  let next: string;
  if (i >= 0 && j > i) {
    next = current.slice(0, i) + section(r) + current.slice(j + end.length);
  } else {
    next = `${current.replace(/\s*$/, '')}\n\n${section(r)}\n`;
  }
  writeFileSync(docPath, next.endsWith('\n') ? next : `${next}\n`);
}

export function recordBenchmark(input: BenchInput): BenchRecord {
  const root = repoRoot();
  const ratio = input.figure.value / input.baseline.value;
  const measured = input.target.metric === 'ratio' ? ratio : input.figure.value;
  const meets = input.target.op === '>=' ? measured >= input.target.value : measured <= input.target.value;
  const record: BenchRecord = {
    ...input,
    date: new Date().toISOString(),
    machine: {
      nproc: typeof availableParallelism === 'function' ? availableParallelism() : cpus().length,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      os: `${platform()} ${release()}`,
      commit: gitCommit(root),
      load: loadavg(),
    },
    ratio,
    pass: meets && input.correct !== false,
  };
  const outDir = join(root, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${input.name}.json`), JSON.stringify(record, null, 2) + '\n');
  mkdirSync(join(root, 'docs'), { recursive: true });
  updateBenchmarksDoc(resolve(root, 'docs', 'benchmarks.md'), record);
  console.log(
    `[bench] ${input.name}: ${fmt(input.figure.value)} ${input.figure.unit} vs baseline ${fmt(input.baseline.value)} ` +
      `${input.baseline.unit} = ${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(0)}× — target ${input.target.description} — ${record.pass ? 'PASS' : 'FAIL'}`,
  );
  return record;
}
