#!/usr/bin/env node
// Benchmark runner: `npm run bench -- <name> [args…]` (the npm script compiles first with `npm run build:bench`).
// Each benchmark is bench/<name>.ts, compiled to dist/bench/<name>.js, run here in its own Node process so one
// benchmark's heap and JIT state never colour another's. Results: bench/out/<name>.json and docs/benchmarks.md
// (see bench/record.ts).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const distBench = path.join(root, 'dist', 'bench');
// Modules in bench/ that are helpers, not benchmarks.
const HELPERS = new Set(['record']);

function available() {
  if (!fs.existsSync(distBench)) {
    return [];
  }
  return fs
    .readdirSync(distBench)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .filter((n) => !HELPERS.has(n))
    .sort();
}

function usage(code) {
  const names = available();
  console.error('用法: npm run bench -- <name> [args…]');
  console.error(
    names.length ? `可用的基准测试: ${names.join(', ')}` : '尚未编译任何基准测试（先运行 npm run build:bench）',
  );
  process.exit(code);
}

const [name, ...args] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h') {
  usage(name ? 0 : 1);
}
if (name === '--list') {
  console.log(available().join('\n'));
  process.exit(0);
}
if (!/^[a-z0-9][a-z0-9_-]*$/.test(name) || HELPERS.has(name)) {
  console.error(`无效的基准测试名称: ${name}`);
  usage(1);
}
const script = path.join(distBench, `${name}.js`);
if (!fs.existsSync(script)) {
  console.error(`找不到基准测试 ${name}（${path.relative(root, script)}）；bench/${name}.ts 是否存在并已编译？`);
  usage(1);
}

const started = Date.now();
const result = spawnSync(process.execPath, [...process.execArgv, script, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BENCH_NAME: name },
});
if (result.error) {
  console.error(result.error);
  process.exit(1);
}
console.error(`[bench] ${name} 用时 ${((Date.now() - started) / 1000).toFixed(1)} s，退出码 ${result.status}`);
process.exit(result.status === null ? 1 : result.status);
