import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachmentReach } from '../../apps/api/src/attachments/attachment-reach';
import { AttachmentsModule } from '../../apps/api/src/attachments/attachments.module';
import { AttachmentsService } from '../../apps/api/src/attachments/attachments.service';
import { Attachment } from '../../apps/api/src/attachments/entities/attachment.entity';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { Actor } from '../../apps/api/src/common/actor/actor';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { executableFile, pdfFile } from '../e2e/support/attachment-files';
import { OrgTree } from './support/factories';
import { createMediumContext, MEDIUM_NOW, MediumContext } from './support/medium-context';

// R-24 on a real database and file store: the upload use case cleans up after itself whatever happens, records the
// clock's time, and leaves a seam through which citing requests open an attachment to their reviewers.
describe('attachments (medium)', () => {
  let m: MediumContext;
  let service: AttachmentsService;
  let gd: OrgTree;
  let sc: OrgTree;
  let operator: Actor;
  let elsewhere: Actor;
  let incoming: string;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule, AttachmentsModule] });
    service = m.get(AttachmentsService);
    gd = await m.factories.tree();
    sc = await m.factories.tree({ regionCode: '510000' });
    operator = m.factories.actor(await m.factories.user(gd.institution, ['institution_operator']), gd.institution);
    elsewhere = m.factories.actor(await m.factories.user(sc.province, ['provincial_reviewer']), sc.province);
    incoming = mkdtempSync(join(tmpdir(), 'attach-incoming-'));
  });
  afterAll(async () => {
    rmSync(incoming, { recursive: true, force: true });
    await m.close();
  });

  /** A file as multer leaves it: on local disk, under a random name. */
  const received = (bytes: Buffer, originalName: string) => {
    const path = join(incoming, randomUUID());
    writeFileSync(path, bytes);
    return { path, originalName, size: bytes.length };
  };

  it('stores an accepted file with its checksum and the clock’s time, and deletes the temporary upload', async () => {
    const pdf = pdfFile('medium');
    const file = received(pdf, '勘误说明.pdf');
    const view = await service.upload(operator, file, 'erratum_statement');
    expect(existsSync(file.path)).toBe(false);
    expect(view).toMatchObject({
      fileName: '勘误说明.pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      contentType: 'application/pdf',
      organisationId: gd.institution.id,
      uploadedAt: MEDIUM_NOW,
    });
    const row = await m.dataSource.getRepository(Attachment).findOneByOrFail({ id: view.id });
    expect(row).toMatchObject({ orgPath: gd.institution.path, uploadedById: operator.userId });
    const download = await service.download(operator, view.id);
    const chunks: Buffer[] = [];
    for await (const chunk of download.content) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);
  });

  it('deletes the temporary upload of a refused file and stores nothing', async () => {
    const before = await m.dataSource.getRepository(Attachment).count();
    const storedBefore = readdirSync(m.config.storage.dir, { recursive: true }).length;
    const file = received(executableFile(), '扫描件.pdf');
    await expect(service.upload(operator, file, 'other')).rejects.toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
    });
    expect(existsSync(file.path)).toBe(false);
    expect(await m.dataSource.getRepository(Attachment).count()).toBe(before);
    expect(readdirSync(m.config.storage.dir, { recursive: true })).toHaveLength(storedBefore);
  });

  it('opens an attachment beyond its owner’s subtree only through a registered reach (requests citing it)', async () => {
    const view = await service.upload(operator, received(pdfFile('reach'), '承诺书.pdf'), 'holder_commitment');
    await expect(service.get(elsewhere, view.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    m.get(AttachmentReach).register((id) => Promise.resolve(id === view.id ? [sc.province.path] : []));
    expect((await service.get(elsewhere, view.id)).id).toBe(view.id);
    const other = await service.upload(operator, received(pdfFile('other'), '另一份.pdf'), 'other');
    await expect(service.get(elsewhere, other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
