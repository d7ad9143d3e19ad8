import { LookupModule } from '../../apps/api/src/lookup/lookup.module';
import { OutboxMail } from '../../apps/api/src/mail/entities/outbox-mail.entity';
import { ReminderEvent } from '../../apps/api/src/reminders/entities/reminder-event.entity';
import { RemindersModule } from '../../apps/api/src/reminders/reminders.module';
import { RemindersService } from '../../apps/api/src/reminders/reminders.service';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

/** 08:30 in Beijing on a day. */
const morning = (day: string) => `${day}T00:30:00.000Z`;

// the lookup's coming cutovers remind national_admin 30, 7 and 1 days before, each mark once, through
// the same reminder job and outbox as every deadline (the query-mode feature registers them as a reminder source).
describe('lookup cutover reminders (medium)', () => {
  let m: MediumContext;
  let reminders: RemindersService;
  let runId = 0;
  const run = () => reminders.run((runId += 1));
  const ADMIN = 'nat-admin-cutover@demo.example.cn';

  beforeAll(async () => {
    m = await createMediumContext({
      imports: [...WORKFLOW_MODULES, RemindersModule, LookupModule],
      now: morning('2026-12-03'),
      env: { PUBLIC_URL: 'https://console.example.cn' },
    });
    reminders = m.get(RemindersService);
    const tree = await m.factories.tree();
    await m.factories.user(tree.national, ['national_admin'], { email: ADMIN });
    // Someone who must not hear of it: a provincial admin.
    await m.factories.user(tree.province, ['provincial_admin'], { email: 'gd-admin-cutover@demo.example.cn' });
    // Skill-level certificates: the old mode reopened through Sunday 2027-01-10, so it stops on Monday 2027-01-11.
    await m.dataSource.query(
      "UPDATE query_mode_schedules SET old_mode_last_day = '2027-01-10' WHERE kind = 'skill_level'",
    );
  });
  afterAll(() => m?.close());

  const events = () => m.dataSource.getRepository(ReminderEvent).find({ where: { itemKind: 'lookup_cutover' } });
  const mails = async () => (await m.dataSource.getRepository(OutboxMail).find()).filter((r) => r.subject);

  it('sends the 30-day mark once, to national_admin only, linking to 查询模式', async () => {
    m.clock.set(morning('2026-12-11')); // Friday, 31 days before: nothing yet
    await run();
    expect(await events()).toHaveLength(0);

    m.clock.set(morning('2026-12-14')); // Monday, 28 days before
    await run();
    await run();
    const sent = await events();
    expect(sent.map((e) => [e.stage, e.dueDate])).toEqual([['old_mode_stops_30', '2027-01-11']]);
    const toAdmin = (await mails()).filter((r) => r.recipient === ADMIN);
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0].text).toContain('职业技能等级证书');
    expect(toAdmin[0].text).toContain('旧版查询停用');
    expect(toAdmin[0].text).toContain('距切换还有 28 天');
    expect(toAdmin[0].text).toContain('https://console.example.cn/#/query-mode');
    expect((await mails()).some((r) => r.recipient === 'gd-admin-cutover@demo.example.cn')).toBe(false);
  });

  it('then the 7-day mark, and the 1-day mark on the Friday before the Monday change', async () => {
    m.clock.set(morning('2027-01-04')); // Monday, 7 days before
    await run();
    m.clock.set(morning('2027-01-07')); // Thursday, 4 days before: the 7-day mark is sent already
    await run();
    m.clock.set(morning('2027-01-08')); // Friday: the last working day before the change
    await run();
    await run();
    expect((await events()).map((e) => e.stage).sort()).toEqual([
      'old_mode_stops_1',
      'old_mode_stops_30',
      'old_mode_stops_7',
    ]);
  });

  it('is in 我的提醒 of national_admin with its own route, and the national centre as responsible', async () => {
    m.clock.set(morning('2027-01-08'));
    const { items } = await reminders.items();
    const cutover = items.filter((i) => i.kind === 'lookup_cutover');
    expect(cutover).toHaveLength(1);
    expect(cutover[0]).toMatchObject({
      responsibleRole: 'national_admin',
      linkPath: '/query-mode',
      remainingText: '距切换还有 3 天',
      dueDate: '2027-01-11',
    });
  });
});
