import { Actor } from '../../apps/api/src/common/actor/actor';
import { BatchQueryService } from '../../apps/api/src/batches/batch-query.service';
import { In } from 'typeorm';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { BatchReturnReason1796260000001 } from '../../apps/api/src/composition/migrations/1796260000001-BatchReturnReason';
import { BatchDecision, BatchDecisionRecord } from '../../apps/api/src/batches/entities/batch-decision.entity';
import { BatchRecordKey } from '../../apps/api/src/batches/entities/batch-record-key.entity';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { User } from '../../apps/api/src/users/entities/user.entity';
import { ReviewsModule } from '../../apps/api/src/reviews/reviews.module';
import { WORKFLOW_MODULES } from './support/workflow-modules';
import { ReviewsService } from '../../apps/api/src/reviews/reviews.service';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';

// Review decisions on a real database: ReviewsService with its repositories.
describe('ReviewsService (medium)', () => {
  let m: MediumContext;
  let reviews: ReviewsService;
  let tree: OrgTree;
  let operator: User;
  let city: Actor;
  let province: Actor;
  let nation: Actor;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, ReviewsModule] });
    reviews = m.get(ReviewsService);
    tree = await m.factories.tree();
    operator = await m.factories.user(tree.institution, ['institution_operator']);
    city = m.factories.actor(await m.factories.user(tree.city, ['municipal_admin']), tree.city);
    province = m.factories.actor(await m.factories.user(tree.province, ['provincial_reviewer']), tree.province);
    nation = m.factories.actor(await m.factories.user(tree.national, ['national_reviewer']), tree.national);
  });
  afterAll(() => m.close());

  /** A batch of `records` records at municipal review, due in two weeks. */
  async function inReview(records: number, overrides: Partial<Batch> = {}) {
    const batch = await m.factories.batch(tree.institution, operator, {
      status: 'municipal_review',
      stageReceivedOn: m.clock.today(),
      dueDate: '2026-12-07',
      ...overrides,
    });
    const certificates = await m.factories.certificates(batch, records, { status: 'in_review' });
    return { batch: await m.dataSource.getRepository(Batch).findOneByOrFail({ id: batch.id }), certificates };
  }
  const decisions = (batchId: number) =>
    m.dataSource.getRepository(BatchDecision).find({ where: { batchId }, order: { id: 'ASC' } });

  it('R-11: approval walks a national-profile batch municipal → provincial → national → published, publishing its records', async () => {
    const { batch } = await inReview(2);
    const byCity = await reviews.approve(city, batch.id, batch.version, '初审通过');
    expect(byCity.status).toBe('provincial_review');
    const byProvince = await reviews.approve(province, batch.id, byCity.version);
    expect(byProvince.status).toBe('national_review');
    const published = await reviews.approve(nation, batch.id, byProvince.version);
    expect(published).toMatchObject({
      status: 'published',
      publishedOn: m.clock.today(),
      dueDate: null,
      overdue: false,
    });
    const records = await m.dataSource.getRepository(Certificate).findBy({ batchId: batch.id });
    expect(records.map((c) => [c.status, c.publishedOn])).toEqual([
      ['published', m.clock.today()],
      ['published', m.clock.today()],
    ]);
    expect((await decisions(batch.id)).map((d) => [d.action, d.stage, d.resultStatus])).toEqual([
      ['approve', 'municipal_review', 'provincial_review'],
      ['approve', 'provincial_review', 'national_review'],
      ['approve', 'national_review', 'published'],
    ]);
  });

  it('R-42: of an approval and a return on the same version exactly one wins, and only it is recorded', async () => {
    const { batch } = await inReview(2);
    const outcomes = await Promise.allSettled([
      reviews.approve(city, batch.id, batch.version),
      reviews.return(city, batch.id, batch.version, '同时退回'),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: { code: 'STALE_VERSION' } });
    expect((await decisions(batch.id)).filter((d) => d.action === 'approve' || d.action === 'return')).toHaveLength(1);
  });

  it('R-3: bulk approval decides each batch on its own — a stale one fails, the others go through', async () => {
    const a = (await inReview(1)).batch;
    const b = (await inReview(1)).batch;
    const result = await reviews.bulkApprove(city, [
      { id: a.id, version: a.version },
      { id: b.id, version: b.version + 5 },
    ]);
    expect(result).toMatchObject({ approved: 1, failed: 1 });
    expect(result.results[1]).toMatchObject({ id: b.id, ok: false, code: 'STALE_VERSION' });
  });

  it('R-3: whoever created a batch may not approve it', async () => {
    const { batch } = await inReview(1);
    const uploader = m.factories.actor(operator, tree.institution);
    await expect(
      reviews.approve({ ...uploader, roles: ['municipal_admin'] }, batch.id, batch.version),
    ).rejects.toMatchObject({
      code: 'BATCH_SEPARATION_OF_DUTIES',
    });
  });

  it('R-13, R-16: a partial return moves the chosen records, their reasons and exemption keys into a child batch with the trail', async () => {
    const { batch, certificates } = await inReview(4);
    const [first, second] = certificates;
    await m.dataSource.getRepository(BatchRecordKey).insert([
      { batchId: batch.id, purpose: 'exemption', certificateId: first.id, certificateNumber: first.certificateNumber },
      {
        batchId: batch.id,
        purpose: 'exemption',
        certificateId: certificates[3].id,
        certificateNumber: certificates[3].certificateNumber,
      },
    ]);
    const result = await reviews.return(city, batch.id, batch.version, '部分记录有误', [
      { id: first.id, reason: '姓名与证件不符' },
      { id: second.id, reason: '成绩缺失' },
    ]);
    expect(result).toMatchObject({ status: 'municipal_review', recordCount: 2 });
    const childId = (result as { childBatchId: number }).childBatchId;
    const child = await m.dataSource.getRepository(Batch).findOneByOrFail({ id: childId });
    expect(child).toMatchObject({
      status: 'returned',
      parentId: batch.id,
      recordCount: 2,
      returnedFrom: 'municipal_review',
    });
    const moved = await m.dataSource
      .getRepository(Certificate)
      .find({ where: { batchId: childId }, order: { id: 'ASC' } });
    expect(moved.map((c) => [c.id, c.status, c.returnReason])).toEqual([
      [first.id, 'returned', '姓名与证件不符'],
      [second.id, 'returned', '成绩缺失'],
    ]);
    const keys = await m.dataSource.getRepository(BatchRecordKey).find({ order: { id: 'ASC' } });
    expect(keys.filter((k) => k.purpose === 'exemption').map((k) => [k.batchId, k.certificateId])).toEqual([
      [childId, first.id],
      [batch.id, certificates[3].id],
    ]);
    expect(
      keys
        .filter((k) => k.batchId === childId && k.purpose === 'returned')
        .map((k) => k.certificateId)
        .sort(),
    ).toEqual([first.id, second.id].sort());
    const parentTrail = await decisions(batch.id);
    const ret = parentTrail.find((d) => d.action === 'return')!;
    expect(ret).toMatchObject({ childBatchId: childId, recordCount: 2, resultStatus: 'municipal_review' });
    expect(await m.dataSource.getRepository(BatchDecisionRecord).countBy({ decisionId: ret.id })).toBe(2);
    expect((await decisions(childId)).map((d) => [d.action, d.resultStatus, d.inheritedFromBatchId])).toEqual([
      ['return', 'returned', batch.id],
    ]);
  });

  it('R-17: a stage past its due date shows overdue, stays open, and a late decision is recorded as late', async () => {
    const { batch } = await inReview(1, { dueDate: '2026-11-23' });
    // 2026-11-23 → 2026-12-02: seven working days overdue (11-24 … 12-02); nothing moved by itself.
    m.clock.set('2026-12-02T02:00:00.000Z');
    try {
      expect(await m.get(BatchQueryService).get(city, batch.id)).toMatchObject({
        status: 'municipal_review',
        overdue: true,
        workingDaysLeft: -7,
      });
      const check = await reviews.approvalCheck(city, batch.id, batch.version);
      expect(check).toMatchObject({ dryRun: true, status: 'municipal_review' });
      const approved = await reviews.approve(city, batch.id, batch.version);
      expect(approved.status).toBe('provincial_review');
      const [decision] = await decisions(batch.id);
      expect(decision).toMatchObject({ action: 'approve', late: true, dueDate: '2026-11-23' });
    } finally {
      m.clock.set('2026-11-23T01:30:00.000Z');
    }
  });

  it('R-13: the return_reason migration gives returned batches the reason of their latest return, and no other batch one', async () => {
    const whole = await inReview(1);
    await reviews.return(city, whole.batch.id, whole.batch.version, '初次退回');
    const split = await inReview(2);
    const result = await reviews.return(city, split.batch.id, split.batch.version, '部分记录有误', [
      { id: split.certificates[0].id, reason: '成绩缺失' },
    ]);
    const childId = (result as { childBatchId: number }).childBatchId;
    const open = await inReview(1);
    // The batch of the earlier whole return was returned once more with another reason.
    await m.dataSource
      .getRepository(BatchDecision)
      .insert({ ...(await decisions(whole.batch.id)).at(-1)!, id: undefined, comment: '再次退回' });

    const migration = new BatchReturnReason1796260000001();
    const runner = m.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const reasons = await m.dataSource
      .getRepository(Batch)
      .find({ where: { id: In([whole.batch.id, split.batch.id, childId, open.batch.id]) }, order: { id: 'ASC' } });
    expect(reasons.map((b) => [b.id, b.returnReason])).toEqual([
      [whole.batch.id, '再次退回'],
      [split.batch.id, null],
      [childId, '部分记录有误'],
      [open.batch.id, null],
    ]);
  });
});
