// Where the time of an API list request goes, against the SQL that request runs. The API runs in its own process
// (bench/support/api-process.ts, started with the shipped Node flags); a query timer there (a TypeORM subscriber:
// beforeQuery/afterQuery, process.hrtime — the same monotonic clock as this process) stamps each statement, so a
// request splits into: before the first statement (HTTP, routing, the area guard and authentication, parameter
// parsing), the statements themselves, between them (hydration, code between reads) and after the last (views,
// countdowns, JSON, the HTTP reply, the client's JSON.parse). The baseline replays exactly those statements with
// mysql2 on a separate connection, interleaved with the API requests.
import type { Connection } from 'mysql2/promise';
import type { ApiProcess, TimedQuery } from './api-process';
import { median, nowMs, percentile } from './measure';

export interface OverheadCase {
  key: string;
  label: string;
  token: string;
  path: string;
}

export interface Steps {
  api: number;
  sqlInApp: number;
  beforeFirst: number;
  between: number;
  afterLast: number;
  statements: number;
  /** Of beforeFirst: from the request's arrival in the API process (Node's HTTP parser done) to the first statement. */
  serverBeforeFirst: number;
  /** Of afterLast: from the last statement's end to the answer handed to Node (res.end). */
  serverAfterLast: number;
}

export interface OverheadResult {
  key: string;
  label: string;
  p50: Steps;
  apiP95: number;
  replayP50: number;
  replayP95: number;
  ratio: number;
  statements: string[];
}

/** Runs `requests` rounds of (API request, replay of its statements) per case, after `warmup` rounds. */
export async function measureOverhead(
  api: ApiProcess,
  sql: Connection,
  cases: OverheadCase[],
  requests: number,
  warmup = 20,
): Promise<OverheadResult[]> {
  const request = async (c: OverheadCase): Promise<{ steps: Steps; queries: TimedQuery[] }> => {
    await api.take();
    const t0 = nowMs();
    const res = await api.get(c.token, c.path);
    const t1 = nowMs();
    if (res.status !== 200) throw new Error(`${c.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    // Only this request's statements (a background job of the API could run some of its own meanwhile).
    const taken = await api.take();
    const done = taken.queries.filter((q) => q.start >= t0 && q.end <= t1);
    const stamp = taken.stamps.find((s) => s.arrived >= t0 && s.arrived <= t1 && s.finished <= t1);
    if (!stamp) throw new Error(`${c.path}: the API process did not stamp the request`);
    const sqlInApp = done.reduce((s, q) => s + (q.end - q.start), 0);
    const beforeFirst = done.length ? done[0].start - t0 : t1 - t0;
    const afterLast = done.length ? t1 - done[done.length - 1].end : 0;
    return {
      steps: {
        api: t1 - t0,
        sqlInApp,
        beforeFirst,
        afterLast,
        between: t1 - t0 - sqlInApp - beforeFirst - afterLast,
        statements: done.length,
        serverBeforeFirst: done.length ? done[0].start - stamp.arrived : stamp.finished - stamp.arrived,
        serverAfterLast: done.length ? stamp.finished - done[done.length - 1].end : 0,
      },
      queries: done,
    };
  };
  const replay = async (queries: TimedQuery[]): Promise<number> => {
    const t0 = nowMs();
    for (const q of queries) await sql.query(q.query, q.parameters);
    return nowMs() - t0;
  };
  const samples = new Map(
    cases.map((c) => [c.key, { steps: [] as Steps[], replay: [] as number[], statements: [] as string[] }]),
  );
  for (let round = 0; round < warmup + requests; round++) {
    for (const c of cases) {
      const { steps, queries } = await request(c);
      const ms = await replay(queries);
      if (round < warmup) continue;
      const s = samples.get(c.key)!;
      s.steps.push(steps);
      s.replay.push(ms);
      if (s.statements.length === 0 || queries.length < s.statements.length) {
        s.statements = queries.map((q) => q.query);
      }
    }
  }
  return cases.map((c) => {
    const s = samples.get(c.key)!;
    const pick = (f: (x: Steps) => number) => median(s.steps.map(f));
    const p50: Steps = {
      api: pick((x) => x.api),
      sqlInApp: pick((x) => x.sqlInApp),
      beforeFirst: pick((x) => x.beforeFirst),
      between: pick((x) => x.between),
      afterLast: pick((x) => x.afterLast),
      statements: pick((x) => x.statements),
      serverBeforeFirst: pick((x) => x.serverBeforeFirst),
      serverAfterLast: pick((x) => x.serverAfterLast),
    };
    const replayP50 = median(s.replay);
    return {
      key: c.key,
      label: c.label,
      p50,
      apiP95: percentile(
        s.steps.map((x) => x.api),
        95,
      ),
      replayP50,
      replayP95: percentile(s.replay, 95),
      ratio: p50.api / replayP50,
      statements: s.statements,
    };
  });
}

/** Authentication alone, in-process: the three reads every request paid before the principal cache, and a cached hit. */
export async function measureAuthentication(
  uncached: () => Promise<unknown>,
  cached: () => Promise<unknown>,
  rounds: number,
): Promise<{ uncachedP50: number; cachedP50: number }> {
  const time = async (f: () => Promise<unknown>) => {
    const t0 = nowMs();
    await f();
    return nowMs() - t0;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds + 20; i++) {
    const x = await time(uncached);
    const y = await time(cached);
    if (i >= 20) {
      a.push(x);
      b.push(y);
    }
  }
  return { uncachedP50: median(a), cachedP50: median(b) };
}
