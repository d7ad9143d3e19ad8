import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { CalendarService } from '../../apps/api/src/calendar/calendar.service';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { ReminderEvent } from '../../apps/api/src/reminders/entities/reminder-event.entity';
import { RemindersModule } from '../../apps/api/src/reminders/reminders.module';
import { RemindersService } from '../../apps/api/src/reminders/reminders.service';
import { OutboxMail } from '../../apps/api/src/mail/entities/outbox-mail.entity';
import { OutboxDispatchService } from '../../apps/api/src/mail/outbox-dispatch.service';
import { User } from '../../apps/api/src/users/entities/user.entity';
import { SmtpSink } from '../e2e/support/smtp-sink';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

/** 08:30 in Beijing on a day. */
const morning = (day: string) => `${day}T00:30:00.000Z`;

// deadline reminders on a real database with a real SMTP server: items from the data, each event
// mailed once ever per person (unique key), one digest per person per run, escalation to the head, working days.
describe('deadline reminders (medium)', () => {
  let m: MediumContext;
  let sink: SmtpSink;
  let reminders: RemindersService;
  let runId = 0;
  const run = () => reminders.run((runId += 1));

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    m = await createMediumContext({
      imports: [...WORKFLOW_MODULES, RemindersModule],
      now: morning('2026-02-11'),
      env: { SMTP_URL: sink.url, PUBLIC_URL: 'https://console.example.cn' },
    });
    reminders = m.get(RemindersService);
  });
  afterAll(async () => {
    await m?.close();
    await sink.stop();
  });

  const outbox = () => m.dataSource.getRepository(OutboxMail).find({ order: { id: 'ASC' } });
  const mailed = async (email: string) => (await outbox()).filter((r) => r.recipient === email);

  describe('due_soon and overdue on working days across Spring Festival 2026', () => {
    let tree: OrgTree;
    let operator: User;
    const batchIds: Record<string, number> = {};

    beforeAll(async () => {
      tree = await m.factories.tree();
      operator = await m.factories.user(tree.institution, ['institution_operator'], { email: 'op-sf@demo.example.cn' });
      // Due the Tuesday after the holiday: 3 working days left from Thursday 12 (Fri 13, Sat 14 worked, Tue 24).
      batchIds.afterHoliday = (await m.factories.batch(tree.institution, operator, { dueDate: '2026-02-24' })).id;
      // Due the Friday before it: overdue first on the adjusted working Saturday 14.
      batchIds.beforeHoliday = (await m.factories.batch(tree.institution, operator, { dueDate: '2026-02-13' })).id;
    });
    // Closed afterwards, so the later cases count only their own items.
    afterAll(() => m.dataSource.getRepository(Batch).update(Object.values(batchIds), { status: 'published' }));

    const eventsOn = async (day: string) => {
      m.clock.set(morning(day));
      const { items } = await reminders.items();
      return Object.fromEntries(items.map((i) => [i.batchId, i.event]));
    };

    it.each([
      ['2026-02-11', null, 'due_soon'], // Wed: 4 working days left; the Friday one 2 left
      ['2026-02-12', 'due_soon', 'due_soon'],
      ['2026-02-13', 'due_soon', 'due_soon'], // the due day itself
      ['2026-02-14', 'due_soon', 'overdue'], // adjusted working Saturday: the first working day after the 13th
      ['2026-02-15', null, null], // Sunday in the holiday: nothing is sent
      ['2026-02-18', null, null], // holiday
      ['2026-02-24', 'due_soon', 'overdue'], // back at work: due today; the other still overdue
      ['2026-02-25', 'overdue', 'overdue'],
    ])('on %s: after-holiday item %s, before-holiday item %s', async (day, after, before) => {
      const events = await eventsOn(day);
      expect(events[batchIds.afterHoliday] ?? null).toBe(after);
      expect(events[batchIds.beforeHoliday] ?? null).toBe(before);
    });

    it('mails each event once over the days: due_soon once, overdue once, nothing on the holiday', async () => {
      for (const day of ['2026-02-12', '2026-02-13', '2026-02-14', '2026-02-18', '2026-02-24', '2026-02-25']) {
        m.clock.set(morning(day));
        await run();
      }
      const events = await m.dataSource
        .getRepository(ReminderEvent)
        .find({ where: { recipientUserId: operator.id }, order: { id: 'ASC' } });
      expect(events.map((e) => [e.batchId, e.event])).toEqual([
        [batchIds.beforeHoliday, 'due_soon'],
        [batchIds.afterHoliday, 'due_soon'],
        [batchIds.beforeHoliday, 'overdue'],
        [batchIds.afterHoliday, 'overdue'],
      ]);
      // 12th: both due soon (one digest); 14th: the overdue one; 25th: the other overdue. The 13th, 18th and 24th
      // had nothing new.
      const subjects = (await mailed('op-sf@demo.example.cn')).map((r) => r.subject);
      expect(subjects).toEqual([
        '【证书数据监管平台】您有 2 项待办即将到期',
        '【证书数据监管平台】您有 1 项待办已逾期',
        '【证书数据监管平台】您有 1 项待办已逾期',
      ]);
    });
  });

  describe('recipients, escalation, digests and exactly-once delivery', () => {
    let gd: OrgTree;
    const u: Record<string, User> = {};
    const b: Record<string, number> = {};

    beforeAll(async () => {
      // Monday 2026-11-23.
      m.clock.set(morning('2026-11-23'));
      gd = await m.factories.tree();
      const f = m.factories;
      u.operator = await f.user(gd.institution, ['institution_operator'], { email: 'op@demo.example.cn' });
      u.operatorNoMail = await f.user(gd.institution, ['institution_operator'], { email: null });
      u.operatorDisabled = await f.user(gd.institution, ['institution_operator'], {
        email: 'gone@demo.example.cn',
        disabled: true,
      });
      u.cityAdmin = await f.user(gd.city, ['municipal_admin'], { email: 'city-admin@demo.example.cn' });
      u.cityHead = await f.user(gd.city, ['municipal_head'], { email: 'city-head@demo.example.cn' });
      u.provReviewer = await f.user(gd.province, ['provincial_reviewer'], { email: 'prov-rev@demo.example.cn' });
      u.provAdmin = await f.user(gd.province, ['provincial_admin'], { email: 'prov-admin@demo.example.cn' });
      u.national = await f.user(gd.national, ['national_reviewer'], { email: 'nat@demo.example.cn' });
      const batch = async (status: string, dueDate: string, recordCount = 10) =>
        (await f.batch(gd.institution, u.operator, { status: status as never, dueDate, recordCount })).id;
      b.upload = await batch('draft', '2026-11-25', 12); // due soon: operators
      b.cityOverdue = await batch('municipal_review', '2026-11-20'); // overdue: city admin, escalated to the head
      b.provOverdue = await batch('provincial_review', '2026-11-19'); // overdue: reviewer, escalated to the admin
      b.correction = await batch('returned', '2026-11-18'); // overdue correction: operators, escalated to city admin
      b.later = await batch('national_review', '2026-12-10'); // not yet
      b.published = await batch('published', '2026-11-10'); // closed
    });

    it('computes the items with who must act and who hears of the overdue ones', async () => {
      const { items } = await reminders.items();
      const mine = items.filter((i) => i.batchId !== null && Object.values(b).includes(i.batchId));
      const byId = new Map(mine.map((i) => [i.batchId as number, i]));
      expect([...byId.keys()].sort((x, y) => x - y)).toEqual(
        [b.upload, b.cityOverdue, b.provOverdue, b.correction].sort((x, y) => x - y),
      );
      expect(byId.get(b.upload)).toMatchObject({
        kind: 'upload',
        event: 'due_soon',
        workingDaysLeft: 2,
        responsibleOrganisationId: gd.institution.id,
        responsibleRole: 'institution_operator',
        escalationTarget: null,
      });
      expect(byId.get(b.cityOverdue)).toMatchObject({
        kind: 'review',
        event: 'overdue',
        overdueWorkingDays: 1,
        responsibleOrganisationId: gd.city.id,
        responsibleRole: 'municipal_admin',
        escalationTarget: { organisationId: gd.city.id, role: 'municipal_head' },
      });
      expect(byId.get(b.provOverdue)).toMatchObject({
        responsibleOrganisationId: gd.province.id,
        responsibleRole: 'provincial_reviewer',
        escalationTarget: { organisationId: gd.province.id, role: 'provincial_admin' },
      });
      expect(byId.get(b.correction)).toMatchObject({
        kind: 'correction',
        overdueWorkingDays: 3,
        responsibleOrganisationId: gd.institution.id,
        escalationTarget: { organisationId: gd.city.id, role: 'municipal_admin' },
      });
    });

    it('my reminders: each person sees their own items, the head the escalated ones', async () => {
      const mine = async (user: User, org: typeof gd.city) =>
        (await reminders.mine(m.factories.actor(user, org))).map((i) => [i.batchId, i.event, i.escalation]);
      expect(await mine(u.operator, gd.institution)).toEqual([
        [b.correction, 'overdue', false],
        [b.upload, 'due_soon', false],
      ]);
      expect(await mine(u.cityAdmin, gd.city)).toEqual([
        [b.correction, 'overdue', true],
        [b.cityOverdue, 'overdue', false],
      ]);
      expect(await mine(u.cityHead, gd.city)).toEqual([[b.cityOverdue, 'overdue', true]]);
      expect(await mine(u.national, gd.national)).toEqual([]);
    });

    it('run twice: each digest is written and delivered once; users without e-mail are counted', async () => {
      const before = (await outbox()).length;
      const first = await run();
      expect(first).toMatchObject({ skippedNoEmail: 1, alreadySent: 0 });
      // operator: upload + correction; city admin: overdue stage + escalated correction; head; reviewer; prov admin.
      expect(first.events).toBe(2 + 2 + 1 + 1 + 1);
      expect(first.mails).toBe(5);
      const second = await run();
      expect(second).toMatchObject({ events: 0, mails: 0, alreadySent: 7, skippedNoEmail: 1 });
      expect((await outbox()).length - before).toBe(5);

      await m.get(OutboxDispatchService).dispatchPending();
      await m.get(OutboxDispatchService).dispatchPending();
      const counts = sink.countsByRecipient();
      for (const who of ['op', 'city-admin', 'city-head', 'prov-rev', 'prov-admin']) {
        expect(counts.get(`${who}@demo.example.cn`)).toBe(1);
      }
      expect(counts.has('gone@demo.example.cn')).toBe(false);
      expect(counts.has('nat@demo.example.cn')).toBe(false);

      const [cityAdminMail] = await mailed('city-admin@demo.example.cn');
      expect(cityAdminMail.subject).toBe('【证书数据监管平台】您有 2 项待办已逾期');
      expect(cityAdminMail.text).toContain('市级审核，截止 2026年11月20日，已逾期 1 个工作日');
      expect(cityAdminMail.text).toContain(`https://console.example.cn/#/batches/${b.correction}/show`);
      expect(cityAdminMail.text).toContain(`（督办：${gd.institution.name}`);
      const [headMail] = await mailed('city-head@demo.example.cn');
      expect(headMail.text).toContain(`https://console.example.cn/#/batches/${b.cityOverdue}/show`);
      expect(headMail.text).toContain(`（督办：${gd.city.name}市级证书数据管理员）`);
      const [opMail] = await mailed('op@demo.example.cn');
      expect(opMail.subject).toBe('【证书数据监管平台】您有 1 项待办即将到期，1 项已逾期');
      expect(opMail.text).toContain('（12 条记录）数据上报（待提交），截止 2026年11月25日，剩余 2 个工作日');
    });

    it('two runners at the same moment: each event is inserted and mailed once', async () => {
      m.clock.set(morning('2026-11-24'));
      const tree = await m.factories.tree();
      const people = await Promise.all(
        [1, 2, 3].map((n) => m.factories.user(tree.city, ['municipal_admin'], { email: `race${n}@demo.example.cn` })),
      );
      const op = await m.factories.user(tree.institution, ['institution_operator'], { email: null });
      for (let i = 0; i < 20; i += 1) {
        await m.factories.batch(tree.institution, op, { status: 'municipal_review', dueDate: '2026-11-26' });
      }
      const results = await Promise.all([run(), run(), run()]);
      // Each runner saw the same candidates (the earlier case's items are still open and were sent already); the new
      // ones were inserted by exactly one of them.
      const candidates = results[0].events + results[0].alreadySent;
      expect(results.map((r) => r.events + r.alreadySent)).toEqual([candidates, candidates, candidates]);
      expect(results.reduce((sum, r) => sum + r.events, 0)).toBe(60);
      expect(results.reduce((sum, r) => sum + r.mails, 0)).toBe(3);
      const raceEvents = await m.dataSource
        .getRepository(ReminderEvent)
        .count({ where: people.map((p) => ({ recipientUserId: p.id })) });
      expect(raceEvents).toBe(60);
      for (const p of people) expect(await mailed(p.email as string)).toHaveLength(1);
      const [raceMail] = await mailed('race1@demo.example.cn');
      expect(raceMail.subject).toBe('【证书数据监管平台】您有 20 项待办即将到期');
    });
  });

  // R-18 (人社鉴发〔2013〕2号 第十二条): the twice-monthly upload days of institutions issuing qualification data.
  describe('qualification upload days', () => {
    let tree: OrgTree;
    let operator: User;
    let cityAdmin: User;
    let others: Organisation[];
    const FIREFIGHTER = { occupationCode: '3-02-03-01', occupationName: '消防员', levels: [5, 4, 3] };

    beforeAll(async () => {
      m.clock.set(morning('2026-03-02'));
      tree = await m.factories.tree();
      const f = m.factories;
      // 消防员 is in the 2021 qualification catalogue; the factories' chef only in the 2017 one.
      await m.dataSource
        .getRepository(Organisation)
        .update(tree.institution.id, { scope: [{ ...FIREFIGHTER, validFrom: '2020-01-01', validTo: null }] });
      const qualificationScope = [{ ...FIREFIGHTER, validFrom: '2020-01-01', validTo: null }];
      others = [
        await f.organisation({ level: 'institution', parent: tree.city }), // chef only: no upload days
        await f.organisation({ level: 'institution', parent: tree.city, status: 'ceased', scope: qualificationScope }),
        // Registered for 消防员 until 24 February: nothing to upload for the windows after it.
        await f.organisation({
          level: 'institution',
          parent: tree.city,
          scope: [{ ...FIREFIGHTER, validFrom: '2020-01-01', validTo: '2026-02-24' }],
        }),
      ];
      operator = await f.user(tree.institution, ['institution_operator'], { email: 'qual-op@demo.example.cn' });
      cityAdmin = await f.user(tree.city, ['municipal_admin'], { email: 'qual-city@demo.example.cn' });
      for (const o of others) {
        await f.user(o, ['institution_operator'], { email: `qual-other-${o.id}@demo.example.cn` });
      }
    });
    afterAll(() => m.dataSource.getRepository(Organisation).update(tree.institution.id, { status: 'ceased' }));

    const uploadDays = async (day: string) => {
      m.clock.set(morning(day));
      const { items } = await reminders.items();
      return items
        .filter((i) => i.kind === 'qualification_upload_day')
        .map((i) => [i.institutionId, i.dueDate, i.event, i.workingDaysLeft, i.issueWindow?.from, i.issueWindow?.to]);
    };

    it.each([
      // The 15th of March 2026 is a Sunday: upload on Monday 16th; due soon from 3 working days before.
      ['2026-03-10', null],
      ['2026-03-11', ['2026-03-16', 3, '2026-02-25', '2026-03-10']],
      ['2026-03-16', ['2026-03-16', 0, '2026-02-25', '2026-03-10']],
      ['2026-03-17', null], // passed: no overdue item of its own (the draft batches holding its data are overdue)
      // The 30th of May 2026 is a Saturday: upload on Monday 1 June.
      ['2026-05-26', null],
      ['2026-05-27', ['2026-06-01', 3, '2026-05-11', '2026-05-24']],
      ['2026-05-30', null], // a rest day: nothing is sent
      ['2026-06-01', ['2026-06-01', 0, '2026-05-11', '2026-05-24']],
      // February has no 30th: its last day, 2026-02-28, an adjusted working Saturday after Spring Festival.
      ['2026-02-24', ['2026-02-24', 0, '2026-01-25', '2026-02-10']], // the 15th fell in the holiday → the 24th
      ['2026-02-25', ['2026-02-28', 3, '2026-02-11', '2026-02-24']],
      ['2026-02-28', ['2026-02-28', 0, '2026-02-11', '2026-02-24']],
    ])('on %s: %j', async (day, expected) => {
      const mine = (await uploadDays(day)).filter(
        ([id]) => id === tree.institution.id || id === others[0].id || id === others[1].id,
      );
      expect(mine).toEqual(
        expected === null ? [] : [[tree.institution.id, expected[0], 'due_soon', ...expected.slice(1)]],
      );
    });

    it('a scope that ended on 24 February still has the window up to that day, none after', async () => {
      const expired = others[2].id;
      expect((await uploadDays('2026-02-24')).filter(([id]) => id === expired)).toHaveLength(1);
      expect((await uploadDays('2026-02-25')).filter(([id]) => id === expired)).toEqual([
        [expired, '2026-02-28', 'due_soon', 3, '2026-02-11', '2026-02-24'],
      ]);
      expect((await uploadDays('2026-03-11')).filter(([id]) => id === expired)).toEqual([]);
    });

    it('mails the upload day once to the operators, linking to the upload page; the overdue data is its batch', async () => {
      m.clock.set(morning('2026-05-27'));
      const before = (await mailed('qual-op@demo.example.cn')).length;
      // Records issued in the window sit in a draft: its upload item is due the same day.
      const due = await m.get(CalendarService).uploadDue('qualification', '2026-05-20');
      expect(due.dueDate).toBe('2026-06-01');
      const draft = await m.factories.batch(tree.institution, operator, {
        kind: 'qualification',
        dueDate: due.dueDate,
        recordCount: 4,
      });
      await run();
      await run();
      m.clock.set(morning('2026-05-28'));
      await run();
      const mails = (await mailed('qual-op@demo.example.cn')).slice(before);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('【证书数据监管平台】您有 2 项待办即将到期');
      expect(mails[0].text).toContain(
        `- ${tree.institution.name}职业资格证书数据上传日（发证日期 2026-05-11 至 2026-05-24），` +
          '截止 2026年6月1日，剩余 3 个工作日\n  https://console.example.cn/#/batches/create',
      );
      expect(mails[0].text).toContain(`（4 条记录）数据上报（待提交），截止 2026年6月1日，剩余 3 个工作日`);
      const events = await m.dataSource.getRepository(ReminderEvent).find({
        where: { recipientUserId: operator.id, itemKind: 'qualification_upload_day' },
      });
      expect(events.map((e) => [e.batchId, e.stage, e.dueDate, e.event])).toEqual([
        [tree.institution.id, 'upload_day', '2026-06-01', 'due_soon'],
      ]);

      // The first working day after the upload day: the draft is overdue and escalated; the upload day says nothing.
      m.clock.set(morning('2026-06-02'));
      await run();
      const after = (await mailed('qual-op@demo.example.cn')).slice(before + 1);
      expect(after.map((r) => r.subject)).toEqual(['【证书数据监管平台】您有 1 项待办已逾期']);
      expect(after[0].text).not.toContain('上传日');
      const [escalated] = (await mailed('qual-city@demo.example.cn')).filter((r) =>
        r.text.includes(`/batches/${draft.id}/show`),
      );
      expect(escalated.text).toContain('已逾期 1 个工作日');
      await m.dataSource.getRepository(Batch).update(draft.id, { status: 'published' });
    });

    it('my reminders: the operator sees the upload day (no batch), the centre does not', async () => {
      m.clock.set(morning('2026-03-12'));
      const mine = await reminders.mine(m.factories.actor(operator, tree.institution));
      expect(mine).toEqual([
        expect.objectContaining({
          kind: 'qualification_upload_day',
          batchId: null,
          status: null,
          recordCount: null,
          institutionId: tree.institution.id,
          dueDate: '2026-03-16',
          workingDaysLeft: 2,
          issueWindow: { from: '2026-02-25', to: '2026-03-10' },
          responsibleRole: 'institution_operator',
          escalation: false,
        }),
      ]);
      expect(mine[0]).not.toHaveProperty('subjectId');
      expect(await reminders.mine(m.factories.actor(cityAdmin, tree.city))).toEqual([]);
    });
  });
});
