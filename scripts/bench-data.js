#!/usr/bin/env node
// npm run bench:data -- --certificates N [--out file.xlsx] [--seed n] [--today YYYY-MM-DD] [--kind skill_level|qualification]
//                       [--institutions K] [--institution <demo key, e.g. inst_gz1>] [--span-days D]
// Writes realistic certificate rows in the import template's layout (issue 4 §7) and, beside the file,
// <out>.institutions.json with the institutions (credit code, registration date, registered scope) the rows need.
// Runs on the compiled output (npm run build:bench); '@app/domain' is mapped to dist like the app's entry points do.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
require('tsconfig-paths').register({
  baseUrl: dist,
  paths: { '@app/domain': ['libs/domain/src/index.js'], '@app/contracts': ['libs/contracts/src/index.js'] },
});

function usage(message) {
  if (message) {
    console.error(message);
  }
  console.error(
    '用法: npm run bench:data -- --certificates N [--out 文件.xlsx] [--seed n] [--today YYYY-MM-DD] [--kind skill_level|qualification] [--institutions K] [--institution inst_gz1] [--span-days D]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      usage(`无法识别的参数: ${a}`);
    }
    const [key, inline] = a.slice(2).split('=', 2);
    args[key] = inline !== undefined ? inline : argv[++i];
    if (args[key] === undefined) {
      usage(`参数 --${key} 缺少取值`);
    }
  }
  return args;
}

function beijingToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A demo institution in the generator's shape (bench/data/demo-institution.ts). */
function demoInstitution(key) {
  const demo = require(path.join(dist, 'bench/data/demo-institution.js'));
  const institution = demo.demoInstitution(key);
  if (!institution) {
    usage(`--institution 须为演示机构之一: ${demo.demoInstitutionKeys().join(', ')}`);
  }
  return institution;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.certificates);
  if (!Number.isInteger(count) || count < 1) {
    usage('--certificates 须为正整数');
  }
  const kind = args.kind || 'skill_level';
  if (kind !== 'skill_level' && kind !== 'qualification') {
    usage('--kind 须为 skill_level 或 qualification');
  }
  const today = args.today || beijingToday();
  const seed = args.seed !== undefined ? Number(args.seed) : 1;
  const institutions = args.institutions !== undefined ? Number(args.institutions) : 1;
  const demo = args.institution ? demoInstitution(args.institution) : undefined;
  // A demo institution's file is meant to be uploaded as a normal batch: recent issue dates (inside the upload
  // deadline) and serials far above the demo data's own, so no certificate number is taken.
  const spanDays = args['span-days'] !== undefined ? Number(args['span-days']) : demo ? 10 : undefined;
  if (spanDays !== undefined && (!Number.isInteger(spanDays) || spanDays < 0)) {
    usage('--span-days 须为非负整数');
  }
  const out = path.resolve(
    args.out || path.join(root, 'bench', 'out', `certificates-${demo ? `${args.institution}-` : ''}${count}.xlsx`),
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });

  const domain = require(path.join(dist, 'libs/domain/src/index.js'));
  const { generateBenchData } = require(path.join(dist, 'bench/data/generate.js'));
  const { writeCertificatesXlsx } = require(path.join(dist, 'bench/data/write-xlsx.js'));
  const catalogue = domain.createOccupationCatalogue(
    domain.parseOccupationCatalogueCsv(fs.readFileSync(path.join(root, 'config', 'occupations.csv'), 'utf8')),
  );

  const started = Date.now();
  const data = generateBenchData({
    count,
    today,
    seed,
    kind,
    institutions,
    catalogue,
    spanDays,
    institution: demo,
    firstSerial: demo ? require(path.join(dist, 'bench/data/demo-institution.js')).DEMO_SAMPLE_FIRST_SERIAL : undefined,
  });
  const written = await writeCertificatesXlsx(out, data.certificates, kind, catalogue);
  fs.writeFileSync(
    `${out}.institutions.json`,
    JSON.stringify({ today, seed, kind, institutions: data.institutions }, null, 2),
  );
  const size = fs.statSync(out).size;
  console.log(
    `已生成 ${written} 条证书数据 → ${path.relative(process.cwd(), out)}（${(size / 1024 / 1024).toFixed(1)} MB，` +
      `${((Date.now() - started) / 1000).toFixed(1)} s）；机构信息 → ${path.basename(out)}.institutions.json`,
  );
  if (demo) {
    console.log(`以演示账号 ${args.institution} 登录控制台，在“上传批次”中上传此文件即可生成一个草稿批次。`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
