// `npm run bench -- calendar [count]` — addWorkingDays over the official calendar, precomputed
// working-day index vs a naive day-by-day loop over the same calendar, same inputs, same run. Target ≥ 20×.
import { readFileSync } from 'fs';
import { join, resolve } from 'path';
// At runtime `@app/domain` does not resolve from dist/: import the compiled domain relatively.
import {
  IsoDate,
  WorkingDayCalendar,
  addDaysIso,
  epochDay,
  toIsoDate,
  validateHolidayYear,
} from '../libs/domain/src/calendar';
import { createSeededRng } from '../libs/domain/src/identifiers/random';
import { recordBenchmark } from './record';

const root = resolve(__dirname, '..', '..');
const COUNT = Number(process.argv[2] ?? 1_000_000);
const SEED = 20260214;
const TARGET = 20;

/** What one would write without an index: step one day at a time through the same calendar's public API. */
function naiveAddWorkingDays(cal: WorkingDayCalendar, d: IsoDate, n: number): IsoDate {
  let x = d;
  let left = n;
  while (left > 0) {
    x = addDaysIso(x, 1);
    if (cal.isWorkingDay(x)) {
      left--;
    }
  }
  return x;
}

/** A stronger baseline: the same loop on epoch-day integers with the calendar's own O(1) day lookup. */
function naiveOnIntegers(cal: WorkingDayCalendar, d: IsoDate, n: number): IsoDate {
  let e = epochDay(d);
  let left = n;
  while (left > 0) {
    e++;
    if (cal.isWorkingEpoch(e)) {
      left--;
    }
  }
  return toIsoDate(e);
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function main(): void {
  const years = [2025, 2026].map((y) =>
    validateHolidayYear(JSON.parse(readFileSync(join(root, 'config', 'holidays', `${y}.json`), 'utf8'))),
  );
  const built = process.hrtime.bigint();
  const cal = new WorkingDayCalendar(years);
  const buildMs = Number(process.hrtime.bigint() - built) / 1e6;

  const rand = createSeededRng(SEED);
  const first = epochDay('2025-01-01');
  const span = epochDay('2026-12-31') - first + 1;
  const dates: IsoDate[] = new Array(COUNT);
  const amounts = new Int32Array(COUNT);
  for (let i = 0; i < COUNT; i++) {
    dates[i] = toIsoDate(first + Math.floor(rand() * span));
    amounts[i] = 1 + Math.floor(rand() * 60);
  }

  const ours: IsoDate[] = new Array(COUNT);
  const naive: IsoDate[] = new Array(COUNT);
  const naiveInt: IsoDate[] = new Array(COUNT);
  const explained: IsoDate[] = new Array(COUNT);
  const warm = Math.min(COUNT, 50_000);
  for (let i = 0; i < warm; i++) {
    cal.workingDayAfter(dates[i], amounts[i]);
    cal.addWorkingDays(dates[i], amounts[i]);
    naiveAddWorkingDays(cal, dates[i], amounts[i]);
    naiveOnIntegers(cal, dates[i], amounts[i]);
  }

  const tOurs = time(() => {
    for (let i = 0; i < COUNT; i++) {
      ours[i] = cal.workingDayAfter(dates[i], amounts[i]);
    }
  });
  const tExplained = time(() => {
    for (let i = 0; i < COUNT; i++) {
      explained[i] = cal.addWorkingDays(dates[i], amounts[i]).due;
    }
  });
  const tNaive = time(() => {
    for (let i = 0; i < COUNT; i++) {
      naive[i] = naiveAddWorkingDays(cal, dates[i], amounts[i]);
    }
  });
  const tNaiveInt = time(() => {
    for (let i = 0; i < COUNT; i++) {
      naiveInt[i] = naiveOnIntegers(cal, dates[i], amounts[i]);
    }
  });

  let mismatches = 0;
  let firstMismatch = '';
  for (let i = 0; i < COUNT; i++) {
    if (ours[i] !== naive[i] || explained[i] !== naive[i] || naiveInt[i] !== naive[i]) {
      if (mismatches === 0) {
        firstMismatch = `${dates[i]} + ${amounts[i]}: index ${ours[i]}, explained ${explained[i]}, naive ${naive[i]}, naive-int ${naiveInt[i]}`;
      }
      mismatches++;
    }
  }
  if (mismatches > 0) {
    console.error(`[bench] calendar: ${mismatches} answers differ, e.g. ${firstMismatch}`);
  }

  const ops = (t: number) => COUNT / t;
  const record = recordBenchmark({
    name: 'calendar',
    title: 'addWorkingDays: working-day index vs naive day-by-day loop',
    workload:
      `${COUNT.toLocaleString('en-US')} × addWorkingDays(random date in 2025–2026, random 1..60) ` +
      `(mulberry32 seed ${SEED}); inputs generated before timing; 50,000-call warm-up per variant`,
    datasetSize: `official calendar 2025 + 2026 (${years.reduce((s, y) => s + y.holidays.length, 0)} holidays, ${years.reduce((s, y) => s + y.workdays.length, 0)} adjusted working days), index over 2023–2028 built in ${buildMs.toFixed(1)} ms`,
    figure: {
      label: 'ours: WorkingDayCalendar.workingDayAfter (index, IsoDate in/out)',
      value: ops(tOurs),
      unit: 'ops/s',
    },
    baseline: { label: 'naive: day-by-day loop with addDaysIso + isWorkingDay', value: ops(tNaive), unit: 'ops/s' },
    target: { metric: 'ratio', op: '>=', value: TARGET, description: `≥ ${TARGET}× the naive loop, answers identical` },
    details: [
      { label: 'ours: addWorkingDays (full PeriodResult with explanation)', value: ops(tExplained), unit: 'ops/s' },
      {
        label: 'naive on epoch-day integers (isWorkingEpoch, no string work per step)',
        value: ops(tNaiveInt),
        unit: 'ops/s',
      },
      { label: 'ratio: explained addWorkingDays / naive loop', value: tNaive / tExplained, unit: '×' },
      { label: 'ratio: index / naive on integers', value: tNaiveInt / tOurs, unit: '×' },
      {
        label: 'answers differing (all four variants)',
        value: mismatches,
        unit: 'of ' + COUNT.toLocaleString('en-US'),
      },
    ],
    notes: [
      'both sides take and return IsoDate strings and use the same WorkingDayCalendar instance',
      'workingDayAfter is what addWorkingDays computes before it builds the explanation (skipped days, Chinese text)',
    ],
    raw: {
      seed: SEED,
      count: COUNT,
      seconds: { ours: tOurs, explained: tExplained, naive: tNaive, naiveInt: tNaiveInt },
      buildMs,
      firstMismatch,
    },
    correct: mismatches === 0,
  });
  process.exitCode = record.pass ? 0 : 1;
}

main();
