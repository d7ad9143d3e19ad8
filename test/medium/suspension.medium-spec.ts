import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { computeDeadline, creditCodeCheckChar, type ScreeningRule } from '@app/domain';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { Batch } from '../../apps/api/src/batches/entities/batch.entity';
import { CalendarService } from '../../apps/api/src/calendar/calendar.service';
import type { Actor } from '../../apps/api/src/common/actor/actor';
import { parseListQuery } from '../../apps/api/src/common/http/list-query';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { AuthorizationCodesService } from '../../apps/api/src/lookup-accounts/authorization-codes.service';
import { LookupAccountsModule } from '../../apps/api/src/lookup-accounts/lookup-accounts.module';
import { LookupAuthService } from '../../apps/api/src/lookup-accounts/lookup-auth.service';
import { LOOKUP_BATCH_ROWS, LookupBatchService } from '../../apps/api/src/lookup-accounts/lookup-batch.service';
import type { LookupPrincipal } from '../../apps/api/src/lookup-accounts/lookup-principal';
import { LookupQueriesService } from '../../apps/api/src/lookup-accounts/lookup-queries.service';
import { LookupService } from '../../apps/api/src/lookup/lookup.service';
import { RecheckConfirmations } from '../../apps/api/src/rechecks/recheck-confirmations';
import { RECHECK_LIST } from '../../apps/api/src/rechecks/recheck-list';
import { RechecksModule } from '../../apps/api/src/rechecks/rechecks.module';
import { RechecksService } from '../../apps/api/src/rechecks/rechecks.service';
import { SuspensionService } from '../../apps/api/src/rechecks/suspension.service';
import { RemindersService } from '../../apps/api/src/reminders/reminders.service';
import { DEADLINE_LIST, DeadlineBoardService } from '../../apps/api/src/reviews/deadline-board.service';
import { Flag } from '../../apps/api/src/screening/entities/flag.entity';
import { Recheck } from '../../apps/api/src/screening/entities/recheck.entity';
import { FLAG_LIST } from '../../apps/api/src/screening/flag-list';
import { FlagsService } from '../../apps/api/src/screening/flags.service';
import { ScreeningRepository } from '../../apps/api/src/screening/screening.repository';
import { OrgTree, residentId } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';
import { WORKFLOW_MODULES } from './support/workflow-modules';

const PASSWORD = 'Lookup#2026x';
const CREDIT_CODE = '91440101MA59XXTH5' + creditCodeCheckChar('91440101MA59XXTH5');

// on a real database (SQLite and MariaDB): suspension from every lookup mode at once, the provincial
// re-check on the calendar, concurrency, flags within jurisdiction, the deadline board and the reminders. Today is
// Thursday 2026-01-15 (Beijing): the old and the new lookup modes are both open.
describe('suspension from lookup and the provincial re-check (medium)', () => {
  let m: MediumContext;
  let gd: OrgTree;
  let sc: OrgTree;
  let national: Actor;
  let gdReviewer: Actor;
  let scReviewer: Actor;
  let gdCity: Actor;
  let gdBatch: Batch;
  let scBatch: Batch;
  let suspension: SuspensionService;
  let rechecks: RechecksService;
  let flags: FlagsService;
  let sequence = 100;
  let address = 0;

  beforeAll(async () => {
    m = await createMediumContext({
      imports: [...WORKFLOW_MODULES, RechecksModule, LookupAccountsModule],
      now: '2026-01-15T02:00:00Z',
    });
    suspension = m.get(SuspensionService);
    rechecks = m.get(RechecksService);
    flags = m.get(FlagsService);
    gd = await m.factories.tree();
    // A second province under the same national centre.
    const province = await m.factories.organisation({ level: 'provincial', parent: gd.national, regionCode: '510000' });
    const city = await m.factories.organisation({ level: 'municipal', parent: province, regionCode: '510100' });
    sc = {
      national: gd.national,
      province,
      city,
      institution: await m.factories.organisation({ level: 'institution', parent: city }),
    };
    national = m.factories.actor(await m.factories.user(gd.national, ['national_reviewer']), gd.national);
    gdReviewer = m.factories.actor(await m.factories.user(gd.province, ['provincial_reviewer']), gd.province);
    scReviewer = m.factories.actor(await m.factories.user(sc.province, ['provincial_reviewer']), sc.province);
    gdCity = m.factories.actor(await m.factories.user(gd.city, ['municipal_admin']), gd.city);
    const operator = await m.factories.user(gd.institution, ['institution_operator']);
    gdBatch = await m.factories.batch(gd.institution, operator, { status: 'published' });
    scBatch = await m.factories.batch(
      sc.institution,
      await m.factories.user(sc.institution, ['institution_operator']),
      {
        status: 'published',
      },
    );
  });
  afterAll(() => m.close());

  const idNumbers = new Map<number, string>();

  /** A published certificate lookup finds, with its own holder. */
  async function published(
    batch = gdBatch,
    fields: Partial<Certificate> & { idNumber?: string } = {},
  ): Promise<Certificate> {
    sequence += 1;
    const idNumber = fields.idNumber ?? residentId('440106', '19900101', sequence);
    const [c] = await m.factories.certificates(batch, 1, {
      status: 'published',
      lookupStatus: 'visible',
      publishedOn: '2026-01-05',
      holderName: '王小红',
      certificateNumber: `S4401062026${String(sequence).padStart(5, '0')}`,
      ...fields,
      idNumber,
    });
    idNumbers.set(c.id, idNumber);
    return c;
  }

  /** The working day `n` working days before `due`. */
  function workingDaysBefore(
    calendar: { isWorkingDay(d: string): boolean; workingDaysBetween(a: string, b: string): number },
    due: string,
    n: number,
  ): string {
    let day = new Date(`${due}T00:00:00Z`);
    for (;;) {
      day = new Date(day.getTime() - 86_400_000);
      const iso = day.toISOString().slice(0, 10);
      if (calendar.isWorkingDay(iso) && calendar.workingDaysBetween(iso, due) === n) return iso;
    }
  }

  async function raise(
    rule: ScreeningRule,
    certificates: Certificate[],
    written?: { summary: string; figures: Record<string, string | number> },
  ): Promise<Flag> {
    sequence += 1;
    const fingerprint = `${rule}-${sequence}`.padEnd(64, '0');
    await m.get(UnitOfWork).run((manager) =>
      m.get(ScreeningRepository).raise(
        manager,
        [
          {
            rule,
            fingerprint,
            summary: written?.summary ?? `测试线索 ${sequence}`,
            evidence: JSON.stringify({
              rule,
              figures: written?.figures ?? { count: certificates.length, threshold: 3, days: 30 },
            }),
            certificateIds: certificates.map((c) => c.id),
          },
        ],
        m.clock.now(),
        sequence,
      ),
    );
    return m.dataSource.getRepository(Flag).findOneByOrFail({ fingerprint });
  }

  const lookupStatus = async (id: number) =>
    (await m.dataSource.getRepository(Certificate).findOneByOrFail({ id })).lookupStatus;

  describe('every lookup mode (R-26, R-33)', () => {
    let holder: LookupPrincipal;
    let asker: LookupPrincipal;
    let entity: LookupPrincipal;
    let certificate: Certificate;
    let code: string;
    const filesDir = mkdtempSync(join(tmpdir(), 'suspension-batch-'));
    afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

    async function principal(registration: Parameters<LookupAuthService['register']>[0]): Promise<LookupPrincipal> {
      const auth = m.get(LookupAuthService);
      await auth.register(registration, '10.0.0.1');
      const { token } = await auth.login(registration.mobile ?? '', PASSWORD, '10.0.0.1');
      return auth.authenticate(token, '10.0.0.1');
    }

    async function batchFile(rows: string[][]): Promise<string> {
      const workbook = new ExcelJS.Workbook();
      const ws = workbook.addWorksheet('批量查询');
      ws.addRow(['姓名', '证件号码', '证书编号']);
      for (const row of rows) ws.addRow(row);
      const path = join(filesDir, `batch-${(sequence += 1)}.xlsx`);
      writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
      return path;
    }

    beforeAll(async () => {
      const idNumber = residentId('440106', '19850505', 3);
      certificate = await published(gdBatch, { holderName: '张小明', idNumber });
      holder = await principal({
        type: 'person',
        name: '张小明',
        idType: 1,
        idNumber,
        mobile: '13800000001',
        password: PASSWORD,
      });
      asker = await principal({
        type: 'person',
        name: '李四',
        idType: 1,
        idNumber: residentId('440106', '19850505', 4),
        mobile: '13800000002',
        password: PASSWORD,
      });
      entity = await principal({
        type: 'legal_entity',
        name: '某人力资源公司',
        creditCode: CREDIT_CODE,
        contactName: '王五',
        mobile: '13800000003',
        password: PASSWORD,
      });
      code = (await m.get(AuthorizationCodesService).create(holder, 'skill_level')).code;
    });

    /** What each lookup mode answers for `number` (the holder's name and ID number with it). */
    async function answers(number: string) {
      const idNumber = residentId('440106', '19850505', 3);
      const upload = await m
        .get(LookupBatchService)
        .upload(entity, await batchFile([['张小明', idNumber, number]]), 'skill_level');
      address += 1;
      return {
        old: await m
          .get(LookupService)
          .oldMode({ kind: 'skill_level', certificateNumber: number, name: '张小明' }, `198.51.100.${address}`),
        others: await m
          .get(LookupQueriesService)
          .others(asker, { kind: 'skill_level', name: '张小明', idNumber, certificateNumber: number }),
        mine: (await m.get(LookupQueriesService).mine(holder)).results.filter((r) => r.certificateNumber === number),
        byCode: (await m.get(LookupQueriesService).byCode(entity, code)).results.filter(
          (r) => r.certificateNumber === number,
        ),
        batchFound: upload.found,
      };
    }

    it('R-26, R-33: suspended, no lookup mode finds it and the answer is that of a certificate that does not exist; restored, every mode finds it again at once', async () => {
      const before = await answers(certificate.certificateNumber);
      expect(before.old.results).toHaveLength(1);
      expect(before.others.results).toHaveLength(1);
      expect(before.mine).toHaveLength(1);
      expect(before.byCode).toHaveLength(1);
      expect(before.batchFound).toBe(1);

      const recheck = await suspension.suspendCertificate(national, certificate.id, '数据存疑，暂停查询');
      expect(await lookupStatus(certificate.id)).toBe('suspended');
      // Review status unchanged: only the lookup status moves.
      expect((await m.dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id })).status).toBe(
        'published',
      );

      const suspended = await answers(certificate.certificateNumber);
      const unknown = await answers('S99999999999999');
      expect(suspended).toEqual(unknown);
      expect(suspended).toEqual({
        old: { results: [] },
        others: { results: [] },
        mine: [],
        byCode: [],
        batchFound: 0,
      });

      await rechecks.restore(gdReviewer, recheck.id, recheck.version, '核实无误，恢复查询');
      expect(await lookupStatus(certificate.id)).toBe('visible');
      // The certificate's own audit trail records its return to lookup beside the re-check's decision.
      const trail = await m.dataSource
        .getRepository(AuditLog)
        .findBy({ targetType: 'certificate', targetId: String(certificate.id), action: 'certificate.resume_lookup' });
      expect(trail.map((a) => [JSON.parse(a.before!), JSON.parse(a.after!)])).toEqual([
        [{ lookupStatus: 'suspended' }, { lookupStatus: 'visible', recheckId: recheck.id }],
      ]);
      const restored = await answers(certificate.certificateNumber);
      expect(restored.old.results).toHaveLength(1);
      expect(restored.others.results).toHaveLength(1);
      expect(restored.mine).toHaveLength(1);
      expect(restored.byCode).toHaveLength(1);
      expect(restored.batchFound).toBe(1);
    });

    it('R-33: a batch query stored before a suspension no longer shows the certificate, on screen or exported; restored, it does again', async () => {
      const other = await published(gdBatch, { holderName: '赵小兰' });
      const batchService = m.get(LookupBatchService);
      const stored = await batchService.upload(
        entity,
        await batchFile([['赵小兰', idNumbers.get(other.id)!, other.certificateNumber]]),
        'skill_level',
      );
      const rows = async () => (await batchService.page(entity, stored.id, parseListQuery({}, LOOKUP_BATCH_ROWS))).rows;
      const exported = async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load((await batchService.export(entity, stored.id)).content as never);
        const cells: string[] = [];
        workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
        return cells.join('\n');
      };
      expect((await rows())[0].results).toHaveLength(1);
      expect(await exported()).not.toContain('未查询到');
      expect(await exported()).toContain('赵小兰'.replace('赵小', '**'));

      const task = await suspension.suspendCertificate(national, other.id, '数据存疑');
      expect((await rows())[0].results).toEqual([]);
      // The queried line stays; the answer is what a certificate that does not exist gets.
      expect(await exported()).toContain('未查询到');

      await rechecks.restore(gdReviewer, task.id, task.version, '核实无误');
      expect((await rows())[0].results).toHaveLength(1);
    });
  });

  it('R-26: one re-check for the owning province, due screening.recheckWorkingDays working days on the calendar; configurable', async () => {
    const c = await published(scBatch);
    m.clock.set('2026-02-10T02:00:00Z'); // Spring Festival 2026 falls inside the 15 working days
    try {
      const row = await suspension.suspendCertificate(national, c.id, '疑似重复发证');
      const calendar = await m.get(CalendarService).calendar();
      expect(row).toMatchObject({
        certificateId: c.id,
        certificateNumber: c.certificateNumber,
        provinceId: sc.province.id,
        provinceName: sc.province.name,
        institutionName: sc.institution.name,
        status: 'open',
        statusLabel: '待复核',
        suspendReason: '疑似重复发证',
        dueDate: computeDeadline(calendar, 'recheck', '2026-02-10').due,
        overdue: false,
        workingDaysLeft: 15,
        version: 1,
      });
      expect(row.dueDate).toBe('2026-03-09');
      expect(row.idNumberMasked).toBe(c.idNumberMasked);
      expect(await m.dataSource.getRepository(Recheck).countBy({ certificateId: c.id })).toBe(1);

      m.config.screening.recheckWorkingDays = 5;
      const other = await suspension.suspendCertificate(national, (await published(scBatch)).id, '另一线索');
      expect(other.dueDate).toBe(calendar.workingDayAfter('2026-02-10', 5));
      // 11, 12, 13 and the adjusted working Saturday 14 February, then the first day after the holiday.
      expect(other.dueDate).toBe('2026-02-24');
    } finally {
      m.config.screening.recheckWorkingDays = 15;
      m.clock.set('2026-01-15T02:00:00Z');
    }
  });

  it('R-26: unpublished or already suspended → 422 with the reason; concurrent suspends of one certificate: exactly one wins', async () => {
    const [draft] = await m.factories.certificates(gdBatch, 1, { status: 'in_review' });
    await expect(suspension.suspendCertificate(national, draft.id, '测试')).rejects.toMatchObject({
      code: 'CERTIFICATE_NOT_PUBLISHED',
      message: expect.stringContaining('尚未发布'),
    });
    const c = await published();
    // A flag names the certificates it concerns; another one is refused with its reason.
    const elsewhere = await raise('under_age', [await published()]);
    await expect(suspension.suspendCertificate(national, c.id, '测试', elsewhere.id)).rejects.toMatchObject({
      code: 'CERTIFICATE_NOT_IN_FLAG',
    });
    expect(await lookupStatus(c.id)).toBe('visible');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => suspension.suspendCertificate(national, c.id, '并发暂停')),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      expect(o.reason).toMatchObject({ code: 'CERTIFICATE_ALREADY_SUSPENDED' });
    }
    expect(await m.dataSource.getRepository(Recheck).countBy({ certificateId: c.id })).toBe(1);
    await expect(suspension.suspendCertificate(national, c.id, '再次暂停')).rejects.toMatchObject({
      code: 'CERTIFICATE_ALREADY_SUSPENDED',
    });
    const audits = await m.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'certificate.suspend', targetId: String(c.id) });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].before!)).toMatchObject({ lookupStatus: 'visible' });
    expect(JSON.parse(audits[0].after!)).toMatchObject({ lookupStatus: 'suspended', reason: '并发暂停' });
  });

  it('R-26: a flag suspends what it can and lists the others with their reason; none suspendable → 422 and nothing changes', async () => {
    const visible = await published();
    const already = await published();
    await suspension.suspendCertificate(national, already.id, '先行暂停');
    const [unpublished] = await m.factories.certificates(gdBatch, 1, { status: 'in_review' });
    const flag = await raise('frequent_holder', [visible, already, unpublished]);

    const result = await suspension.suspendFlag(national, flag.id, '同一人短期多次取证');
    expect(result.rechecks.map((r) => r.certificateId)).toEqual([visible.id]);
    expect(result.rechecks[0]).toMatchObject({ flagId: flag.id, flagRuleLabel: '同一证件号码短期内多次取证' });
    expect(result.skipped).toEqual([
      {
        certificateId: already.id,
        certificateNumber: already.certificateNumber,
        reason: expect.stringContaining('已暂停查询'),
      },
      {
        certificateId: unpublished.id,
        certificateNumber: unpublished.certificateNumber,
        reason: expect.stringContaining('尚未发布'),
      },
    ]);
    expect(result.flag).toMatchObject({
      id: flag.id,
      status: 'suspended',
      statusLabel: '已暂停查询 · 复核中',
      decisionReason: '同一人短期多次取证',
      decidedByName: national.displayName,
      version: 2,
    });
    expect(await lookupStatus(visible.id)).toBe('suspended');

    // Nothing left to suspend: refused whole, the flag as it was.
    await expect(suspension.suspendFlag(national, flag.id, '再来一次')).rejects.toMatchObject({
      code: 'FLAG_NOTHING_TO_SUSPEND',
    });
    expect((await m.dataSource.getRepository(Flag).findOneByOrFail({ id: flag.id })).version).toBe(2);
    // A suspended flag cannot be dismissed; a dismissed one cannot be suspended.
    await expect(flags.dismiss(national, flag.id, '误报')).rejects.toMatchObject({ code: 'FLAG_ALREADY_DECIDED' });
    const other = await raise('similar_number', [await published()]);
    await flags.dismiss(national, other.id, '编号规则不同，非重复');
    await expect(suspension.suspendFlag(national, other.id, '暂停')).rejects.toMatchObject({
      code: 'FLAG_ALREADY_DECIDED',
    });
  });

  it('R-3, R-25: a flag concerning two provinces is seen by both, each with only its own certificates; a city sees its own', async () => {
    const mine = await published(gdBatch);
    const theirs = await published(scBatch);
    const flag = await raise('duplicate_award', [mine, theirs]);
    const list = async (actor: Actor, filter: Record<string, unknown> = {}) =>
      flags.list(
        actor,
        parseListQuery({ filter: JSON.stringify({ ...filter, certificateId: mine.id }), range: '[0,9]' }, FLAG_LIST),
      );
    expect((await list(national)).rows.map((r) => r.certificateIds)).toEqual([[mine.id, theirs.id]]);
    expect((await list(gdReviewer)).rows.map((r) => [r.id, r.certificateIds, r.certificateCount])).toEqual([
      [flag.id, [mine.id], 2],
    ]);
    expect((await list(gdCity)).rows.map((r) => r.id)).toEqual([flag.id]);
    const scRows = await flags.list(
      scReviewer,
      parseListQuery({ filter: JSON.stringify({ certificateId: theirs.id }), range: '[0,9]' }, FLAG_LIST),
    );
    expect(scRows.rows.map((r) => [r.id, r.certificateNumbers])).toEqual([[flag.id, [theirs.certificateNumber]]]);
    const detail = await flags.get(scReviewer, flag.id);
    expect(detail.certificates.map((c) => c.id)).toEqual([theirs.id]);
    expect(detail.unlisted).toBe(1);
    expect(detail.certificates[0].idNumberMasked).toBe(theirs.idNumberMasked);
    expect(JSON.stringify(detail)).not.toContain(idNumbers.get(theirs.id));
    // organisationId narrows to a subtree, within the jurisdiction: Sichuan as the region leaves Guangdong's view empty.
    expect((await list(gdReviewer, { organisationId: sc.province.id })).rows).toEqual([]);
    expect((await list(national, { organisationId: sc.institution.id })).rows.map((r) => r.id)).toEqual([flag.id]);
    const summary = await flags.summary(gdCity);
    expect(summary).toHaveLength(9);
    expect(summary.find((s) => s.rule === 'duplicate_award')?.open).toBeGreaterThanOrEqual(1);
    expect(summary.find((s) => s.rule === 'volume_spike')).toEqual({
      rule: 'volume_spike',
      ruleLabel: '机构月发证量异常',
      open: 0,
      dismissed: 0,
      suspended: 0,
    });
  });

  it("R-3: a province reads neither another province's certificate numbers in a shared flag's summary nor, by asking after one of its certificates, the flags it shares", async () => {
    const mine = await published(gdBatch, { certificateNumber: 'S4401062026 99001' });
    const theirs = await published(scBatch, { certificateNumber: 'S44010 6202699001' });
    const flag = await raise('similar_number', [mine, theirs], {
      summary: `证书编号 ${mine.certificateNumber}、${theirs.certificateNumber} 规范化后相同（S440106202699001）`,
      figures: { numberKey: 'S440106202699001' },
    });
    const rowOf = async (actor: Actor, certificateId: number) =>
      (
        await flags.list(
          actor,
          parseListQuery({ filter: JSON.stringify({ certificateId }), range: '[0,9]' }, FLAG_LIST),
        )
      ).rows.find((r) => r.id === flag.id);
    // National sees every certificate: the summary as written.
    expect((await rowOf(national, mine.id))?.summary).toContain(theirs.certificateNumber);
    for (const [actor, own, other] of [
      [gdReviewer, mine, theirs],
      [scReviewer, theirs, mine],
      [gdCity, mine, theirs],
    ] as const) {
      const row = await rowOf(actor, own.id);
      expect(row?.summary).toBe(
        `证书编号 ${own.certificateNumber} 与另外 1 本证书的编号规范化后相同（S440106202699001，那些证书不在您的管辖范围内）`,
      );
      const detail = await flags.get(actor, flag.id);
      expect(detail.summary).toBe(row?.summary);
      expect(JSON.stringify([row, detail])).not.toContain(other.certificateNumber);
      // Asking after the other province's certificate finds nothing, though the flag is the caller's too.
      expect(await rowOf(actor, other.id)).toBeUndefined();
    }

    // A holder's flag is summarised from the caller's own record: its name and count of those outside.
    const a = await published(gdBatch, { holderName: '李雷' });
    const b = await published(scBatch, { holderName: '李磊', idNumber: idNumbers.get(a.id) });
    const held = await raise('frequent_holder', [a, b], {
      summary: `李磊（${b.idNumberMasked}）在 30 天内取得 2 本证书（阈值 2）`,
      figures: { count: 2, threshold: 2, days: 30 },
    });
    expect((await flags.get(gdReviewer, held.id)).summary).toBe(
      `李雷（${a.idNumberMasked}）在 30 天内取得 2 本证书（阈值 2）（其中 1 本不在您的管辖范围内）`,
    );
    expect((await flags.get(national, held.id)).summary).toBe(held.summary);
  });

  it('R-26: a suspended flag tells its re-checks apart — 复核中 while one is open, 复核完毕 once each is decided — each centre counting its own', async () => {
    const mine = await published(gdBatch);
    const theirs = await published(scBatch);
    const flag = await raise('duplicate_award', [mine, theirs]);
    const row = async (actor: Actor) => (await flags.rows(actor, [await flags.within(actor, flag.id)]))[0];
    expect(await row(national)).toMatchObject({
      statusLabel: '待处理',
      rechecks: { open: 0, restored: 0, confirmed: 0 },
    });
    await suspension.suspendFlag(national, flag.id, '同一人重复取证');
    expect(await row(national)).toMatchObject({
      statusLabel: '已暂停查询 · 复核中',
      rechecks: { open: 2, restored: 0, confirmed: 0 },
    });
    const [task] = (
      await rechecks.list(
        gdReviewer,
        parseListQuery({ filter: JSON.stringify({ certificateId: mine.id }), range: '[0,9]' }, RECHECK_LIST),
      )
    ).rows;
    await rechecks.restore(gdReviewer, task.id, task.version, '核实无误');
    // Guangdong has decided its own; Sichuan still re-checks, and national sees both.
    expect(await row(gdReviewer)).toMatchObject({
      statusLabel: '已暂停查询 · 复核完毕',
      rechecks: { open: 0, restored: 1, confirmed: 0 },
    });
    expect(await row(scReviewer)).toMatchObject({
      statusLabel: '已暂停查询 · 复核中',
      rechecks: { open: 1, restored: 0, confirmed: 0 },
    });
    expect((await row(national)).rechecks).toEqual({ open: 1, restored: 1, confirmed: 0 });
  });

  it("R-25: a page of flags lists each flag's first 50 certificates within the jurisdiction, the count stays whole", async () => {
    const many = await m.factories.certificates(gdBatch, 55, { status: 'published', lookupStatus: 'visible' });
    const pair = [await published(gdBatch), await published(gdBatch)];
    const big = await raise('volume_spike', many);
    const small = await raise('frequent_holder', pair);
    const page = await flags.list(
      national,
      parseListQuery(
        { filter: JSON.stringify({ id: [big.id, small.id] }), range: '[0,9]', sort: '["id","ASC"]' },
        FLAG_LIST,
      ),
    );
    const byId = new Map(page.rows.map((r) => [r.id, r]));
    const sortedIds = many.map((c) => c.id).sort((a, b) => a - b);
    expect(byId.get(big.id)).toMatchObject({ certificateCount: 55, certificateIds: sortedIds.slice(0, 50) });
    expect(byId.get(big.id)?.certificateNumbers).toHaveLength(50);
    expect(byId.get(small.id)).toMatchObject({ certificateCount: 2, certificateIds: pair.map((c) => c.id) });
  });

  it('R-26: only the owning province decides — another province 404, a decided task 409, a stale version 409; confirm stays suspended and reaches the corrections seam', async () => {
    const c = await published();
    const task = await suspension.suspendCertificate(national, c.id, '待复核');
    await expect(rechecks.restore(scReviewer, task.id, task.version, '恢复')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(rechecks.get(scReviewer, task.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rechecks.restore(gdReviewer, task.id, task.version + 1, '恢复')).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    const confirmed: unknown[] = [];
    m.get(RecheckConfirmations).onConfirmed((_manager, c2) => {
      confirmed.push(c2);
      return Promise.resolve();
    });
    const row = await rechecks.confirm(gdReviewer, task.id, task.version, '证书信息确有错误', 'correct');
    expect(row).toMatchObject({
      status: 'confirmed',
      statusLabel: '已确认问题',
      outcome: 'correct',
      outcomeLabel: '更正证书',
      decisionReason: '证书信息确有错误',
      decidedByName: gdReviewer.displayName,
      dueText: null,
      workingDaysLeft: null,
      version: 2,
    });
    expect(confirmed).toEqual([
      expect.objectContaining({ recheckId: task.id, certificateId: c.id, outcome: 'correct' }),
    ]);
    expect(await lookupStatus(c.id)).toBe('suspended');
    await expect(rechecks.restore(gdReviewer, task.id, 2, '恢复')).rejects.toMatchObject({
      code: 'RECHECK_ALREADY_DECIDED',
    });
    const [audit] = await m.dataSource
      .getRepository(AuditLog)
      .findBy({ action: 'recheck.confirm', targetId: String(task.id) });
    expect(JSON.parse(audit.before!)).toMatchObject({ status: 'open', lookupStatus: 'suspended' });
    expect(JSON.parse(audit.after!)).toMatchObject({
      status: 'confirmed',
      outcome: 'correct',
      lookupStatus: 'suspended',
    });
    // The certificate's history: published, suspended, confirmed — newest first.
    const list = await rechecks.list(
      gdReviewer,
      parseListQuery({ filter: JSON.stringify({ certificateId: c.id }), range: '[0,9]' }, RECHECK_LIST),
    );
    expect(list.rows.map((r) => r.id)).toEqual([task.id]);
  });

  it('R-26, R-35: open re-checks are on the deadline board of the province (merged with batches by due date) and in its reviewers’ reminders', async () => {
    const c = await published();
    const task = await suspension.suspendCertificate(national, c.id, '看板与提醒');
    const operator = await m.factories.user(gd.institution, ['institution_operator']);
    const early = await m.factories.batch(gd.institution, operator, {
      status: 'municipal_review',
      dueDate: '2026-01-20',
    });
    const late = await m.factories.batch(gd.institution, operator, {
      status: 'municipal_review',
      dueDate: '2026-03-31',
    });
    const board = m.get(DeadlineBoardService);
    const page = await board.list(
      gdReviewer,
      parseListQuery({ range: '[0,499]', filter: JSON.stringify({}) }, DEADLINE_LIST),
    );
    const ids = page.rows.map((r) => r.id);
    expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(`recheck-${task.id}`));
    expect(ids.indexOf(`recheck-${task.id}`)).toBeLessThan(ids.indexOf(late.id));
    expect(page.total).toBe(page.rows.length);
    expect(page.rows.find((r) => r.id === `recheck-${task.id}`)).toMatchObject({
      kind: 'recheck',
      recheckId: task.id,
      certificateId: c.id,
      certificateNumber: c.certificateNumber,
      dueDate: task.dueDate,
      responsibleOrganisationId: gd.province.id,
      responsibleRole: '省级审核员',
      linkPath: `/rechecks/${task.id}/show`,
    });
    const onlyRechecks = await board.list(
      gdReviewer,
      parseListQuery({ range: '[0,499]', filter: JSON.stringify({ kind: 'recheck' }) }, DEADLINE_LIST),
    );
    expect(onlyRechecks.rows.every((r) => r.kind === 'recheck')).toBe(true);
    expect(onlyRechecks.rows.map((r) => r.id)).toContain(`recheck-${task.id}`);
    // Sichuan's reviewer does not see Guangdong's re-check.
    const scBoard = await board.list(scReviewer, parseListQuery({ range: '[0,499]' }, DEADLINE_LIST));
    expect(scBoard.rows.map((r) => r.id)).not.toContain(`recheck-${task.id}`);

    // Three working days before the due date the province's reviewers are reminded; overdue, its administrator too.
    const reminders = m.get(RemindersService);
    const calendar = await m.get(CalendarService).calendar();
    m.clock.set(`${workingDaysBefore(calendar, task.dueDate, 3)}T01:00:00Z`);
    try {
      const soon = (await reminders.items()).items.filter((i) => i.kind === 'recheck' && i.subjectId === task.id);
      expect(soon).toEqual([
        expect.objectContaining({
          event: 'due_soon',
          workingDaysLeft: 3,
          responsibleOrganisationId: gd.province.id,
          responsibleRole: 'provincial_reviewer',
          linkPath: `/rechecks/${task.id}/show`,
          escalationTarget: null,
        }),
      ]);
      expect((await reminders.mine(gdReviewer)).map((i) => i.linkPath)).toContain(`/rechecks/${task.id}/show`);
      expect((await reminders.mine(scReviewer)).map((i) => i.linkPath)).not.toContain(`/rechecks/${task.id}/show`);
      m.clock.set(`${calendar.workingDayAfter(task.dueDate, 1)}T01:00:00Z`);
      const overdue = (await reminders.items()).items.filter((i) => i.kind === 'recheck' && i.subjectId === task.id);
      expect(overdue).toEqual([
        expect.objectContaining({
          event: 'overdue',
          overdueWorkingDays: 1,
          escalationTarget: { organisationId: gd.province.id, role: 'provincial_admin' },
        }),
      ]);
    } finally {
      m.clock.set('2026-01-15T02:00:00Z');
    }
    // Decided, it leaves the board.
    await rechecks.restore(gdReviewer, task.id, task.version, '恢复');
    const after = await board.list(gdReviewer, parseListQuery({ range: '[0,499]' }, DEADLINE_LIST));
    expect(after.rows.map((r) => r.id)).not.toContain(`recheck-${task.id}`);
  });
});
