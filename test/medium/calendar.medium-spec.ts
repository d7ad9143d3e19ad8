import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { BatchesModule } from '../../apps/api/src/batches/batches.module';
import { CalendarModule } from '../../apps/api/src/calendar/calendar.module';
import { CalendarService } from '../../apps/api/src/calendar/calendar.service';
import { CalendarDay } from '../../apps/api/src/calendar/entities/calendar.entity';
import { Actor } from '../../apps/api/src/common/actor/actor';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { createMediumContext, MediumContext } from './support/medium-context';

// the official calendar in the database (seeded from config/holidays) and the due dates that follow it.
describe('working-day calendar (medium, R-15)', () => {
  let m: MediumContext;
  let calendar: CalendarService;
  let natAdmin: Actor;

  beforeAll(async () => {
    // today 2026-11-23: 2027's notice is not published yet.
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule, CalendarModule, BatchesModule] });
    calendar = m.get(CalendarService);
    const { national } = await m.factories.tree();
    natAdmin = m.factories.actor(await m.factories.user(national, ['national_admin']), national);
  });
  afterAll(() => m.close());

  it('seeds every config/holidays year at start-up, once, and lists a year with today from the clock', async () => {
    expect(await calendar.seedFromConfig()).toEqual([]);
    const year = await calendar.year(2026);
    expect(year).toMatchObject({
      year: 2026,
      covered: true,
      provisional: false,
      notice: '国务院办公厅关于2026年部分节假日安排的通知',
      today: '2026-11-23',
    });
    expect(year.workdays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(await calendar.year(2027)).toMatchObject({ covered: false, provisional: true, holidays: [] });
  });

  it('trusts its cached calendar for 30 seconds of the clock, then reads what another instance changed', async () => {
    const before = await calendar.deadline('upload', '2026-06-01');
    // Another instance registers a holiday straight in the database.
    await m.dataSource
      .getRepository(CalendarDay)
      .insert({ date: '2026-06-02', year: 2026, kind: 'holiday', name: '测试', source: 'manual', reason: '测试' });
    m.clock.advance(29_000);
    expect((await calendar.deadline('upload', '2026-06-01')).due).toBe(before.due);
    m.clock.advance(2_000);
    expect((await calendar.deadline('upload', '2026-06-01')).due > before.due).toBe(true);
    await m.dataSource.getRepository(CalendarDay).delete({ date: '2026-06-02' });
    m.clock.advance(31_000);
  });

  it('R-15: publishing and editing a year recomputes open due dates in the same transaction, audited once per change', async () => {
    const { institution } = await m.factories.tree();
    const operator = await m.factories.user(institution, ['institution_operator']);
    // National profile: 30 working days from 2026-11-20 (Fri) end on 2027-01-01 counting weekends only.
    const due = { dueRule: 'upload', dueFrom: '2026-11-20', dueDate: '2027-01-01', dueProvisional: true };
    const open = await m.factories.batch(institution, operator, due);
    const published = await m.factories.batch(institution, operator, { ...due, status: 'published' });
    const batch = (id: number) => m.dataSource.getRepository(Batch).findOneByOrFail({ id });

    const year = await calendar.publishYear(natAdmin, {
      year: 2027,
      notice: '国务院办公厅关于2027年部分节假日安排的通知',
      reason: '通知已发布',
    });
    expect(year.recomputedDueDates).toBe(1);
    expect(await batch(open.id)).toMatchObject({ dueDate: '2027-01-01', dueProvisional: false, version: open.version });

    expect(
      (await calendar.addDay(natAdmin, { date: '2027-01-01', kind: 'holiday', name: '元旦', reason: '依据2027年通知' }))
        .recomputedDueDates,
    ).toBe(1);
    // 元旦 is not a working day: the 30th working day is Monday 2027-01-04. No decision changed, so no new version.
    expect(await batch(open.id)).toMatchObject({ dueDate: '2027-01-04', version: open.version });
    await calendar.removeDay(natAdmin, '2027-01-01', '录入错误');
    expect((await batch(open.id)).dueDate).toBe('2027-01-01');
    // A published batch has no running due date.
    expect(await batch(published.id)).toMatchObject({ dueDate: '2027-01-01', dueProvisional: true });

    const logs = await m.dataSource
      .getRepository(AuditLog)
      .find({ where: { action: 'batch.due.recompute' }, order: { seq: 'ASC' } });
    expect(logs.map((l) => JSON.parse(l.after!).batches)).toEqual([
      [{ id: open.id, before: '2027-01-01', after: '2027-01-01', provisional: false }],
      [{ id: open.id, before: '2027-01-01', after: '2027-01-04', provisional: false }],
      [{ id: open.id, before: '2027-01-04', after: '2027-01-01', provisional: false }],
    ]);
  });

  it('refuses a day in an unregistered year, a weekday as adjusted working day, and a second entry for a date', async () => {
    await expect(
      calendar.addDay(natAdmin, { date: '2030-01-01', kind: 'holiday', name: '元旦', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'CALENDAR_YEAR_MISSING' });
    await expect(
      calendar.addDay(natAdmin, { date: '2026-11-24', kind: 'workday', name: '调休', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'CALENDAR_WORKDAY_NOT_WEEKEND',
    });
    await expect(
      calendar.addDay(natAdmin, { date: '2026-10-01', kind: 'holiday', name: '国庆节', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'CALENDAR_DAY_EXISTS' });
    await expect(calendar.removeDay(natAdmin, '2026-11-25', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
