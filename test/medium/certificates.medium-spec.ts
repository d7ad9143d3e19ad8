import { Actor } from '../../apps/api/src/common/actor/actor';
import { parseListQuery } from '../../apps/api/src/common/http/list-query';
import { BatchesModule } from '../../apps/api/src/batches/batches.module';
import { EditCertificateDto } from '../../apps/api/src/batches/dto/record-edit.dto';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { BatchDecision } from '../../apps/api/src/batches/entities/batch-decision.entity';
import { RecordEditService } from '../../apps/api/src/batches/record-edit.service';
import { CERTIFICATE_LIST } from '../../apps/api/src/certificates/certificate-list';
import { CertificatesService } from '../../apps/api/src/certificates/certificates.service';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { CertificateHistory } from '../../apps/api/src/certificates/entities/certificate-history.entity';
import { User } from '../../apps/api/src/users/entities/user.entity';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

// Certificate records on a real database: the list's jurisdiction by the institution's
// path, and the record-edit use case of a batch under correction.
describe('certificates (medium)', () => {
  let m: MediumContext;
  let certificates: CertificatesService;
  let edits: RecordEditService;
  let gd: OrgTree;
  let operatorUser: User;
  let operator: Actor;
  let batch: Batch;
  let records: Certificate[];
  let elsewhere: Certificate[];

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, BatchesModule] });
    certificates = m.get(CertificatesService);
    edits = m.get(RecordEditService);
    gd = await m.factories.tree();
    const sc = await m.factories.tree({ regionCode: '510000' });
    operatorUser = await m.factories.user(gd.institution, ['institution_operator']);
    operator = m.factories.actor(operatorUser, gd.institution);
    batch = await m.factories.batch(gd.institution, operatorUser, { status: 'returned' });
    records = await m.factories.certificates(batch, 3, { issueDate: '2026-11-16' });
    const scBatch = await m.factories.batch(
      sc.institution,
      await m.factories.user(sc.institution, ['institution_operator']),
    );
    elsewhere = await m.factories.certificates(scBatch, 1);
  });
  afterAll(() => m.close());

  const edit = (id: number, fields: Partial<EditCertificateDto>) =>
    edits.edit(operator, id, Object.assign(new EditCertificateDto(), fields));
  const list = (actor: Actor, filter: Record<string, unknown>) =>
    certificates.list(actor, parseListQuery({ filter: JSON.stringify(filter) }, CERTIFICATE_LIST));

  it('R-3, R-10: lists a batch’s records within jurisdiction, masked, never the ciphertext or blind index', async () => {
    const page = await list(operator, { batchId: batch.id });
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(page.rows[0]).not.toHaveProperty('idNumberEnc');
    expect(page.rows[0]).not.toHaveProperty('idNumberHash');
    const province = m.factories.actor(await m.factories.user(gd.province, ['provincial_reviewer']), gd.province);
    expect(
      (await list(province, { certificateNumber: records[1].certificateNumber.toLowerCase() })).rows.map((r) => r.id),
    ).toEqual([records[1].id]);
    // Another province's record is not found, whichever way it is asked for.
    expect((await list(province, { id: [elsewhere[0].id] })).total).toBe(0);
    expect((await list(operator, { batchId: elsewhere[0].batchId })).total).toBe(0);
    await expect(certificates.get(province, elsewhere[0].id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(list(operator, {})).rejects.toMatchObject({ code: 'BAD_QUERY' });
  });

  it('R-13, R-19: an edit of a record under correction is validated like an import row, keeps the old version and joins the batch’s trail', async () => {
    const record = records[0];
    const edited = await edit(record.id, { version: record.version, reason: '更正姓名', holderName: '王更正' });
    expect(edited).toMatchObject({ id: record.id, holderName: '王更正', version: record.version + 1 });
    expect(await m.dataSource.getRepository(CertificateHistory).findBy({ certificateId: record.id })).toEqual([
      expect.objectContaining({ change: 'edit', reason: '更正姓名', batchId: batch.id }),
    ]);
    const [decision] = await m.dataSource
      .getRepository(BatchDecision)
      .findBy({ batchId: batch.id, action: 'record_edit' });
    expect(decision).toMatchObject({
      stage: 'returned',
      resultStatus: 'returned',
      recordCount: 1,
      actorId: operatorUser.id,
    });
    // The version the user saw is checked.
    await expect(edit(record.id, { version: record.version, reason: '再改', holderName: '李' })).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
  });

  it('R-8: an edit to a certificate number stored elsewhere is refused and changes nothing', async () => {
    const record = await m.dataSource.getRepository(Certificate).findOneByOrFail({ id: records[1].id });
    const refused = edit(record.id, {
      version: record.version,
      reason: '改编号',
      certificateNumber: elsewhere[0].certificateNumber,
    });
    await expect(refused).rejects.toMatchObject({ code: 'CERTIFICATE_INVALID' });
    expect((await m.dataSource.getRepository(Certificate).findOneByOrFail({ id: record.id })).version).toBe(
      record.version,
    );
  });

  it('R-13: records of a batch in review are not edited here', async () => {
    const inReview = await m.factories.batch(gd.institution, operatorUser, { status: 'municipal_review' });
    const [record] = await m.factories.certificates(inReview, 1, { status: 'in_review' });
    await expect(edit(record.id, { version: record.version, reason: '改', holderName: '李' })).rejects.toMatchObject({
      code: 'CERTIFICATE_NOT_EDITABLE',
    });
  });
});
