import { BatchesRepository } from '../../apps/api/src/batches/batches.repository';
import { BatchDecision } from '../../apps/api/src/batches/entities/batch-decision.entity';
import { restrictToSubtree } from '../../apps/api/src/database/subtree';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';
import { BatchesModule } from '../../apps/api/src/batches/batches.module';

// R-40 最新决定 at volume (SQLite and MariaDB): a busy scope finds its newest decisions among the newest nationally;
// a quiet scope whose decisions are older than those still gets its own.
describe('recent decisions (medium)', () => {
  let m: MediumContext;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, BatchesModule] });
  });
  afterAll(() => m.close());

  it('busy and quiet scopes both get their newest decisions, newest first', async () => {
    const f = m.factories;
    const tree = await f.tree();
    const quiet = await f.organisation({ level: 'institution', parent: tree.city });
    const operator = await f.user(tree.institution, ['institution_operator']);
    const busy = await f.batch(tree.institution, operator, { status: 'municipal_review' });
    const calm = await f.batch(quiet, operator, { status: 'municipal_review' });
    const row = (batchId: number, at: Date) => ({
      batchId,
      action: 'submit' as const,
      stage: 'draft',
      resultStatus: 'municipal_review',
      actorId: operator.id,
      actorName: '测试',
      actorRole: 'institution_operator',
      organisationId: tree.institution.id,
      recordCount: 1,
      createdAt: at,
    });
    await m.dataSource
      .getRepository(BatchDecision)
      .insert([row(calm.id, new Date('2026-01-01T00:00:00Z')), row(calm.id, new Date('2026-01-02T00:00:00Z'))]);
    const busyRows = Array.from({ length: 2_100 }, (_, i) => row(busy.id, new Date(Date.UTC(2026, 5, 1) + i * 60_000)));
    for (let i = 0; i < busyRows.length; i += 300) {
      await m.dataSource.getRepository(BatchDecision).insert(busyRows.slice(i, i + 300));
    }
    const repo = m.get(BatchesRepository);
    const within = (path: string) => (qb: Parameters<typeof restrictToSubtree>[0], expr: string) =>
      void restrictToSubtree(qb, expr, path);
    const newest = await repo.recentDecisions(within(tree.institution.path), ['submit'], 8);
    expect(newest).toHaveLength(8);
    expect(newest[0].createdAt.toISOString()).toBe(new Date(Date.UTC(2026, 5, 1) + 2_099 * 60_000).toISOString());
    const calmOnes = await repo.recentDecisions(within(quiet.path), ['submit'], 8);
    expect(calmOnes.map((d) => d.createdAt.toISOString())).toEqual([
      '2026-01-02T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    expect((await repo.recentDecisions(within(tree.city.path), ['submit'], 3)).map((d) => d.batchId)).toEqual([
      busy.id,
      busy.id,
      busy.id,
    ]);
  });
});
