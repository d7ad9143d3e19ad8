import type { FlagDetail, FlagRow, RecheckRow, SuspendFlagResult } from '@app/contracts';
import type { ScreeningRule } from '@app/domain';
import { UnitOfWork } from '../../apps/api/src/database/unit-of-work';
import { ScreeningRepository } from '../../apps/api/src/screening/screening.repository';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const GZ1 = '广州市白云区粤厨职业培训学校';
const CD1 = '成都市锦江区蜀味烹饪职业技能培训学校';

type Method = 'get' | 'post';

// the HTTP contract of flags, suspension, re-checks and certificate history against the real app
// with the demo data (today 2026-11-23), and who may do what: 200 inside the jurisdiction, 404 outside it, 403 for a
// role without the action.
describe('screening flags, suspension and re-check (e2e)', () => {
  let t: TestApp;
  let runs = 0;
  /** Published, visible certificates of a Guangzhou and a Chengdu institution. */
  let gz: number[];
  let cd: number[];
  let unpublished: number;

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  async function call(username: string, method: Method, path: string, body?: object) {
    const req = t.http[method](path).set(await as(username));
    return body ? req.send(body) : req;
  }

  async function certificatesOf(institution: string, status: string, visible: boolean): Promise<number[]> {
    const id = await organisationId(t.dataSource, institution);
    const rows: { id: number }[] = await t.dataSource.query(
      `SELECT id FROM certificates WHERE institution_id = ? AND status = ? AND ${visible ? "lookup_status = 'visible'" : 'lookup_status IS NULL'} ORDER BY id LIMIT 4`,
      [id, status],
    );
    return rows.map((r) => Number(r.id));
  }

  /** A flag as the screening job raises it (the job's own repository), over the given certificates. */
  async function raise(rule: ScreeningRule, certificateIds: number[]): Promise<number> {
    runs += 1;
    const fingerprint = `e2e-${rule}-${runs}`.padEnd(64, '0');
    await t.app.get(UnitOfWork).run((manager) =>
      t.app.get(ScreeningRepository).raise(
        manager,
        [
          {
            rule,
            fingerprint,
            summary: `端到端测试线索 ${runs}`,
            evidence: JSON.stringify({ rule, figures: { count: certificateIds.length, threshold: 3, days: 30 } }),
            certificateIds,
          },
        ],
        new Date('2026-11-22T18:00:00Z'),
        -runs,
      ),
    );
    const [row] = await t.dataSource.query('SELECT id FROM flags WHERE fingerprint = ?', [fingerprint]);
    return Number(row.id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    gz = await certificatesOf(GZ1, 'published', true);
    cd = await certificatesOf(CD1, 'published', true);
    const unpublishedIds: { id: number }[] = await t.dataSource.query(
      "SELECT id FROM certificates WHERE status <> 'published' ORDER BY id LIMIT 1",
    );
    unpublished = Number(unpublishedIds[0].id);
    expect(gz.length).toBeGreaterThanOrEqual(4);
    expect(cd.length).toBeGreaterThanOrEqual(1);
  }, 120_000);
  afterAll(() => t.close());

  it('flags: react-admin list with filters and Content-Range, summary of every rule, detail with masked certificates, dismiss (R-25, R-26)', async () => {
    const flag = await raise('frequent_holder', [gz[0], gz[1], cd[0]]);
    const list = await call(
      'nat_reviewer',
      'get',
      `/api/admin/flags?filter=${encodeURIComponent(JSON.stringify({ id: [flag], certificateId: gz[0], status: 'open', rule: 'frequent_holder' }))}&sort=["raisedAt","DESC"]&range=[0,9]`,
    );
    expect(list.status).toBe(200);
    expect(list.headers['content-range']).toBe('flags 0-0/1');
    const row = (list.body as FlagRow[])[0];
    expect(row).toEqual({
      id: flag,
      rule: 'frequent_holder',
      ruleLabel: '同一证件号码短期内多次取证',
      status: 'open',
      statusLabel: '待处理',
      summary: expect.stringContaining('端到端测试线索'),
      certificateCount: 3,
      certificateIds: [gz[0], gz[1], cd[0]],
      certificateNumbers: [expect.any(String), expect.any(String), expect.any(String)],
      institutionNames: [GZ1, CD1],
      raisedAt: '2026-11-22T18:00:00.000Z',
      decidedAt: null,
      decidedByName: null,
      decisionReason: null,
      rechecks: { open: 0, restored: 0, confirmed: 0 },
      version: 1,
    });
    const region = await organisationId(t.dataSource, '四川省职业技能鉴定指导中心');
    const narrowed = await call(
      'nat_admin',
      'get',
      `/api/admin/flags?filter=${encodeURIComponent(JSON.stringify({ organisationId: region, id: [flag] }))}`,
    );
    expect((narrowed.body as FlagRow[]).map((f) => f.id)).toContain(flag);
    expect((await call('nat_admin', 'get', '/api/admin/flags?filter={"rule":"nonsense"}')).status).toBe(400);

    const summary = await call('gd_reviewer', 'get', '/api/admin/flags/summary');
    expect(summary.status).toBe(200);
    expect(summary.body).toHaveLength(9);
    expect(summary.body).toContainEqual(
      expect.objectContaining({
        rule: 'frequent_holder',
        ruleLabel: '同一证件号码短期内多次取证',
        open: expect.any(Number),
      }),
    );

    const detail = await call('gd_reviewer', 'get', `/api/admin/flags/${flag}`);
    expect(detail.status).toBe(200);
    const body = detail.body as FlagDetail;
    expect(body.figures).toEqual({ count: 3, threshold: 3, days: 30 });
    expect(body.figureLabels).toEqual({ count: '数量', threshold: '阈值', days: '天数' });
    // Guangdong's reviewer sees Guangdong's certificates of the flag only; the Chengdu one is counted, not shown.
    expect(body.certificates.map((c) => c.id)).toEqual([gz[0], gz[1]]);
    expect(body.unlisted).toBe(1);
    expect(body.certificates[0]).toMatchObject({
      institutionName: GZ1,
      status: 'published',
      statusLabel: '已发布',
      lookupStatus: 'visible',
      lookupStatusLabel: '可查询',
      openRecheckId: null,
      idNumberMasked: expect.stringMatching(/\*{6,}/),
    });
    expect(Object.keys(body.certificates[0])).not.toContain('idNumberEnc');

    expect((await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/dismiss`, {})).body).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/dismiss`, { reason: '   ' })).status).toBe(
      400,
    );
    const dismissed = await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/dismiss`, {
      reason: '同名不同人，已核实',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({
      id: flag,
      status: 'dismissed',
      statusLabel: '已排除',
      decisionReason: '同名不同人，已核实',
      decidedByName: '李静',
      version: 2,
    });
    const again = await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/dismiss`, { reason: '再次排除' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'FLAG_ALREADY_DECIDED', message: expect.stringContaining('已排除') });
    const suspendDismissed = await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/suspend`, { reason: '暂停' });
    expect(suspendDismissed.status).toBe(409);
    const audit = await call(
      'nat_admin',
      'get',
      `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ action: 'flag.dismiss' }))}`,
    );
    expect(audit.body[0]).toMatchObject({
      actionLabel: '排除疑似问题',
      targetName: `疑似问题 #${flag} · 同一证件号码短期内多次取证`,
    });
    expect(audit.body[0].before).toMatchObject({ status: 'open' });
    expect(audit.body[0].after).toMatchObject({ status: 'dismissed', reason: '同名不同人，已核实' });
  });

  it('suspension, re-check and history: the HTTP contract (R-26, R-33)', async () => {
    const refused = await call('nat_reviewer', 'post', `/api/admin/certificates/${unpublished}/suspend`, {
      reason: '测试',
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'CERTIFICATE_NOT_PUBLISHED',
      message: expect.stringContaining('尚未发布'),
    });

    const flag = await raise('duplicate_award', [gz[2], gz[3]]);
    // One certificate first, for the flag; then the flag: the first is skipped as already suspended.
    const one = await call('nat_reviewer', 'post', `/api/admin/certificates/${gz[2]}/suspend`, {
      reason: '重复发证',
      flagId: flag,
    });
    expect(one.status).toBe(200);
    const recheck = one.body as RecheckRow;
    expect(recheck).toMatchObject({
      certificateId: gz[2],
      flagId: flag,
      flagRuleLabel: '同一人同职业同等级同类别重复发证',
      provinceName: '广东省职业技能服务指导中心',
      institutionName: GZ1,
      suspendReason: '重复发证',
      suspendedByName: '李静',
      status: 'open',
      statusLabel: '待复核',
      overdue: false,
      workingDaysLeft: 15,
      dueText: expect.stringContaining('剩余 15 个工作日'),
      outcome: null,
      version: 1,
    });
    expect(
      (await call('nat_reviewer', 'post', `/api/admin/certificates/${gz[2]}/suspend`, { reason: '再次' })).body,
    ).toMatchObject({
      statusCode: 422,
      code: 'CERTIFICATE_ALREADY_SUSPENDED',
    });
    const cert = await call('gz_admin', 'get', `/api/admin/certificates/${gz[2]}`);
    expect(cert.body).toMatchObject({ status: 'published', lookupStatus: 'suspended', lookupStatusLabel: '暂停查询' });

    const all = await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/suspend`, { reason: '整条线索暂停' });
    expect(all.status).toBe(200);
    const result = all.body as SuspendFlagResult;
    expect(result.flag).toMatchObject({ id: flag, status: 'suspended' });
    expect(result.rechecks.map((r) => r.certificateId)).toEqual([gz[3]]);
    expect(result.skipped).toEqual([
      {
        certificateId: gz[2],
        certificateNumber: recheck.certificateNumber,
        reason: expect.stringContaining('已暂停查询'),
      },
    ]);
    expect(
      (await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/suspend`, { reason: '再来' })).body,
    ).toMatchObject({
      statusCode: 422,
      code: 'FLAG_NOTHING_TO_SUSPEND',
    });

    const queue = await call(
      'gd_reviewer',
      'get',
      `/api/admin/rechecks?filter=${encodeURIComponent(JSON.stringify({ status: 'open', certificateId: gz[3] }))}&range=[0,24]`,
    );
    expect(queue.status).toBe(200);
    expect(queue.headers['content-range']).toBe('rechecks 0-0/1');
    const second = (queue.body as RecheckRow[])[0];
    expect((await call('gd_reviewer', 'get', '/api/admin/rechecks?filter={"due":"overdue"}')).status).toBe(200);
    expect((await call('gd_reviewer', 'get', `/api/admin/rechecks/${second.id}`)).body).toEqual(second);

    const board = await call('gd_reviewer', 'get', '/api/admin/deadlines?filter={"kind":"recheck"}&range=[0,99]');
    expect(board.status).toBe(200);
    expect(board.body).toContainEqual(
      expect.objectContaining({ id: `recheck-${second.id}`, kind: 'recheck', linkPath: `/rechecks/${second.id}/show` }),
    );

    const stale = await call('gd_reviewer', 'post', `/api/admin/rechecks/${recheck.id}/restore`, {
      reason: '恢复',
      version: 9,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(
      (await call('gd_reviewer', 'post', `/api/admin/rechecks/${recheck.id}/restore`, { version: 1 })).status,
    ).toBe(400);
    const restored = await call('gd_reviewer', 'post', `/api/admin/rechecks/${recheck.id}/restore`, {
      reason: '核实无误',
      version: 1,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({
      status: 'restored',
      statusLabel: '已恢复查询',
      decidedByName: '黄丽萍',
      dueText: null,
    });
    const decided = await call('gd_reviewer', 'post', `/api/admin/rechecks/${recheck.id}/restore`, {
      reason: '再次',
      version: 2,
    });
    expect(decided.status).toBe(409);
    expect(decided.body.code).toBe('RECHECK_ALREADY_DECIDED');

    const badOutcome = await call('gd_reviewer', 'post', `/api/admin/rechecks/${second.id}/confirm`, {
      reason: '确有问题',
      version: 1,
      outcome: 'erase',
    });
    expect(badOutcome.status).toBe(400);
    const confirmed = await call('gd_reviewer', 'post', `/api/admin/rechecks/${second.id}/confirm`, {
      reason: '确有问题',
      version: 1,
      outcome: 'delete',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', outcome: 'delete', outcomeLabel: '删除证书' });

    const history = await call('gz_admin', 'get', `/api/admin/certificates/${gz[2]}/history`);
    expect(history.status).toBe(200);
    // This test's steps (the demo data may hold flags of its own about the certificate).
    const ours = (history.body as { kind: string; flagId: number | null; recheckId: number | null }[]).filter(
      (e) => e.kind === 'published' || e.flagId === flag || e.recheckId === recheck.id,
    );
    expect(ours.map((e) => e.kind)).toEqual(['restored', 'suspended', 'flag_raised', 'published']);
    expect(ours[0]).toMatchObject({
      label: '复核后恢复查询',
      actorName: '黄丽萍',
      organisationName: '广东省职业技能服务指导中心',
      reason: '核实无误',
      recheckId: recheck.id,
    });
    expect(ours[1]).toMatchObject({
      label: '暂停查询',
      reason: '重复发证',
      flagId: flag,
      detail: '同一人同职业同等级同类别重复发证',
    });
    // The institution sees its certificate suspended and restored, not what screening suspected.
    const own = await call('inst_gz1', 'get', `/api/admin/certificates/${gz[2]}/history`);
    expect(own.status).toBe(200);
    expect(own.body.filter((e: { recheckId: number | null }) => e.recheckId === recheck.id)).toEqual([
      expect.objectContaining({ kind: 'restored', flagId: null }),
      expect.objectContaining({ kind: 'suspended', flagId: null, detail: null, reason: '重复发证' }),
    ]);
    expect(own.body.some((e: { kind: string }) => e.kind.startsWith('flag_'))).toBe(false);
    const actions = await call(
      'nat_admin',
      'get',
      `/api/admin/audit-logs?range=[0,49]&filter=${encodeURIComponent(JSON.stringify({ targetType: 'recheck' }))}`,
    );
    expect(actions.body.map((a: { actionLabel: string }) => a.actionLabel)).toEqual(
      expect.arrayContaining(['复核后恢复查询', '复核确认问题']),
    );
    expect(actions.body.find((a: { targetId: string }) => a.targetId === String(recheck.id))).toMatchObject({
      targetName: `复核任务 #${recheck.id} · 证书编号 ${recheck.certificateNumber}`,
    });
  });

  it('R-3 jurisdiction: every role × every endpoint — 200 inside, 404 outside, 403 without the action', async () => {
    const flag = await raise('similar_number', [gz[0]]);
    const suspended = await call('nat_reviewer', 'post', `/api/admin/certificates/${gz[1]}/suspend`, {
      reason: '矩阵测试',
    });
    const recheck = (suspended.body as RecheckRow).id;
    const reads: [string, string][] = [
      ['flags list', '/api/admin/flags?range=[0,499]'],
      ['flag', `/api/admin/flags/${flag}`],
      ['summary', '/api/admin/flags/summary'],
      ['rechecks list', '/api/admin/rechecks?range=[0,499]'],
      ['recheck', `/api/admin/rechecks/${recheck}`],
      ['history', `/api/admin/certificates/${gz[1]}/history`],
    ];
    // Per account: the statuses of the reads above, then whether the lists show the flag and the re-check.
    const expected: Record<string, { reads: number[]; sees: boolean }> = {
      nat_reviewer: { reads: [200, 200, 200, 200, 200, 200], sees: true },
      nat_admin: { reads: [200, 200, 200, 200, 200, 200], sees: true },
      gd_reviewer: { reads: [200, 200, 200, 200, 200, 200], sees: true },
      gd_admin: { reads: [200, 200, 200, 200, 200, 200], sees: true },
      sc_reviewer: { reads: [200, 404, 200, 200, 404, 404], sees: false },
      gz_admin: { reads: [200, 200, 200, 200, 200, 200], sees: true },
      gz_head: { reads: [200, 200, 200, 200, 200, 200], sees: true },
      sz_admin: { reads: [200, 404, 200, 200, 404, 404], sees: false },
      cd_admin: { reads: [200, 404, 200, 200, 404, 404], sees: false },
      inst_gz1: { reads: [403, 403, 403, 403, 403, 200], sees: false },
      inst_cd1: { reads: [403, 403, 403, 403, 403, 404], sees: false },
      auditor: { reads: [403, 403, 403, 403, 403, 403], sees: false },
    };
    const got: Record<string, { reads: number[]; sees: boolean }> = {};
    for (const account of Object.keys(expected)) {
      const statuses: number[] = [];
      let sees = false;
      for (const [name, path] of reads) {
        const res = await call(account, 'get', path);
        statuses.push(res.status);
        if (name === 'flags list' && res.status === 200) sees = (res.body as FlagRow[]).some((f) => f.id === flag);
        if (name === 'rechecks list' && res.status === 200) {
          expect((res.body as RecheckRow[]).some((r) => r.id === recheck)).toBe(sees);
        }
      }
      got[account] = { reads: statuses, sees };
    }
    expect(got).toEqual(expected);

    // Decisions: only national_reviewer decides flags and suspends; only the owning province's reviewer decides
    // re-checks (another province: 404). Refusals first, so nothing has changed when the allowed call runs.
    const decisions: [string, string, object, Record<string, number>][] = [
      [
        'dismiss',
        `/api/admin/flags/${flag}/dismiss`,
        { reason: '矩阵' },
        { nat_admin: 403, gd_reviewer: 403, gz_admin: 403, inst_gz1: 403, auditor: 403 },
      ],
      [
        'flag suspend',
        `/api/admin/flags/${flag}/suspend`,
        { reason: '矩阵' },
        { nat_admin: 403, gd_reviewer: 403, gz_admin: 403, inst_gz1: 403 },
      ],
      [
        'suspend',
        `/api/admin/certificates/${gz[0]}/suspend`,
        { reason: '矩阵' },
        { nat_admin: 403, gd_admin: 403, sc_reviewer: 403, inst_gz1: 403 },
      ],
      [
        'restore',
        `/api/admin/rechecks/${recheck}/restore`,
        { reason: '矩阵', version: 1 },
        { nat_reviewer: 403, nat_admin: 403, gd_admin: 403, sc_reviewer: 404, gz_admin: 403, inst_gz1: 403 },
      ],
      [
        'confirm',
        `/api/admin/rechecks/${recheck}/confirm`,
        { reason: '矩阵', version: 1, outcome: 'delete' },
        { nat_reviewer: 403, gd_admin: 403, sc_reviewer: 404, gz_head: 403, inst_gz1: 403 },
      ],
    ];
    for (const [name, path, body, refusals] of decisions) {
      const statuses: Record<string, number> = {};
      for (const account of Object.keys(refusals)) statuses[account] = (await call(account, 'post', path, body)).status;
      expect({ name, statuses }).toEqual({ name, statuses: refusals });
    }
    expect((await call('nat_reviewer', 'post', `/api/admin/flags/${flag}/dismiss`, { reason: '矩阵' })).status).toBe(
      200,
    );
    expect(
      (await call('gd_reviewer', 'post', `/api/admin/rechecks/${recheck}/restore`, { reason: '矩阵', version: 1 }))
        .status,
    ).toBe(200);
  });
});
