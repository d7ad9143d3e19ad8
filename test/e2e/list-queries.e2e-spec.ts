import fc from 'fast-check';
import { DEMO_PASSWORD } from '../../apps/api/src/seeds/demo-organisations';
import { buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, TestApp } from './support/test-app';
import type { DashboardView } from '@app/contracts';

// R-3, R-42: a list request is checked against each list's declared sorts and filters; no request can
// break the process for the requests after it.

const LISTS = [
  { path: '/api/admin/organisations', names: ['id', 'level', 'status', 'parentId', 'q'] },
  { path: '/api/admin/users', names: ['id', 'organisationId', 'role', 'disabled', 'q'] },
  {
    path: '/api/admin/batches',
    names: [
      'id',
      'queue',
      'status',
      'institutionId',
      'parentId',
      'kind',
      'lateSubmission',
      'overdue',
      'due',
      'organisationId',
    ],
  },
  { path: '/api/admin/certificates', names: ['id', 'batchId', 'certificateNumber', 'idNumber', 'status'] },
  { path: '/api/admin/deadlines', names: ['id', 'status', 'kind', 'organisationId', 'state'] },
  { path: '/api/admin/flags', names: ['id', 'rule', 'status', 'organisationId', 'certificateId'] },
  { path: '/api/admin/rechecks', names: ['id', 'status', 'certificateId', 'organisationId', 'due'] },
  {
    path: '/api/admin/complaints',
    names: ['id', 'status', 'channel', 'institutionId', 'certificateId', 'batchId', 'due'],
  },
  {
    path: '/api/admin/audit-logs',
    names: ['id', 'username', 'action', 'actionPrefix', 'targetType', 'targetId', 'outcome', 'from', 'to'],
  },
] as const;

const INHERITED = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'toLocaleString',
  '__defineGetter__',
  'prototype',
];
const NASTY_VALUES = [
  'abc',
  1e300,
  -1,
  0,
  1.5,
  2 ** 53,
  '2026-02-30',
  '2026-2-1',
  null,
  [],
  {},
  [1e300],
  ['x'],
  true,
  '',
  '1; DROP TABLE users',
];

/** A JSON object text whose keys may be anything, `__proto__` included, as an attacker would write it. */
function objectText(entries: [string, unknown][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
}

describe('list queries (R-3, R-42)', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    auth = { Authorization: `Bearer ${await t.login('nat_admin')}` };
  });
  afterAll(() => t.close());

  async function stillServes(): Promise<void> {
    const login = await t.http.post('/api/auth/login').send({ username: 'gd_admin', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const list = await t.http.get('/api/admin/organisations').set('Authorization', `Bearer ${login.body.token}`);
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
  }

  it.each(LISTS.map((l) => l.path))(
    'R-42: sorting %s by __proto__ is a 400, and logins and lists still work afterwards',
    async (path) => {
      const res = await t.http.get(path).query({ sort: '["__proto__","ASC"]', filter: '{"id":[1]}' }).set(auth);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BAD_QUERY');
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      await stillServes();
    },
  );

  it.each(INHERITED)(
    'R-42: the inherited name %s is an unknown sort field and an unknown filter (400) on every list',
    async (name) => {
      for (const { path } of LISTS) {
        const sort = await t.http
          .get(path)
          .query({ sort: JSON.stringify([name, 'ASC']), filter: '{"id":[1]}' })
          .set(auth);
        expect([path, sort.status, sort.body.code]).toEqual([path, 400, 'BAD_QUERY']);
        const filter = await t.http
          .get(path)
          .query({ filter: objectText([[name, 1]]) })
          .set(auth);
        expect([path, filter.status, filter.body.code]).toEqual([path, 400, 'BAD_QUERY']);
      }
      await stillServes();
    },
  );

  it.each(INHERITED)('R-42: the inherited name %s as a deadline rule or profile is a 400', async (name) => {
    for (const query of [
      { rule: name, from: '2026-01-05' },
      { rule: 'upload', from: '2026-01-05', profile: name },
    ]) {
      const res = await t.http.get('/api/admin/calendar/deadline').query(query).set(auth);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it('R-42: non-numeric ids, absurd ranges, invalid dates and wrong JSON types are 400', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/admin/organisations', { filter: '{"parentId":"abc"}' }],
      ['/api/admin/organisations', { filter: '{"id":["abc"]}' }],
      ['/api/admin/organisations', { filter: '{"id":[1.5]}' }],
      ['/api/admin/organisations', { filter: '{"parentId":99999999999}' }],
      ['/api/admin/organisations', { filter: '{"q":{"a":1}}' }],
      ['/api/admin/organisations', { filter: '{"q":null}' }],
      ['/api/admin/organisations', { filter: '{"level":"galaxy"}' }],
      ['/api/admin/organisations', { range: '[1e300,1e300]' }],
      ['/api/admin/organisations', { range: '[-5,3]' }],
      ['/api/admin/organisations', { range: '[0.5,3]' }],
      ['/api/admin/organisations', { range: '[0,100000]' }],
      ['/api/admin/organisations', { range: '[9007199254740990,9007199254740991]' }],
      ['/api/admin/organisations', { sort: '["id"]' }],
      ['/api/admin/organisations', { sort: '{"field":"id"}' }],
      ['/api/admin/organisations', { filter: '[]' }],
      ['/api/admin/users', { filter: '{"disabled":"yes"}' }],
      ['/api/admin/users', { filter: '{"role":["auditor"]}' }],
      ['/api/admin/batches', { filter: '{"institutionId":"abc"}' }],
      ['/api/admin/batches', { filter: '{"organisationId":-3}' }],
      ['/api/admin/certificates', { filter: '{"batchId":"abc"}' }],
      ['/api/admin/deadlines', { filter: '{"state":"late"}' }],
      ['/api/admin/deadlines', { sort: '["institutionName","ASC"]' }],
      ['/api/admin/audit-logs', { filter: '{"from":"2026-02-30"}' }],
      ['/api/admin/audit-logs', { filter: '{"to":"yesterday"}' }],
      ['/api/admin/audit-logs', { filter: '{"username":["a"]}' }],
    ];
    for (const [path, query] of cases) {
      const res = await t.http.get(path).query(query).set(auth);
      expect([path, query, res.status, res.body.code]).toEqual([path, query, 400, 'BAD_QUERY']);
    }
    // R-9: an ID-number search is decided before its value is checked: without the unmask permission it is a 403
    // whatever its shape, with it a malformed value is a 400.
    const malformedId = { filter: '{"idNumber":["1"]}' };
    const refused = await t.http.get('/api/admin/certificates').query(malformedId).set(auth);
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    const reviewer = { Authorization: `Bearer ${await t.login('gd_reviewer')}` };
    const malformed = await t.http.get('/api/admin/certificates').query(malformedId).set(reviewer);
    expect([malformed.status, malformed.body.code]).toEqual([400, 'BAD_QUERY']);
    // The same parameter twice is not a list of values.
    const twice = await t.http.get('/api/admin/organisations?sort=["id","ASC"]&sort=["id","ASC"]').set(auth);
    expect(twice.status).toBe(400);
  });

  it('keeps what the console sends: pages up to 500, sort by id, getMany by id, its filter names', async () => {
    const page = await t.http
      .get('/api/admin/organisations')
      .query({ range: '[0,499]', sort: '["regionCode","ASC"]', filter: '{"level":"provincial"}' })
      .set(auth);
    expect(page.status).toBe(200);
    expect(page.headers['content-range']).toMatch(/^organisations 0-\d+\/\d+$/);
    for (const { path } of LISTS) {
      const res = await t.http
        .get(path)
        .query({ sort: '["id","DESC"]', range: '[0,499]', filter: '{"id":[1,2,3]}' })
        .set(auth);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.body.every((row: { id: number }) => [1, 2, 3].includes(row.id))).toBe(true);
    }
    const org = (await t.http.get('/api/admin/organisations').query({ filter: '{"level":"municipal"}' }).set(auth))
      .body[0];
    const consoleRequests: [string, object][] = [
      [
        '/api/admin/organisations',
        { q: '广州', level: ['provincial', 'municipal'], status: 'active', parentId: org.parentId },
      ],
      ['/api/admin/users', { q: 'admin', role: 'municipal_admin', organisationId: org.id, disabled: false }],
      [
        '/api/admin/batches',
        {
          status: ['draft', 'municipal_review'],
          kind: 'skill_level',
          institutionId: 1,
          lateSubmission: false,
          overdue: true,
        },
      ],
      ['/api/admin/batches', { queue: 'mine' }],
      [
        '/api/admin/deadlines',
        { organisationId: org.id, status: 'municipal_review', kind: 'review', state: 'overdue' },
      ],
      [
        '/api/admin/audit-logs',
        {
          username: 'nat_admin',
          action: 'auth.login',
          from: '2026-01-01',
          to: '2026-12-31',
          outcome: 'success',
          targetType: 'user',
          targetId: '1',
        },
      ],
      ['/api/admin/audit-logs', { actionPrefix: 'auth.' }],
      ['/api/admin/deadlines', { kind: 'recheck', state: 'due_soon' }],
      ['/api/admin/flags', { rule: 'volume_spike', status: 'open', organisationId: org.id, certificateId: 1 }],
      ['/api/admin/rechecks', { status: 'open', organisationId: org.id, certificateId: 1, due: 'soon' }],
      ['/api/admin/deadlines', { kind: 'complaint', state: 'overdue' }],
      ['/api/admin/complaints', { status: 'open', channel: 'hotline_12333', due: 'overdue' }],
    ];
    for (const [path, filter] of consoleRequests) {
      const res = await t.http
        .get(path)
        .query({ filter: JSON.stringify(filter), range: '[0,24]' })
        .set(auth);
      expect([path, filter, res.status]).toEqual([path, filter, 200]);
      expect(res.headers['content-range']).toBeDefined();
    }
    const users = await t.http.get('/api/admin/users').query({ filter: '{"q":"gd_"}' }).set(auth);
    expect(users.body.map((u: { username: string }) => u.username)).toContain('gd_admin');
  });

  it("R-3: a region filter outside the caller's jurisdiction lists nothing (not another province's batches)", async () => {
    const gz = { Authorization: `Bearer ${await t.login('gz_admin')}` };
    const sc = (await t.http.get('/api/admin/organisations').query({ filter: '{"q":"四川"}' }).set(auth)).body.find(
      (o: { level: string }) => o.level === 'provincial',
    );
    for (const path of ['/api/admin/batches', '/api/admin/deadlines', '/api/admin/flags', '/api/admin/rechecks']) {
      const res = await t.http
        .get(path)
        .query({ filter: JSON.stringify({ organisationId: sc.id }) })
        .set(gz);
      expect([path, res.status, res.body]).toEqual([path, 200, []]);
    }
  });

  it('R-42: fuzzing sort, range and filter of every list answers only 200 or 400, and the process keeps serving', async () => {
    const anyKey = (names: readonly string[]) =>
      fc.oneof(fc.constantFrom(...names, ...INHERITED), fc.string({ maxLength: 12 }));
    const anyValue = fc.oneof(
      fc.constantFrom(...NASTY_VALUES),
      fc.jsonValue({ maxDepth: 2 }),
      fc.integer(),
      fc.double(),
      fc.string({ maxLength: 8 }),
    );
    const jsonText = (arb: fc.Arbitrary<unknown>) => arb.map((v) => JSON.stringify(v) ?? '');
    for (const { path, names } of LISTS) {
      const sort = fc.oneof(
        jsonText(fc.tuple(anyKey(['id', 'name', 'dueDate', 'at']), fc.constantFrom('ASC', 'DESC', 'asc', 'up', ''))),
        jsonText(fc.jsonValue({ maxDepth: 2 })),
        fc.string({ maxLength: 10 }),
      );
      const range = fc.oneof(
        jsonText(
          fc.tuple(
            fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double(), fc.constantFrom(1e300, 2 ** 53, -0)),
            fc.oneof(fc.integer({ min: -10, max: 1000 }), fc.double(), fc.constant(1e300)),
          ),
        ),
        jsonText(fc.jsonValue({ maxDepth: 1 })),
      );
      const filter = fc.oneof(
        fc.array(fc.tuple(anyKey(names), anyValue), { maxLength: 4 }).map(objectText),
        jsonText(fc.jsonValue({ maxDepth: 2 })),
      );
      const params = fc.record({ sort, range, filter }, { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(params, async (query) => {
          const res = await t.http.get(path).query(query).set(auth);
          // R-9: nat_admin may not search by ID number, so such a filter is refused before it is parsed.
          const idSearchRefused =
            res.status === 403 &&
            res.body.code === 'FORBIDDEN' &&
            path === '/api/admin/certificates' &&
            (query.filter ?? '').includes('"idNumber"');
          if (res.status !== 200 && res.status !== 400 && !idSearchRefused) {
            throw new Error(`${path} ${JSON.stringify(query)} → ${res.status} ${JSON.stringify(res.body)}`);
          }
        }),
        { numRuns: 60 },
      );
    }
    await stillServes();
    const normal = await t.http.get('/api/admin/batches').query({ sort: '["id","DESC"]', range: '[0,9]' }).set(auth);
    expect(normal.status).toBe(200);
    expect(normal.body.length).toBeGreaterThan(0);
  });

  it('R-42: a JSON body with __proto__ or constructor keys is refused or ignored, never a 500, and logins still work', async () => {
    const body =
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"username":"gd_admin","password":"x"}';
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(body);
    expect([400, 401]).toContain(res.status);
    const create = await t.http.post('/api/admin/users').set(auth).set('Content-Type', 'application/json').send(body);
    expect(create.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillServes();
  });

  it('R-42: racing uploads of the same file: one batch, the others 409 IMPORT_DUPLICATE_FILE, never a 500', async () => {
    const inst = await t.login('inst_gz1');
    const file = await buildSheet(t, inst, [validRow(901), validRow(902)]);
    const send = () =>
      t.http
        .post('/api/admin/batches')
        .set('Authorization', `Bearer ${inst}`)
        .field('kind', 'skill_level')
        .attach('file', file, '并发.xlsx');
    const answers = await Promise.all([send(), send(), send(), send()]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409]);
    for (const res of answers.filter((r) => r.status === 409)) expect(res.body.code).toBe('IMPORT_DUPLICATE_FILE');
    await stillServes();
  });

  it('R-42: health answers 503 when the process can no longer serve requests (a polluted prototype), 200 again once it can', async () => {
    expect((await t.http.get('/api/health')).status).toBe(200);
    const proto = Object.prototype as Record<string, unknown>;
    // What sorting by __proto__ used to do to the process.
    proto['o.id'] = 'ASC';
    try {
      const health = await t.http.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.code).toBe('SERVICE_UNHEALTHY');
    } finally {
      delete proto['o.id'];
    }
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  describe('首页 figures (R-40): GET /api/admin/dashboard counts what the lists list', () => {
    const total = async (token: string, path: string, filter: Record<string, unknown>) => {
      const res = await t.http
        .get(path)
        .query({ filter: JSON.stringify(filter), range: '[0,0]' })
        .set({ Authorization: `Bearer ${token}` });
      expect(res.status).toBe(200);
      return Number(/\/(\d+)$/.exec(res.headers['content-range'])![1]);
    };

    it.each(['gd_reviewer', 'gz_admin', 'inst_gz1', 'nat_reviewer', 'gd_admin'])(
      '%s: 待我处理 in all, by stage and by due date equal the 待我处理 list filtered the same way',
      async (username) => {
        const token = await t.login(username);
        const res = await t.http.get('/api/admin/dashboard').set({ Authorization: `Bearer ${token}` });
        expect(res.status).toBe(200);
        const { pending } = res.body as DashboardView;
        expect(pending.total).toBe(await total(token, '/api/admin/batches', { queue: 'mine' }));
        for (const due of ['today', 'soon', 'overdue'] as const) {
          const key = { today: 'dueToday', soon: 'dueSoon', overdue: 'overdue' } as const;
          expect([due, pending[key[due]]]).toEqual([
            due,
            await total(token, '/api/admin/batches', { queue: 'mine', due }),
          ]);
        }
        for (const stage of pending.byStage) {
          expect([stage.status, stage.total]).toEqual([
            stage.status,
            await total(token, '/api/admin/batches', { queue: 'mine', status: [stage.status] }),
          ]);
          expect(stage.label).toMatch(/[\u4e00-\u9fff]/);
        }
      },
    );

    it('the demo gives a reviewer work due and overdue, and recent decisions in Chinese', async () => {
      const token = await t.login('gd_reviewer');
      const view = (await t.http.get('/api/admin/dashboard').set({ Authorization: `Bearer ${token}` }))
        .body as DashboardView;
      expect(view.pending.total).toBeGreaterThan(0);
      expect(view.pending.overdue).toBeGreaterThan(0);
      expect(view.recentDecisions.length).toBeGreaterThan(0);
      for (const d of view.recentDecisions) {
        expect(d.actionLabel).toMatch(/[\u4e00-\u9fff]/);
        expect(d.institutionName).not.toBe('');
      }
    });

    it('centres: the organisations below add up to the open batches of the deadline board; institutions get none', async () => {
      // The board's other items (R-26 re-checks) are not batches: counted apart.
      const batches = async (token: string, filter: Record<string, unknown>) =>
        (await total(token, '/api/admin/deadlines', filter)) -
        (await total(token, '/api/admin/deadlines', { ...filter, kind: 'recheck' }));
      for (const username of ['gd_admin', 'nat_admin', 'gz_admin']) {
        const token = await t.login(username);
        const view = (await t.http.get('/api/admin/dashboard').set({ Authorization: `Bearer ${token}` }))
          .body as DashboardView;
        const below = view.organisationsBelow!;
        expect(below.length).toBeGreaterThan(0);
        expect(below.reduce((n, o) => n + o.open, 0)).toBe(await batches(token, {}));
        expect(below.reduce((n, o) => n + o.overdue, 0)).toBe(await batches(token, { state: 'overdue' }));
      }
      const inst = await t.login('inst_gz1');
      const view = (await t.http.get('/api/admin/dashboard').set({ Authorization: `Bearer ${inst}` }))
        .body as DashboardView;
      expect(view.organisationsBelow).toBeNull();
    });

    it('the auditor has no dashboard figures (403); a bad due filter is a 400', async () => {
      const auditor = await t.login('auditor');
      expect((await t.http.get('/api/admin/dashboard').set({ Authorization: `Bearer ${auditor}` })).status).toBe(403);
      const res = await t.http
        .get('/api/admin/batches')
        .query({ filter: JSON.stringify({ due: 'tomorrow' }) })
        .set(auth);
      expect(res.status).toBe(400);
    });
  });
});
