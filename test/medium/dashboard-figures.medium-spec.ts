import { Actor } from '../../apps/api/src/common/actor/actor';
import { Complaint } from '../../apps/api/src/complaints/entities/complaint.entity';
import { DashboardModule } from '../../apps/api/src/dashboard/dashboard.module';
import { DashboardFiguresService } from '../../apps/api/src/dashboard/dashboard-figures.service';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { User } from '../../apps/api/src/users/entities/user.entity';
import type { WorkGroup } from '@app/contracts';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

// every dashboard figure against rows built by hand, within jurisdiction (another province's rows never
// counted), on the real repositories. Today is Monday 2026-11-23 (Beijing); 2026-11-24 is due soon, 2026-11-20 overdue.
describe('Dashboard figures (medium)', () => {
  let m: MediumContext;
  let figures: DashboardFiguresService;
  let tree: OrgTree;
  /** A second city of the same province, an institution directly under the province, and another province. */
  let city2: Organisation;
  let inst2: Organisation;
  let provincialInst: Organisation;
  let otherProvince: Organisation;
  let otherInst: Organisation;
  let operator: User;
  let otherOperator: User;
  let cityAdmin: Actor;
  let provinceReviewer: Actor;
  let nationReviewer: Actor;
  let institutionOperator: Actor;

  const TODAY = '2026-11-23';
  const SOON = '2026-11-24';
  const OVERDUE = '2026-11-20';
  const LATER = '2026-12-31';

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, DashboardModule] });
    figures = m.get(DashboardFiguresService);
    const f = m.factories;
    tree = await f.tree();
    city2 = await f.organisation({ level: 'municipal', parent: tree.province });
    inst2 = await f.organisation({ level: 'institution', parent: city2 });
    provincialInst = await f.organisation({ level: 'institution', parent: tree.province });
    otherProvince = await f.organisation({ level: 'provincial', parent: tree.national, regionCode: '450000' });
    const otherCity = await f.organisation({ level: 'municipal', parent: otherProvince });
    otherInst = await f.organisation({ level: 'institution', parent: otherCity });
    operator = await f.user(tree.institution, ['institution_operator']);
    otherOperator = await f.user(otherInst, ['institution_operator']);
    cityAdmin = f.actor(await f.user(tree.city, ['municipal_admin']), tree.city);
    provinceReviewer = f.actor(await f.user(tree.province, ['provincial_reviewer']), tree.province);
    nationReviewer = f.actor(await f.user(tree.national, ['national_reviewer']), tree.national);
    institutionOperator = f.actor(operator, tree.institution);
  });
  afterAll(() => m.close());

  const groupOf = (groups: WorkGroup[], kind: WorkGroup['kind']) => groups.find((g) => g.kind === kind);

  describe('work (待我处理)', () => {
    beforeAll(async () => {
      const f = m.factories;
      // Batches at municipal review: one due today, one soon, one overdue in the city; one in another province.
      for (const dueDate of [TODAY, SOON, OVERDUE]) {
        await f.batch(tree.institution, operator, { status: 'municipal_review', dueDate });
      }
      await f.batch(otherInst, otherOperator, { status: 'municipal_review', dueDate: OVERDUE });
      // Two returned batches await the institution itself.
      await f.batch(tree.institution, operator, { status: 'returned', dueDate: LATER });
      await f.batch(tree.institution, operator, { status: 'returned', dueDate: OVERDUE });

      // Correction requests: the city's review and work orders of its institutions; the province's review and work
      // orders of the institutions directly under it; national's publication; another province's never.
      await f.correction(tree.institution, tree.province, { stage: 'municipal_review', dueDate: OVERDUE });
      await f.correction(tree.institution, tree.province, {
        stage: 'work_order',
        route: 'work_order',
        dueDate: TODAY,
      });
      await f.correction(tree.institution, tree.province, { stage: 'provincial_review', dueDate: SOON });
      await f.correction(provincialInst, tree.province, { stage: 'work_order', route: 'work_order', dueDate: OVERDUE });
      await f.correction(tree.institution, tree.province, { stage: 'national_review', dueDate: LATER });
      await f.correction(tree.institution, tree.province, { status: 'returned', stage: null, dueDate: null });
      await f.correction(otherInst, otherProvince, { stage: 'municipal_review', dueDate: OVERDUE });
      await f.correction(otherInst, otherProvince, { stage: 'provincial_review', dueDate: OVERDUE });
      // Requests confirmed re-checks opened: a correction the institution completes, a deletion the province
      // files; another province's never.
      const awaiting = { status: 'awaiting' as const, stage: null };
      await f.correction(tree.institution, tree.province, { ...awaiting, dueDate: SOON });
      await f.correction(tree.institution, tree.province, {
        ...awaiting,
        type: 'delete',
        route: 'published_deletion',
        dueDate: OVERDUE,
      });
      await f.correction(otherInst, otherProvince, { ...awaiting, dueDate: OVERDUE });

      // Re-checks: two open in the province (overdue, due today), one decided, one in another province.
      await f.recheck(tree.institution, tree.province, { dueDate: OVERDUE });
      await f.recheck(inst2, tree.province, { dueDate: TODAY });
      await f.recheck(inst2, tree.province, { dueDate: OVERDUE, status: 'restored' });
      await f.recheck(otherInst, otherProvince, { dueDate: OVERDUE });

      // Flags: two open, one dismissed.
      await f.flag([tree.institution], { rule: 'frequent_holder' });
      await f.flag([otherInst], { rule: 'under_age' });
      await f.flag([tree.institution], { rule: 'under_age', status: 'dismissed' });
    });

    it('a municipal admin: batches at municipal review by due date, and the work orders and reviews of its city', async () => {
      const work = await figures.work(cityAdmin);
      expect(work.today).toBe(TODAY);
      expect(groupOf(work.groups, 'batches')).toMatchObject({
        available: true,
        total: 3,
        due: { dueToday: 1, dueSoon: 1, overdue: 1 },
        byStage: [{ stage: 'municipal_review', label: '市级审核', total: 3 }],
      });
      expect(groupOf(work.groups, 'corrections')).toMatchObject({
        available: true,
        total: 2,
        due: { dueToday: 1, dueSoon: 0, overdue: 1 },
        byStage: [
          { stage: 'work_order', total: 1, dueToday: 1 },
          { stage: 'municipal_review', total: 1, overdue: 1 },
        ],
      });
      // Neither re-checks nor flags are a city's to decide.
      expect(groupOf(work.groups, 'rechecks')).toBeUndefined();
      expect(groupOf(work.groups, 'flags')).toBeUndefined();
    });

    it('a provincial reviewer: open re-checks of its province only, its review and the work orders directly below it', async () => {
      const work = await figures.work(provinceReviewer);
      expect(groupOf(work.groups, 'rechecks')).toMatchObject({
        total: 2,
        due: { dueToday: 1, dueSoon: 0, overdue: 1 },
      });
      expect(groupOf(work.groups, 'corrections')).toMatchObject({
        total: 3,
        byStage: [
          { stage: 'work_order', total: 1, overdue: 1 },
          { stage: 'provincial_review', total: 1, dueSoon: 1 },
          { stage: 'awaiting', label: '待补充提交', total: 1, overdue: 1 },
        ],
      });
      // Batch stages it decides are shown even when empty, as 0.
      expect(groupOf(work.groups, 'batches')).toMatchObject({
        total: 0,
        byStage: [{ stage: 'provincial_review', total: 0 }],
      });
    });

    it('a national reviewer: open flags nationally and requests awaiting national publication', async () => {
      const work = await figures.work(nationReviewer);
      expect(groupOf(work.groups, 'flags')).toMatchObject({ available: true, total: 2, due: null });
      expect(groupOf(work.groups, 'corrections')).toMatchObject({
        total: 1,
        byStage: [{ stage: 'national_review', total: 1 }],
      });
    });

    it('an institution operator: its own drafts and returned batches', async () => {
      const work = await figures.work(institutionOperator);
      expect(groupOf(work.groups, 'batches')).toMatchObject({
        total: 2,
        due: { overdue: 1 },
        byStage: [
          { stage: 'draft', total: 0 },
          { stage: 'returned', total: 2, overdue: 1 },
        ],
      });
      // The correction a confirmed re-check left it to file.
      expect(groupOf(work.groups, 'corrections')).toMatchObject({
        total: 1,
        due: { dueToday: 0, dueSoon: 1, overdue: 0 },
        byStage: [{ stage: 'awaiting', total: 1, dueSoon: 1 }],
      });
    });

    it('complaints: the institution its open ones by due date, centres also the replied ones to close (R-43)', async () => {
      const complaint = (institution: typeof tree.institution, status: string, dueDate: string) =>
        m.dataSource.getRepository(Complaint).insert({
          version: 1,
          institutionId: institution.id,
          orgPath: institution.path,
          recordingOrganisationId: tree.city.id,
          holderName: '王小明',
          contactPhoneEnc: 'x',
          contactPhoneMasked: '138****0000',
          channel: 'hotline',
          content: '证书未上网',
          receivedOn: OVERDUE,
          recordedOn: OVERDUE,
          recordedAt: new Date('2026-11-20T02:00:00Z'),
          recordedById: operator.id,
          dueDate,
          status,
        } as never);
      await complaint(tree.institution, 'open', OVERDUE);
      await complaint(tree.institution, 'open', TODAY);
      await complaint(tree.institution, 'replied', OVERDUE);
      await complaint(tree.institution, 'closed', OVERDUE);
      await complaint(otherInst, 'open', OVERDUE);
      const mine = groupOf((await figures.work(institutionOperator)).groups, 'complaints');
      expect(mine).toMatchObject({ available: true, total: 2, due: { overdue: 1, dueToday: 1 } });
      expect(mine?.byStage.map((st) => st.stage)).toEqual(['open']);
      const province = groupOf((await figures.work(provinceReviewer)).groups, 'complaints');
      expect(province).toMatchObject({ available: true, total: 3 });
      expect(province?.byStage.map((st) => [st.stage, st.total])).toEqual([
        ['open', 2],
        ['replied', 1],
      ]);
      // Nationally the other province's open one counts too.
      expect(groupOf((await figures.work(nationReviewer)).groups, 'complaints')?.total).toBe(4);
    });

    it('overdue by region: per organisation directly below, batches, re-checks and requests, other provinces left out', async () => {
      const byProvince = await figures.overdueByRegion(provinceReviewer);
      expect(byProvince.regions).toEqual(
        expect.arrayContaining([
          // City: 1 batch at municipal review + 1 returned, 1 re-check, 1 request at municipal review and 1 deletion
          // a confirmed re-check left to the province.
          expect.objectContaining({ organisationId: tree.city.id, batches: 2, rechecks: 1, corrections: 2, total: 5 }),
          expect.objectContaining({ organisationId: city2.id, batches: 0, rechecks: 0, corrections: 0, total: 0 }),
          expect.objectContaining({ organisationId: provincialInst.id, corrections: 1, total: 1 }),
        ]),
      );
      expect(byProvince.regions).toHaveLength(3);
      const byNation = await figures.overdueByRegion(nationReviewer);
      expect(byNation.regions?.find((r) => r.organisationId === otherProvince.id)).toMatchObject({
        batches: 1,
        rechecks: 1,
        corrections: 3,
        total: 5,
      });
      expect((await figures.overdueByRegion(institutionOperator)).regions).toBeNull();
    });

    it('screening: open flags by rule within jurisdiction (every rule listed) and open re-checks by due date', async () => {
      const byProvince = await figures.screening(provinceReviewer);
      expect(byProvince.flagsByRule.find((r) => r.rule === 'frequent_holder')?.open).toBe(1);
      // The other province's under-age flag is not this province's; the dismissed one is not open.
      expect(byProvince.flagsByRule.find((r) => r.rule === 'under_age')?.open).toBe(0);
      expect(byProvince.flagsByRule.find((r) => r.rule === 'volume_spike')).toMatchObject({ open: 0 });
      expect(byProvince.openFlags).toBe(1);
      expect(byProvince.rechecks).toEqual({ total: 2, dueToday: 1, dueSoon: 0, overdue: 1 });
      const byNation = await figures.screening(nationReviewer);
      expect(byNation.openFlags).toBe(2);
      expect(byNation.rechecks.total).toBe(3);
    });
  });

  describe('monthly', () => {
    beforeAll(async () => {
      const f = m.factories;
      const other = otherOperator;
      const b = (status: 'municipal_review' | 'published' = 'municipal_review') =>
        f.batch(tree.institution, operator, { status });
      // September: one first submission; October none; November: two (one at 01:00 on 1 November Beijing time,
      // which is still 31 October in UTC), a resubmission after a return that does not count, and a copy a
      // partial return gave its child that does not count either.
      await f.decision(await b(), operator, { createdAt: new Date('2026-09-15T02:00:00.000Z') });
      await f.decision(await b(), operator, { createdAt: new Date('2026-10-31T17:00:00.000Z') });
      const resubmitted = await b();
      await f.decision(resubmitted, operator, { createdAt: new Date('2026-11-10T02:00:00.000Z') });
      await f.decision(resubmitted, operator, { stage: 'returned', createdAt: new Date('2026-11-12T02:00:00.000Z') });
      await f.decision(await b(), operator, {
        inheritedFromBatchId: resubmitted.id,
        createdAt: new Date('2026-11-11T02:00:00.000Z'),
      });
      // Other steps are not submissions.
      await f.decision(resubmitted, operator, {
        action: 'approve',
        stage: 'municipal_review',
        createdAt: new Date('2026-11-13T02:00:00.000Z'),
      });
      // Before the range, and in another province.
      await f.decision(await b(), operator, { createdAt: new Date('2026-08-31T15:59:00.000Z') });
      await f.decision(await f.batch(otherInst, other, { status: 'municipal_review' }), other, {
        createdAt: new Date('2026-11-10T02:00:00.000Z'),
      });

      // Publications: 3 certificates on 30 September, 2 on 1 November; 4 in another province; 1 in August.
      const published = await b('published');
      await f.certificates(published, 3, { status: 'published', publishedOn: '2026-09-30' });
      await f.certificates(published, 2, { status: 'published', publishedOn: '2026-11-01' });
      await f.certificates(published, 1, { status: 'published', publishedOn: '2026-08-31' });
      await f.certificates(await f.batch(otherInst, other, { status: 'published' }), 4, {
        status: 'published',
        publishedOn: '2026-11-02',
      });
      // Not published yet.
      await f.certificates(await b(), 2, { status: 'in_review' });
    });

    it('counts first submissions and publications per Beijing month, months with none as 0', async () => {
      const monthly = await figures.monthly(provinceReviewer, 3);
      expect(monthly.months).toEqual([
        { month: '2026-09', submissions: 1, publications: 3 },
        { month: '2026-10', submissions: 0, publications: 0 },
        { month: '2026-11', submissions: 2, publications: 2 },
      ]);
    });

    it('reaches back as many months as asked, each present', async () => {
      const monthly = await figures.monthly(cityAdmin, 12);
      expect(monthly.months).toHaveLength(12);
      expect(monthly.months[0]).toEqual({ month: '2025-12', submissions: 0, publications: 0 });
      expect(monthly.months.find((x) => x.month === '2026-08')).toEqual({
        month: '2026-08',
        submissions: 1,
        publications: 1,
      });
    });

    it('counts the whole country for national staff and nothing of another province for a province', async () => {
      const national = await figures.monthly(nationReviewer, 1);
      expect(national.months).toEqual([{ month: '2026-11', submissions: 3, publications: 6 }]);
      const otherReviewer = m.factories.actor(
        await m.factories.user(otherProvince, ['provincial_reviewer']),
        otherProvince,
      );
      expect((await figures.monthly(otherReviewer, 1)).months).toEqual([
        { month: '2026-11', submissions: 1, publications: 4 },
      ]);
    });
  });

  describe('lookup volumes', () => {
    beforeAll(async () => {
      await m.factories.lookupLogs('2026-11-21', 'old', 3);
      await m.factories.lookupLogs('2026-11-23', 'old', 2);
      await m.factories.lookupLogs('2026-11-23', 'mine', 4);
      // Outside the three days asked for.
      await m.factories.lookupLogs('2026-11-20', 'old', 7);
    });

    it('counts lookups per day and mode, every day and mode present, days with none as 0', async () => {
      const volumes = await figures.lookupVolumes(3);
      expect(volumes).toMatchObject({ from: '2026-11-21', to: '2026-11-23' });
      expect(volumes.days.map((d) => d.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
      expect(volumes.days[0].byMode).toEqual({ old: 3, mine: 0, others: 0, code: 0, batch: 0 });
      expect(volumes.days[1].byMode).toEqual({ old: 0, mine: 0, others: 0, code: 0, batch: 0 });
      expect(volumes.days[2].byMode).toMatchObject({ old: 2, mine: 4 });
      expect(volumes.modes.find((x) => x.mode === 'old')).toEqual({ mode: 'old', label: '旧版查询', total: 5 });
    });
  });
});
