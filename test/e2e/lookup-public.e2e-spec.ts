import { addDaysIso } from '@app/domain';
import { createTestApp, TEST_TODAY, TestApp } from './support/test-app';

const OLD_MODE_LIMIT = 60;

// The public lookup's core HTTP contract (R-27, R-32, R-33, R-34, lookup log): modes and their cutover, the
// national centre's schedule endpoints, the anonymous old mode, coverage and the staff's daily counts.
describe('public lookup: modes, old mode, coverage, statistics (HTTP)', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let natReviewer: { Authorization: string };
  let gdAdmin: { Authorization: string };
  let published: { certificate_number: string; holder_name: string };

  beforeAll(async () => {
    t = await createTestApp({ env: { LOOKUP_OLD_MODE_PER_MINUTE: String(OLD_MODE_LIMIT) } });
    admin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    natReviewer = { Authorization: `Bearer ${await t.login('nat_reviewer')}` };
    gdAdmin = { Authorization: `Bearer ${await t.login('gd_admin')}` };
    [published] = await t.dataSource.query(
      "SELECT certificate_number, holder_name FROM certificates WHERE status = 'published' AND lookup_status = 'visible' ORDER BY id LIMIT 1",
    );
  });
  afterAll(() => t.close());

  const schedule = async (kind: string) =>
    (await t.http.get('/api/admin/query-mode').set(admin)).body.find((s: { kind: string }) => s.kind === kind);

  /** Moves one kind's schedule (as national_admin) and returns the PUT's answer. */
  async function setSchedule(kind: string, newModeStart: string, oldModeLastDay: string, reason = '测试切换日') {
    const { version, announcement } = await schedule(kind);
    return t.http
      .put(`/api/admin/query-mode/${kind}`)
      .set(admin)
      .send({ newModeStart, oldModeLastDay, announcement, reason, version });
  }

  const oldQuery = (body: Record<string, unknown>) => t.http.post('/api/lookup/old').send(body);
  const found = { kind: 'skill_level', certificateNumber: '', name: '' };

  describe('modes and the schedule (R-32)', () => {
    it('GET /api/lookup/modes is public: today and both kinds with mode, dates and announcement', async () => {
      const res = await t.http.get('/api/lookup/modes');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        today: TEST_TODAY,
        kinds: [
          expect.objectContaining({ kind: 'qualification', mode: 'new', newModeStart: '2025-12-01' }),
          expect.objectContaining({ kind: 'skill_level', mode: 'new', oldModeLastDay: '2026-02-28' }),
        ],
      });
      expect(res.body.kinds[0].announcement).toMatch(/新版证书查询功能/);
    });

    it('admin endpoints: national_admin only (others 403, no token 401)', async () => {
      for (const who of [natReviewer, gdAdmin]) {
        expect((await t.http.get('/api/admin/query-mode').set(who)).status).toBe(403);
        expect((await t.http.get('/api/admin/query-mode/history').set(who)).status).toBe(403);
        const put = await t.http.put('/api/admin/query-mode/skill_level').set(who).send({
          newModeStart: '2025-12-01',
          oldModeLastDay: '2026-02-28',
          announcement: 'x',
          reason: '越权',
          version: 1,
        });
        expect(put.status).toBe(403);
      }
      expect((await t.http.get('/api/admin/query-mode')).status).toBe(401);
      const list = await t.http.get('/api/admin/query-mode').set(admin);
      expect(list.status).toBe(200);
      expect(list.body[0]).toEqual({
        kind: 'qualification',
        newModeStart: '2025-12-01',
        oldModeLastDay: '2026-02-28',
        announcement: expect.any(String),
        mode: 'new',
        version: 1,
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        updatedByName: null,
      });
    });

    it('PUT answers QUERY_MODE_GAP (422) first, then requires a reason (400) and the current version (409)', async () => {
      const gap = await t.http
        .put('/api/admin/query-mode/skill_level')
        .set(admin)
        .send({ newModeStart: '2027-01-10', oldModeLastDay: '2027-01-01' });
      expect(gap.status).toBe(422);
      expect(gap.body).toMatchObject({ code: 'QUERY_MODE_GAP', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
      // Also when the other fields are wrong too: an overlong reason, an announcement of the wrong type, no version.
      const gapFirst = await t.http
        .put('/api/admin/query-mode/skill_level')
        .set(admin)
        .send({
          newModeStart: '2027-01-10',
          oldModeLastDay: '2027-01-01',
          reason: '长'.repeat(501),
          announcement: 7,
          version: 'x',
        });
      expect(gapFirst.body.code).toBe('QUERY_MODE_GAP');
      const { version, announcement } = await schedule('skill_level');
      const longReason = await t.http
        .put('/api/admin/query-mode/skill_level')
        .set(admin)
        .send({
          newModeStart: '2025-12-01',
          oldModeLastDay: '2026-02-28',
          announcement,
          version,
          reason: '长'.repeat(501),
        });
      expect(longReason.status).toBe(400);
      const noReason = await t.http
        .put('/api/admin/query-mode/skill_level')
        .set(admin)
        .send({ newModeStart: '2025-12-01', oldModeLastDay: '2026-02-28', announcement, version });
      expect(noReason.status).toBe(400);
      const stale = await t.http
        .put('/api/admin/query-mode/skill_level')
        .set(admin)
        .send({
          newModeStart: '2025-12-01',
          oldModeLastDay: '2026-02-28',
          announcement,
          reason: '过期版本',
          version: version + 5,
        });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect((await t.http.put('/api/admin/query-mode/special_ability').set(admin).send({})).status).toBe(400);
      expect((await t.http.get('/api/admin/query-mode/history').set(admin)).body).toEqual([]);
    });

    it('cuts over on the day before, of and after each date (today fixed at 2026-11-23)', async () => {
      const today = TEST_TODAY;
      const modeOf = async () =>
        (await t.http.get('/api/lookup/modes')).body.kinds.find((k: { kind: string }) => k.kind === 'skill_level').mode;
      // The day before the new mode starts: old only.
      expect((await setSchedule('skill_level', addDaysIso(today, 1), addDaysIso(today, 30))).status).toBe(200);
      expect(await modeOf()).toBe('old');
      // The day it starts: both.
      expect((await setSchedule('skill_level', today, addDaysIso(today, 30))).status).toBe(200);
      expect(await modeOf()).toBe('both');
      // The old mode's last day: still both; the day after it: new only.
      expect((await setSchedule('skill_level', addDaysIso(today, -30), today)).status).toBe(200);
      expect(await modeOf()).toBe('both');
      const after = await setSchedule('skill_level', addDaysIso(today, -30), addDaysIso(today, -1));
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({
        mode: 'new',
        oldModeLastDay: addDaysIso(today, -1),
        updatedByName: expect.any(String),
      });
      expect(await modeOf()).toBe('new');
      // The other kind never moved.
      expect((await t.http.get('/api/lookup/modes')).body.kinds[0].mode).toBe('new');
      // The old mode is refused on the day after its last day (with the announcement), allowed again once reopened.
      const closed = await oldQuery({ kind: 'skill_level' });
      expect(closed.status).toBe(403);
      expect(closed.body).toMatchObject({
        code: 'LOOKUP_MODE_DISABLED',
        announcement: expect.any(String),
        mode: 'new',
      });
      expect(
        (await setSchedule('skill_level', addDaysIso(today, -30), addDaysIso(today, 10), '重新开放旧版查询')).status,
      ).toBe(200);
    });

    it('keeps every change: who, when, before, after, reason — newest first — and audits it', async () => {
      const res = await t.http.get('/api/admin/query-mode/history').set(admin);
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(5);
      expect(res.body[0]).toEqual({
        id: expect.any(Number),
        kind: 'skill_level',
        changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        changedById: expect.any(Number),
        changedByName: expect.any(String),
        before: {
          newModeStart: addDaysIso(TEST_TODAY, -30),
          oldModeLastDay: addDaysIso(TEST_TODAY, -1),
          announcement: expect.any(String),
        },
        after: {
          newModeStart: addDaysIso(TEST_TODAY, -30),
          oldModeLastDay: addDaysIso(TEST_TODAY, 10),
          announcement: expect.any(String),
        },
        reason: '重新开放旧版查询',
      });
      const audit = await t.http
        .get('/api/admin/audit-logs')
        .query({ filter: JSON.stringify({ action: 'query-mode.update' }) })
        .set(admin);
      expect(audit.status).toBe(200);
      expect(audit.body.length).toBeGreaterThanOrEqual(5);
    });
  });

  describe('old mode (R-27, R-33)', () => {
    beforeAll(() => {
      found.certificateNumber = published.certificate_number;
      found.name = published.holder_name;
    });

    it('answers 200 with masked results for a visible published certificate', async () => {
      const res = await oldQuery(found);
      expect(res.status).toBe(200);
      expect(res.body.results).toHaveLength(1);
      const [card] = res.body.results;
      expect(Object.keys(card).sort()).toEqual(
        [
          'kind',
          'holderName',
          'gender',
          'idNumber',
          'certificateNumber',
          'occupationName',
          'workType',
          'levelLabel',
          'issueDate',
          'institutionName',
          'dataResponsibleUnit',
          'masked',
        ].sort(),
      );
      expect(card.masked).toBe(true);
      expect(card.holderName).toBe(`${'*'.repeat([...found.name].length - 1)}${[...found.name].pop()}`);
      expect(card.certificateNumber).toMatch(new RegExp(`^\\*+${found.certificateNumber.slice(-3)}$`));
      expect(card.idNumber).toMatch(/^\*{14}[0-9X]{4}$/);
      expect(card.dataResponsibleUnit).not.toBe('');
    });

    it('answers byte-identically for suspended, unpublished and unknown certificates', async () => {
      const [suspended] = await t.dataSource.query(
        "SELECT id, certificate_number, holder_name FROM certificates WHERE status = 'published' AND lookup_status = 'visible' ORDER BY id DESC LIMIT 1",
      );
      await t.dataSource.query("UPDATE certificates SET lookup_status = 'suspended' WHERE id = ?", [suspended.id]);
      const [unpublished] = await t.dataSource.query(
        "SELECT certificate_number, holder_name FROM certificates WHERE status <> 'published' ORDER BY id LIMIT 1",
      );
      const answers = [];
      for (const c of [
        suspended,
        unpublished,
        { certificate_number: 'S0000009999999999999999', holder_name: '查无此人' },
      ]) {
        const res = await oldQuery({
          kind: 'skill_level',
          certificateNumber: c.certificate_number,
          name: c.holder_name,
        });
        answers.push({ status: res.status, type: res.headers['content-type'], text: res.text });
      }
      expect(answers[0]).toEqual({
        status: 200,
        type: expect.stringMatching(/^application\/json/),
        text: '{"results":[]}',
      });
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it('refuses other field combinations with 400 naming the rule in Chinese; a bad kind is 400', async () => {
      const skill = await oldQuery({ kind: 'skill_level', idNumber: '440106199001010017', name: '张三' });
      expect(skill.status).toBe(400);
      expect(skill.body).toMatchObject({
        code: 'LOOKUP_FIELDS_RULE',
        message: expect.stringMatching(/证书编号为必填/),
      });
      // Qualification's old mode ended (default schedule); reopen it to reach its field rule.
      const mode = await setSchedule(
        'qualification',
        '2025-12-01',
        addDaysIso(TEST_TODAY, 1),
        '延长职业资格证书旧版查询',
      );
      expect(mode.body.mode).toBe('both');
      const qualification = await oldQuery({ kind: 'qualification', name: '张三', certificateNumber: '   ' });
      expect(qualification.status).toBe(400);
      expect(qualification.body.message).toMatch(/任意填写两项/);
      expect((await oldQuery({ kind: 'special_ability', certificateNumber: 'x', name: 'y' })).status).toBe(400);
      expect((await oldQuery({ ...found, extra: 1 })).status).toBe(400);
    });

    it('is logged, and national staff read the daily counts by mode (others 403)', async () => {
      const res = await t.http.get('/api/admin/lookup-stats').set(natReviewer);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { day: TEST_TODAY, mode: 'old', queries: expect.any(Number), found: expect.any(Number) },
      ]);
      expect(res.body[0].queries).toBeGreaterThanOrEqual(4);
      expect(res.body[0].found).toBeGreaterThanOrEqual(1);
      const filtered = await t.http
        .get('/api/admin/lookup-stats')
        .query({ mode: 'others', from: '2026-11-01', to: TEST_TODAY })
        .set(admin);
      expect(filtered.body).toEqual([]);
      expect((await t.http.get('/api/admin/lookup-stats').query({ mode: 'nope' }).set(admin)).status).toBe(400);
      expect((await t.http.get('/api/admin/lookup-stats').set(gdAdmin)).status).toBe(403);
      expect((await t.http.get('/api/admin/lookup-stats')).status).toBe(401);
    });

    it('limits each client address per minute with 429 RATE_LIMITED', async () => {
      let refused: { status: number; body: { code: string; message: string } } | undefined;
      // Two windows' worth at most: a minute boundary crossed mid-way cannot hide the limit.
      for (let i = 0; i < 2 * OLD_MODE_LIMIT + 1 && !refused; i++) {
        const res = await oldQuery(found);
        if (res.status !== 200) refused = res;
      }
      expect(refused?.status).toBe(429);
      expect(refused?.body).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringContaining(`${OLD_MODE_LIMIT}`),
      });
    });
  });

  it('GET /api/lookup/coverage is public: per kind, province and institution, issue-date range of visible data', async () => {
    const res = await t.http.get('/api/lookup/coverage');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const row of res.body) {
      expect(Object.keys(row).sort()).toEqual([
        'earliestIssueDate',
        'institutionName',
        'kind',
        'latestIssueDate',
        'provinceName',
      ]);
      expect(row.earliestIssueDate <= row.latestIssueDate).toBe(true);
    }
    const expected: { kind: string; n: string }[] = await t.dataSource.query(
      "SELECT kind, COUNT(DISTINCT institution_id) AS n FROM certificates WHERE status = 'published' AND lookup_status = 'visible' GROUP BY kind",
    );
    expect(res.body).toHaveLength(expected.reduce((sum, r) => sum + Number(r.n), 0));
    expect(res.body.map((r: { provinceName: string }) => r.provinceName)).toEqual(
      expect.arrayContaining(['广东省职业技能服务指导中心', '四川省职业技能鉴定指导中心']),
    );
  });
});
