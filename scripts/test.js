#!/usr/bin/env node
// `npm test`: builds the app, runs every jest tier and prints one closing "N passed, N failed" line.
//   tier 1+2: libs/domain and apps/api unit specs, test/e2e against a real database
//             (SQLite by default; MySQL/MariaDB when DATABASE_URL=mysql://…, a fresh database per suite)
//   tier 3:   the console in real Chromium (test/browser), when /usr/bin/chromium exists;
//             REQUIRE_BROWSER=1 turns a missing browser into a failure. TEST_TIERS=api runs tiers 1+2 only.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const artifacts = join(root, 'test', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const extraArgs = process.argv.slice(2);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function jest(config, outputName) {
  const output = join(artifacts, outputName);
  const status = run(process.execPath, [
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--config',
    config,
    '--json',
    `--outputFile=${output}`,
    ...extraArgs,
  ]);
  if (!existsSync(output)) return { passed: 0, failed: 1, status: status || 1 };
  const report = JSON.parse(readFileSync(output, 'utf8'));
  // A suite that fails to load counts as a failure even though it ran no test.
  const brokenSuites = report.numRuntimeErrorTestSuites ?? 0;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenSuites, status };
}

const tiers = (process.env.TEST_TIERS ?? 'api,browser').split(',');
let passed = 0;
let failed = 0;
let exitCode = 0;

if (run('npm', ['run', '--silent', 'build']) !== 0) {
  console.error('构建失败 / build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (tiers.includes('api')) {
  const api = jest('jest.config.js', 'jest-api.json');
  passed += api.passed;
  failed += api.failed;
  if (api.status !== 0) exitCode = 1;
}

if (tiers.includes('browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) {
    const browser = jest('jest.browser.config.js', 'jest-browser.json');
    passed += browser.passed;
    failed += browser.failed;
    if (browser.status !== 0) exitCode = 1;
  } else if (process.env.REQUIRE_BROWSER === '1') {
    console.error(`\n!!! REQUIRE_BROWSER=1 but no Chromium at ${chromium}: the browser tier cannot run.\n`);
    failed += 1;
    exitCode = 1;
  } else {
    console.warn(
      `\n${'!'.repeat(78)}\n!!! Browser tier NOT run: no Chromium at ${chromium}.\n` +
        `!!! Install it with: apt-get install -y chromium fonts-wqy-microhei\n${'!'.repeat(78)}\n`,
    );
  }
}

if (failed > 0) exitCode = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
