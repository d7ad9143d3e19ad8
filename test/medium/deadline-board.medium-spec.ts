import { Actor } from '../../apps/api/src/common/actor/actor';
import { parseListQuery } from '../../apps/api/src/common/http/list-query';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { DEADLINE_LIST, DeadlineBoardService } from '../../apps/api/src/reviews/deadline-board.service';
import { ReviewsModule } from '../../apps/api/src/reviews/reviews.module';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

// The 期限看板 on a real database: open items within jurisdiction, who must act, the two-step page read.
describe('DeadlineBoardService (medium)', () => {
  let m: MediumContext;
  let board: DeadlineBoardService;
  let gd: OrgTree;
  let province: Actor;
  const b: Record<string, Batch> = {};

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, ReviewsModule] });
    board = m.get(DeadlineBoardService);
    gd = await m.factories.tree();
    const sc = await m.factories.tree({ regionCode: '510000' });
    const operator = await m.factories.user(gd.institution, ['institution_operator']);
    province = m.factories.actor(await m.factories.user(gd.province, ['provincial_reviewer']), gd.province);
    // Today is Monday 2026-11-23; "due soon" is within 3 working days (up to 2026-11-26).
    b.upload = await m.factories.batch(gd.institution, operator, { status: 'draft', dueDate: '2026-12-01' });
    b.correction = await m.factories.batch(gd.institution, operator, {
      status: 'returned',
      dueDate: '2026-11-25',
      returnedFrom: 'municipal_review',
    });
    b.overdue = await m.factories.batch(gd.institution, operator, {
      status: 'municipal_review',
      dueDate: '2026-11-20',
    });
    b.onTime = await m.factories.batch(gd.institution, operator, {
      status: 'provincial_review',
      dueDate: '2026-12-10',
    });
    b.published = await m.factories.batch(gd.institution, operator, { status: 'published', dueDate: null });
    b.elsewhere = await m.factories.batch(
      sc.institution,
      await m.factories.user(sc.institution, ['institution_operator']),
      { status: 'municipal_review', dueDate: '2026-11-24' },
    );
  });
  afterAll(() => m.close());

  const list = (filter: Record<string, unknown> = {}, actor = province) =>
    board.list(actor, parseListQuery({ filter: JSON.stringify(filter), range: '[0,99]' }, DEADLINE_LIST));
  const ids = async (filter: Record<string, unknown> = {}, actor = province) =>
    (await list(filter, actor)).rows.map((r) => r.id);

  it('R-14, R-17: lists the open items in jurisdiction by due date, each with who must act', async () => {
    const page = await list();
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([b.overdue.id, b.correction.id, b.upload.id, b.onTime.id]);
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    expect(byId.get(b.overdue.id)).toMatchObject({
      kind: 'review',
      overdue: true,
      responsibleOrganisationId: gd.city.id,
      responsibleRole: '市级证书数据管理员',
    });
    expect(byId.get(b.onTime.id)).toMatchObject({
      kind: 'review',
      overdue: false,
      responsibleOrganisationId: gd.province.id,
      responsibleRole: '省级审核员',
    });
    expect(byId.get(b.correction.id)).toMatchObject({
      kind: 'correction',
      workingDaysLeft: 2,
      responsibleOrganisationId: gd.institution.id,
    });
    expect(byId.get(b.upload.id)).toMatchObject({ kind: 'upload', institutionName: gd.institution.name });
  });

  it('narrows by kind, stage and state', async () => {
    expect(await ids({ kind: 'review' })).toEqual([b.overdue.id, b.onTime.id]);
    expect(await ids({ kind: 'upload' })).toEqual([b.upload.id]);
    expect(await ids({ kind: 'correction', status: 'municipal_review' })).toEqual([]);
    expect(await ids({ status: 'returned' })).toEqual([b.correction.id]);
    expect(await ids({ state: 'overdue' })).toEqual([b.overdue.id]);
    expect(await ids({ state: 'due_soon' })).toEqual([b.correction.id]);
    expect(await ids({ state: 'on_time' })).toEqual([b.upload.id, b.onTime.id]);
  });

  it('R-3: narrows to a region within jurisdiction; a region outside it, or none, leaves nothing', async () => {
    expect(await ids({ organisationId: gd.city.id })).toHaveLength(4);
    const sichuanInstitution = (await m.dataSource.getRepository(Batch).findOneByOrFail({ id: b.elsewhere.id }))
      .institutionId;
    expect(await ids({ organisationId: sichuanInstitution })).toEqual([]);
    expect(await ids({ organisationId: 999_999 })).toEqual([]);
    const city = m.factories.actor(await m.factories.user(gd.city, ['municipal_admin']), gd.city);
    expect(await ids({ organisationId: gd.province.id }, city)).toHaveLength(4);
  });

  it('pages through the ids first and reads only the page', async () => {
    const page = await board.list(
      province,
      parseListQuery({ range: '[1,2]', sort: '["dueDate","ASC"]' }, DEADLINE_LIST),
    );
    expect([page.total, page.rows.map((r) => r.id)]).toEqual([4, [b.correction.id, b.upload.id]]);
  });
});
