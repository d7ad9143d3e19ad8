import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { versionedUpdate } from '../../apps/api/src/database/versioned-update';
import { createMediumContext, MediumContext } from './support/medium-context';

// optimistic locking — of two writers holding the same version, exactly one wins; the other gets 409.
describe('versionedUpdate (medium)', () => {
  let m: MediumContext;
  let batch: Batch;

  beforeAll(async () => {
    m = await createMediumContext();
    const { institution } = await m.factories.tree();
    const operator = await m.factories.user(institution, ['institution_operator']);
    batch = await m.factories.batch(institution, operator);
  });
  afterAll(() => m.close());

  it('applies the change and bumps the version while the version matches', async () => {
    await m
      .get(UnitOfWork)
      .run((manager) => versionedUpdate(manager, Batch, { id: batch.id, version: 1 }, { recordCount: 7 }));
    const after = await m.dataSource.getRepository(Batch).findOneByOrFail({ id: batch.id });
    expect([after.recordCount, after.version]).toEqual([7, 2]);
  });

  it('refuses a stale version with STALE_VERSION and changes nothing', async () => {
    const stale = m
      .get(UnitOfWork)
      .run((manager) => versionedUpdate(manager, Batch, { id: batch.id, version: 1 }, { recordCount: 9 }));
    await expect(stale).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const after = await m.dataSource.getRepository(Batch).findOneByOrFail({ id: batch.id });
    expect([after.recordCount, after.version]).toEqual([7, 2]);
  });

  it('checks further conditions too: a decision taken in another status does not apply', async () => {
    const wrongStage = m
      .get(UnitOfWork)
      .run((manager) =>
        versionedUpdate(
          manager,
          Batch,
          { id: batch.id, version: 2, status: 'municipal_review' },
          { status: 'published' },
        ),
      );
    await expect(wrongStage).rejects.toMatchObject({ code: 'STALE_VERSION' });
  });

  it('lets exactly one of two concurrent writers win', async () => {
    const attempts = await Promise.allSettled(
      [3, 4].map((count) =>
        m
          .get(UnitOfWork)
          .run((manager) => versionedUpdate(manager, Batch, { id: batch.id, version: 2 }, { recordCount: count })),
      ),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    const after = await m.dataSource.getRepository(Batch).findOneByOrFail({ id: batch.id });
    expect(after.version).toBe(3);
  });
});
