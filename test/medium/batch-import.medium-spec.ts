import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor } from '../../apps/api/src/common/actor/actor';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { OccupationCatalogue } from '../../apps/api/src/organisations/occupation-catalogue';
import { BatchImportService } from '../../apps/api/src/batches/batch-import.service';
import { BatchSubmissionService } from '../../apps/api/src/batches/batch-submission.service';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { BatchDecision } from '../../apps/api/src/batches/entities/batch-decision.entity';
import { ImportErrorReport } from '../../apps/api/src/batches/entities/import-error-report.entity';
import { TemplateKind } from '../../apps/api/src/batches/excel';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { CertificateHistory } from '../../apps/api/src/certificates/entities/certificate-history.entity';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { ReviewsModule } from '../../apps/api/src/reviews/reviews.module';
import { ReviewsService } from '../../apps/api/src/reviews/reviews.service';
import { SheetRow, validRow } from '../e2e/support/batch-sheets';
import { CHEF } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { writeSheet } from './support/sheets';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const FIRE_SAFETY = { occupationCode: '4-07-05-03', occupationName: '消防设施操作员' };
const STATEMENT = { reason: '因考点系统故障未能按时上报', responsiblePerson: '周敏', contact: '020-86000000' };

// The import on a real database: BatchImportService and
// BatchSubmissionService (ReviewsService for a return) with their repositories, small sheets built from the real template, no HTTP.
describe('BatchImportService (medium)', () => {
  let m: MediumContext;
  let imports: BatchImportService;
  let submissions: BatchSubmissionService;
  let institution: Organisation;
  let operator: Actor;
  let provincial: Actor;
  let city: Actor;
  let dir: string;
  let files = 0;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [...WORKFLOW_MODULES, ReviewsModule] });
    imports = m.get(BatchImportService);
    submissions = m.get(BatchSubmissionService);
    const tree = await m.factories.tree({ deadlineProfile: 'guangdong' });
    institution = await m.factories.organisation({
      level: 'institution',
      parent: tree.city,
      scope: [CHEF, FIRE_SAFETY].map((o) => ({
        ...o,
        levels: [1, 2, 3, 4, 5],
        validFrom: '2020-01-01',
        validTo: null,
      })),
    });
    operator = m.factories.actor(await m.factories.user(institution, ['institution_operator']), institution);
    provincial = m.factories.actor(await m.factories.user(tree.province, ['provincial_reviewer']), tree.province);
    city = m.factories.actor(await m.factories.user(tree.city, ['municipal_admin']), tree.city);
    dir = mkdtempSync(join(tmpdir(), 'cert-medium-sheets-'));
  });
  afterAll(async () => {
    await m.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A filled template as an uploaded temporary file (the service removes it when done). */
  async function sheet(rows: SheetRow[], kind: TemplateKind = 'skill_level') {
    const path = join(dir, `upload-${++files}.xlsx`);
    await writeSheet(path, rows, kind, m.get(OccupationCatalogue).catalogue, m.clock.now());
    return { path, originalName: `证书数据-${files}.xlsx`, size: statSync(path).size };
  }
  const upload = async (rows: SheetRow[], kind: TemplateKind = 'skill_level') =>
    imports.upload(operator, await sheet(rows, kind), kind, undefined);
  /** `count` valid rows without an ID number twice (generated ones can repeat), numbered apart from other tests. */
  const distinctRows = (seed: number, count: number): SheetRow[] => {
    const seen = new Set<string>();
    const rows: SheetRow[] = [];
    for (let s = seed; rows.length < count; s++) {
      // Serials below 100000, which certificateNumber() (the other tests' numbers) never gives.
      const row = validRow(s, {
        发证日期: '2026-11-16',
        证书编号: `SGZYC44010100264${String(s - seed + 1).padStart(6, '0')}`,
      });
      if (seen.has(row.证件号码)) continue;
      seen.add(row.证件号码);
      rows.push(row);
    }
    return rows;
  };
  const refusal = (promise: Promise<unknown>): Promise<Record<string, unknown>> =>
    promise.then(
      () => ({}),
      (error: Record<string, unknown>) => error,
    );

  it('R-8, R-42: a valid sheet becomes a draft batch with every record, ID numbers only encrypted, masked and indexed', async () => {
    const rows = [validRow(1, { 发证日期: '2026-11-16' }), validRow(2, { 发证日期: '2026-11-02' })];
    const result = await upload(rows);
    expect(result).toMatchObject({ status: 'draft', recordCount: 2, version: 1 });
    const batch = await m.dataSource.getRepository(Batch).findOneByOrFail({ id: result.id });
    // R-14 (粤 二（二）): a draft is due 30 days after its earliest record's issue date, 2026-11-02.
    expect(batch).toMatchObject({
      institutionId: institution.id,
      orgPath: institution.path,
      dueRule: 'upload',
      dueFrom: '2026-11-02',
      dueDate: '2026-12-02',
    });
    const stored = await m.dataSource
      .getRepository(Certificate)
      .find({ where: { batchId: result.id }, order: { rowNumber: 'ASC' } });
    const cipher = m.get(FieldCipher);
    expect(
      stored.map((c) => [c.rowNumber, c.status, c.certificateNumber, cipher.decrypt(c.idNumberEnc), c.idNumberHash]),
    ).toEqual(rows.map((r, i) => [i + 2, 'draft', r.证书编号, r.证件号码, cipher.blindIndex(r.证件号码)]));
    expect(stored[0].idNumberMasked).not.toContain(rows[0].证件号码.slice(6, 14));
    expect(
      (await m.dataSource.getRepository(BatchDecision).findBy({ batchId: result.id })).map((d) => d.action),
    ).toEqual(['upload']);
  });

  it('R-8 (seed 003), R-12: refuses a 不合格 result and gender 未说明/未知 against a resident ID, storing nothing but the error report', async () => {
    const before = await m.dataSource.getRepository(Certificate).count();
    const error = await refusal(
      upload([
        validRow(300, { 评定成绩: '不合格' }),
        validRow(301, { 性别: '未说明' }),
        validRow(302, { 性别: '0' }),
        validRow(303, { 评定成绩: '优秀' }),
      ]),
    );
    expect(error.code).toBe('IMPORT_VALIDATION_FAILED');
    const details = error.details as {
      errors: { row: number; column: string; message: string }[];
      errorReportId: number;
    };
    expect(details.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '评定成绩'],
      [3, '性别'],
      [4, '性别'],
    ]);
    expect(details.errors[0].message).toContain('考核不合格者不颁发证书');
    expect(details.errors[1].message).toContain('居民身份证号码已表明性别');
    expect(await m.dataSource.getRepository(Certificate).count()).toBe(before);
    expect(
      await m.dataSource.getRepository(ImportErrorReport).findOneByOrFail({ id: details.errorReportId }),
    ).toMatchObject({ errorCount: 3, institutionId: institution.id });
  });

  it('R-8 (seed 004): refuses a qualification certificate for an occupation outside the 2021 national qualification catalogue', async () => {
    // 中式烹调师 left the catalogue in 2021; it is certified by 职业技能等级认定 now.
    const error = await refusal(upload([validRow(310, { 发证日期: '2026-11-02' })], 'qualification'));
    expect((error.details as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '职业编码',
        message: expect.stringContaining(
          '不在发证日期（2026-11-02）施行的《国家职业资格目录（2021年版）》（2021-11-23起施行）中',
        ),
      }),
    ]);
    // The same record as a skill-level certificate is fine.
    expect((await upload([validRow(311, { 发证日期: '2026-11-02' })])).status).toBe('draft');
  });

  it('R-18: a qualification batch is due on the 2013 upload day, not the skill-level period, and is late after it', async () => {
    const row = validRow(320, {
      职业编码: FIRE_SAFETY.occupationCode,
      职业名称: FIRE_SAFETY.occupationName,
      '工种/职业方向': '消防设施监控操作',
      发证日期: '2026-11-05',
    });
    const result = await upload([row], 'qualification');
    // Issued 11-05 (25th of last month – 10th) → uploaded on the 15th, a Sunday → Monday 2026-11-16.
    // (Guangdong's skill-level "30 days" would give 2026-12-07.)
    expect(await m.dataSource.getRepository(Batch).findOneByOrFail({ id: result.id })).toMatchObject({
      dueDate: '2026-11-16',
      dueRule: 'qualification_upload',
      dueFrom: '2026-11-05',
      dueProvisional: false,
    });
    const error = await refusal(submissions.submit(operator, result.id, result.version, undefined));
    expect(error.code).toBe('BATCH_OVERDUE_STATEMENT_REQUIRED');
    expect((error.details as { records: unknown[] }).records[0]).toMatchObject({
      issueDate: '2026-11-05',
      due: '2026-11-16',
    });
  });

  it('R-8: certificate numbers are unique nationally; a re-upload may reuse its own batch’s numbers and keeps the old records (R-13, R-19)', async () => {
    const first = validRow(400, { 发证日期: '2026-11-16' });
    const batch = await upload([first]);
    const taken = await refusal(upload([validRow(401, { 发证日期: '2026-11-16', 证书编号: first.证书编号 })]));
    expect((taken.details as { errors: { column: string; message: string }[] }).errors).toEqual([
      expect.objectContaining({ row: 2, column: '证书编号', message: '证书编号已存在于全国证书库中，不能重复上报' }),
    ]);
    const replaced = await m.dataSource.getRepository(Certificate).findOneByOrFail({ batchId: batch.id });
    const corrected = await imports.reupload(
      operator,
      batch.id,
      await sheet([{ ...first, 姓名: '更正后' }, validRow(402, { 发证日期: '2026-11-16' })]),
    );
    expect(corrected).toMatchObject({ recordCount: 2, version: 2 });
    const now = await m.dataSource
      .getRepository(Certificate)
      .find({ where: { batchId: batch.id }, order: { rowNumber: 'ASC' } });
    expect(now.map((c) => [c.certificateNumber, c.holderName])[0]).toEqual([first.证书编号, '更正后']);
    const history = await m.dataSource.getRepository(CertificateHistory).findBy({ batchId: batch.id });
    expect(history.map((h) => [h.certificateId, h.change])).toEqual([[replaced.id, 'reupload']]);
  });

  it('R-14: a re-uploaded draft gets the due date of its new records', async () => {
    const created = await upload([validRow(600, { 发证日期: '2026-11-16' })]);
    // 粤 二（二）: 30 days from the issue date.
    expect((await m.dataSource.getRepository(Batch).findOneByOrFail({ id: created.id })).dueDate).toBe('2026-12-16');
    const reup = await imports.reupload(
      operator,
      created.id,
      await sheet([validRow(601, { 发证日期: '2026-11-02' }), validRow(602, { 发证日期: '2026-11-18' })]),
    );
    expect(reup).toMatchObject({ status: 'draft', dueDate: '2026-12-02' });
  });

  it('R-16: an earlier overdue statement is not reused for new late records a re-upload adds', async () => {
    const late = validRow(700, { 发证日期: '2026-09-01' });
    const created = await upload([late]);
    const submitted = await submissions.submit(operator, created.id, created.version, STATEMENT);
    expect(submitted).toMatchObject({ lateSubmission: true, overdueStatement: { recordCount: 1 } });
    const returned = await m.get(ReviewsService).return(city, created.id, submitted.version, '成绩有误');
    expect(returned.status).toBe('returned');
    // The same record corrected, plus a new one that is itself late.
    const reup = await imports.reupload(
      operator,
      created.id,
      await sheet([{ ...late, 理论知识考试成绩: 80 }, validRow(701, { 发证日期: '2026-09-02' })]),
    );
    const refused = await refusal(submissions.submit(operator, created.id, reup.version, undefined));
    expect(refused.code).toBe('BATCH_OVERDUE_STATEMENT_REQUIRED');
    expect(refused.details).toMatchObject({ count: 1, records: [{ issueDate: '2026-09-02' }] });
    const ok = await submissions.submit(operator, created.id, reup.version, {
      ...STATEMENT,
      reason: '补报遗漏的证书数据',
    });
    expect(ok).toMatchObject({
      status: 'municipal_review',
      overdueStatement: { reason: '补报遗漏的证书数据', recordCount: 1 },
    });
  });

  it('R-16: an exemption is decided on the version the centre saw — a stale one is STALE_VERSION and grants nothing', async () => {
    const batch = await upload([validRow(500, { 发证日期: '2026-04-20' })]);
    const stale = await refusal(
      submissions.grantExemption(provincial, batch.id, batch.version + 1, '经省中心研究同意受理'),
    );
    expect(stale.code).toBe('STALE_VERSION');
    expect((await m.dataSource.getRepository(Batch).findOneByOrFail({ id: batch.id })).exemption).toBeNull();
    const granted = await submissions.grantExemption(provincial, batch.id, batch.version, '经省中心研究同意受理');
    expect(granted).toMatchObject({
      version: batch.version + 1,
      exemption: { reason: '经省中心研究同意受理', recordCount: 1 },
    });
  });
  it('R-9, R-42: a sheet of several chunks (sealed on the worker thread) is stored whole, or not at all', async () => {
    const all = distinctRows(10_000, 4200);
    const rows = all.slice(0, 2100);
    const result = await upload(rows);
    expect(result).toMatchObject({ status: 'draft', recordCount: rows.length });
    const stored = await m.dataSource
      .getRepository(Certificate)
      .find({ where: { batchId: result.id }, order: { rowNumber: 'ASC' } });
    const cipher = m.get(FieldCipher);
    expect(stored.map((c) => [c.rowNumber, c.holderName, cipher.decrypt(c.idNumberEnc), c.idNumberHash])).toEqual(
      rows.map((r, i) => [i + 2, r.姓名, r.证件号码, cipher.blindIndex(r.证件号码)]),
    );
    expect(new Set(stored.map((c) => c.idNumberEnc.split('.')[1])).size).toBe(rows.length);

    const before = await m.dataSource.getRepository(Certificate).count();
    const late = all.slice(2100).map((r, i) => (i === 2050 ? { ...r, 评定成绩: '不合格' } : r));
    const error = await refusal(upload(late));
    expect(error.code).toBe('IMPORT_VALIDATION_FAILED');
    expect((error.details as { errors: { row: number }[] }).errors.map((e) => e.row)).toEqual([2052]);
    expect(await m.dataSource.getRepository(Certificate).count()).toBe(before);
  });
});
