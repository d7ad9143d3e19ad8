import { buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, TestApp } from './support/test-app';

// the working-day calendar in the database, the deadline endpoint, national_admin maintenance.
describe('calendar and deadlines (R-14, R-15)', () => {
  let t: TestApp;
  let reader: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    reader = { Authorization: `Bearer ${await t.login('gd_reviewer')}` };
    admin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
  });
  afterAll(() => t.close());

  it('seeds the database from config/holidays and lists a year', async () => {
    const res = await t.http.get('/api/admin/calendar/days?year=2026').set(reader);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, covered: true, notice: '国务院办公厅关于2026年部分节假日安排的通知' });
    expect(
      res.body.holidays.filter((d: { name: string }) => d.name === '春节').map((d: { date: string }) => d.date),
    ).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(res.body.workdays.map((d: { date: string }) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const future = await t.http.get('/api/admin/calendar/days?year=2027').set(reader);
    expect(future.body).toMatchObject({ covered: false, provisional: true, holidays: [] });
  });

  it('computes a provincial review deadline across Spring Festival (Guangdong, 15 working days)', async () => {
    // Receipt 2026-02-12 (Thu). Working days after it: 2/13 (Fri) 1, 2/14 (adjusted Sat) 2, [2/15–2/23 春节],
    // 2/24–2/27 3–6, 2/28 (adjusted Sat) 7, 3/2–3/6 8–12, 3/9–3/11 13–15 → due 2026-03-11.
    const res = await t.http
      .get('/api/admin/calendar/deadline')
      .query({ rule: 'provincial_review', from: '2026-02-12', profile: 'guangdong' })
      .set(reader);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      due: '2026-03-11',
      rule: 'provincial_review',
      profile: 'guangdong',
      provisional: false,
    });
    expect(res.body.explanation).toContain('春节');
    const national = await t.http
      .get('/api/admin/calendar/deadline')
      .query({ rule: 'provincial_review', from: '2026-02-12' })
      .set(reader);
    expect(national.body.profile).toBe('national');
    expect(national.body.due > res.body.due).toBe(true);
  });

  it('marks a deadline reaching into an unpublished year as provisional', async () => {
    const res = await t.http
      .get('/api/admin/calendar/deadline')
      .query({ rule: 'upload', from: '2026-12-20' })
      .set(reader);
    expect(res.body.provisional).toBe(true);
  });

  it('refuses an unknown rule or a bad date with 400', async () => {
    const rule = await t.http
      .get('/api/admin/calendar/deadline')
      .query({ rule: 'whenever', from: '2026-01-05' })
      .set(reader);
    expect(rule.status).toBe(400);
    expect(rule.body.code).toBe('DEADLINE_UNKNOWN_RULE');
    const date = await t.http
      .get('/api/admin/calendar/deadline')
      .query({ rule: 'upload', from: '2026-02-30' })
      .set(reader);
    expect(date.status).toBe(400);
    expect(date.body.message).toMatch(/日期|2026-02-30/);
    const missing = await t.http.get('/api/admin/calendar/deadline').query({ rule: 'upload' }).set(reader);
    expect(missing.status).toBe(400);
  });

  it('lets only national_admin publish a year and add or remove days, each audited', async () => {
    const notice = { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知', reason: '通知已发布' };
    expect((await t.http.post('/api/admin/calendar/years').set(reader).send(notice)).status).toBe(403);
    const early = await t.http
      .post('/api/admin/calendar/days')
      .set(admin)
      .send({ date: '2027-01-01', kind: 'holiday', name: '元旦', reason: '通知' });
    expect(early.body.code).toBe('CALENDAR_YEAR_MISSING');
    expect((await t.http.post('/api/admin/calendar/years').set(admin).send(notice)).status).toBe(201);
    const added = await t.http
      .post('/api/admin/calendar/days')
      .set(admin)
      .send({ date: '2027-01-01', kind: 'holiday', name: '元旦', reason: '依据2027年通知' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      covered: true,
      holidays: [{ date: '2027-01-01', name: '元旦', source: 'manual' }],
    });
    const notWeekend = await t.http
      .post('/api/admin/calendar/days')
      .set(admin)
      .send({ date: '2027-01-04', kind: 'workday', name: '元旦', reason: 'x调休' });
    expect(notWeekend.body.code).toBe('CALENDAR_WORKDAY_NOT_WEEKEND');

    // The calendar engine uses the change at once: 2026-12-31 + 1 working day skips the new holiday (and the weekend).
    const due = await t.http
      .get('/api/admin/calendar/deadline')
      .query({ rule: 'work_order_normal', from: '2026-12-31' })
      .set(reader);
    expect(due.body.explanation).toContain('元旦');

    const removed = await t.http.delete('/api/admin/calendar/days/2027-01-01').set(admin).send({ reason: '录入错误' });
    expect(removed.status).toBe(200);
    expect(removed.body.holidays).toEqual([]);
    const auditor = { Authorization: `Bearer ${await t.login('auditor')}` };
    const logs = await t.http
      .get('/api/admin/audit-logs')
      .query({ filter: JSON.stringify({ actionPrefix: 'calendar.' }) })
      .set(auditor);
    expect(logs.body.map((l: { action: string }) => l.action).sort()).toEqual([
      'calendar.day.add',
      'calendar.day.remove',
      'calendar.year.publish',
    ]);
    expect(logs.body.find((l: { action: string }) => l.action === 'calendar.day.remove').detail).toBe('录入错误');
  });
});

// Stored due dates follow the calendar and say when they are provisional.
describe('stored due dates follow the calendar (R-14, R-15)', () => {
  let t: TestApp;
  let inst: { Authorization: string };
  let batchId: number;
  const batch = async () => (await t.http.get(`/api/admin/batches/${batchId}`).set(inst)).body;

  beforeAll(async () => {
    t = await createTestApp(); // today is 2026-11-23; 2027 is not published
    const token = await t.login('inst_cd1');
    inst = { Authorization: `Bearer ${token}` };
    // 成都 (national profile): 30 working days from 2026-11-20 (Fri) end on 2027-01-01 counting weekends only.
    const file = await buildSheet(t, token, [validRow(400, { 发证日期: '2026-11-20' })]);
    const res = await t.http
      .post('/api/admin/batches')
      .set(inst)
      .field('kind', 'skill_level')
      .attach('file', file, 'cd.xlsx');
    expect(res.status).toBe(201);
    batchId = res.body.id;
  });
  afterAll(() => t.close());

  it('R-15: marks a due date computed on an unpublished year as provisional, in the batch and on the deadline board', async () => {
    expect(await batch()).toMatchObject({
      dueDate: '2027-01-01',
      dueRule: 'upload',
      dueFrom: '2026-11-20',
      dueProvisional: true,
    });
    const board = await t.http
      .get('/api/admin/deadlines')
      .query({ filter: JSON.stringify({ kind: 'upload' }) })
      .set({ Authorization: `Bearer ${await t.login('cd_admin')}` });
    expect(board.status).toBe(200);
    expect(board.body.find((i: { batchId: number }) => i.batchId === batchId)).toMatchObject({
      dueDate: '2027-01-01',
      dueProvisional: true,
    });
  });
});
