import type {
  DashboardView,
  DataAdminCoverageGap,
  DataAdministratorDetail,
  DataAdministratorRow,
} from '@app/contracts';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const GZ = '广州市职业技能鉴定指导中心';
const CD = '成都市职业技能鉴定指导中心';

type Method = 'get' | 'post';

const FORM = {
  position: '科员',
  officePhone: '020-83219999',
  mobile: '13600001111',
  qq: '88886666',
  publicContact: '020-83212300',
};

// R-4 (附件2): the HTTP contract of the data administrators against the real app and the demo data — shapes, masking,
// the head's approval with its handover, refusals (404 outside the jurisdiction, 403 for the wrong role, 409 stale,
// 422 ineligible or invalid), the coverage and the dashboard warning for 四川, and the audit trail.
describe('data administrators (e2e)', () => {
  let t: TestApp;
  let gzId: number;
  let cdId: number;
  let newAdminId: number;

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  async function call(username: string, method: Method, path: string, body?: object) {
    const req = t.http[method](path).set(await as(username));
    return body ? req.send(body) : req;
  }
  const list = async (username: string, filter: object = {}) =>
    call(username, 'get', `/api/admin/data-administrators?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  const userId = async (username: string) =>
    Number((await t.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id);

  beforeAll(async () => {
    t = await createTestApp();
    gzId = await organisationId(t.dataSource, GZ);
    cdId = await organisationId(t.dataSource, CD);
  }, 120_000);
  afterAll(() => t.close());

  it('lists the demo administrators within jurisdiction, mobiles masked, with Content-Range', async () => {
    const gd = await list('gd_admin');
    expect(gd.status).toBe(200);
    expect(gd.headers['content-range']).toBe('data-administrators 0-1/2');
    const rows = gd.body as DataAdministratorRow[];
    expect(rows.map((r) => [r.username, r.status, r.mobile]).sort()).toEqual([
      ['gz_admin', 'active', '138****5678'],
      ['sz_admin', 'active', '139****6789'],
    ]);
    const gz = rows.find((r) => r.username === 'gz_admin')!;
    expect(gz).toMatchObject({
      organisationId: gzId,
      organisationName: GZ,
      name: '林晓东',
      statusLabel: '在任',
      decidedByName: '梁伟明',
      predecessorId: null,
    });
    expect(typeof gz.activatedAt).toBe('string');

    expect(((await list('nat_admin')).body as DataAdministratorRow[]).length).toBe(3);
    const sc = (await list('sc_reviewer')).body as DataAdministratorRow[];
    expect(sc.map((r) => [r.username, r.status])).toEqual([['cd_admin', 'pending']]);
    expect(((await list('gd_admin', { organisationId: cdId })).body as unknown[]).length).toBe(0);
    expect(((await list('gd_admin', { status: 'pending' })).body as unknown[]).length).toBe(0);
    expect((await list('gd_admin', { status: 'gone' })).status).toBe(400);
  });

  it.each(['inst_gz1', 'auditor'])('%s may not read them (403)', async (username) => {
    expect((await list(username)).status).toBe(403);
  });

  it('the record shows the mobile masked (revealed on request, audited) and its centre’s handovers; outside the jurisdiction 404', async () => {
    const [gz] = (await list('gz_head', { organisationId: gzId })).body as DataAdministratorRow[];
    const res = await call('gd_admin', 'get', `/api/admin/data-administrators/${gz.id}`);
    expect(res.status).toBe(200);
    const detail = res.body as DataAdministratorDetail;
    // Masked in the record; revealed on request, and each reveal is audited.
    expect(detail.mobile).toBe('138****5678');
    const reveal = await call('gz_head', 'post', `/api/admin/data-administrators/${gz.id}/reveal-mobile`);
    expect(reveal.status).toBe(200);
    expect(reveal.body).toEqual({ mobile: '13812345678' });
    const [seen] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'data_admin.mobile.reveal' AND target_id = ?",
      [String(gz.id)],
    );
    expect(Number(seen.n)).toBe(1);
    expect(detail.handovers).toEqual([
      expect.objectContaining({ id: gz.id, name: '林晓东', approvedByName: '梁伟明', predecessorId: null }),
    ]);
    for (const username of ['sc_reviewer', 'sz_admin', 'sz_head']) {
      expect((await call(username, 'get', `/api/admin/data-administrators/${gz.id}`)).status).toBe(404);
    }
    expect((await call('gd_admin', 'get', '/api/admin/data-administrators/999999')).status).toBe(404);
  });

  it('coverage and the provincial dashboard warn of 成都, which has no active administrator', async () => {
    const sc = await call('sc_reviewer', 'get', '/api/admin/data-administrators/coverage');
    expect(sc.status).toBe(200);
    expect(sc.body as DataAdminCoverageGap[]).toEqual([
      { organisationId: cdId, name: CD, regionCode: '510100', parentName: '四川省职业技能鉴定指导中心', pending: 1 },
    ]);
    expect((await call('gd_admin', 'get', '/api/admin/data-administrators/coverage')).body).toEqual([]);
    expect(
      ((await call('nat_admin', 'get', '/api/admin/data-administrators/coverage')).body as DataAdminCoverageGap[]).map(
        (g) => g.name,
      ),
    ).toEqual([CD]);

    const dashboard = (await call('sc_reviewer', 'get', '/api/admin/dashboard')).body as DashboardView;
    expect(dashboard.warnings).toEqual([
      {
        kind: 'data_admin_missing',
        organisationId: cdId,
        organisationName: CD,
        message: `${CD}尚无在任的证书数据管理员（1 份登记待负责人审批）`,
      },
    ]);
    expect(((await call('gd_admin', 'get', '/api/admin/dashboard')).body as DashboardView).warnings).toEqual([]);
    expect(((await call('inst_gz1', 'get', '/api/admin/dashboard')).body as DashboardView).warnings).toEqual([]);
  });

  describe('registration, approval and handover', () => {
    let pendingId: number;
    let pendingVersion: number;

    beforeAll(async () => {
      const created = await call('gd_admin', 'post', '/api/admin/users', {
        username: 'gz_admin2',
        displayName: '林晓南',
        roles: ['municipal_admin'],
        organisationId: gzId,
        password: 'Handover@2026',
        email: 'gz_admin2@demo.example.cn',
      });
      expect(created.status).toBe(201);
      newAdminId = created.body.id;
    });

    it.each([
      ['inst_gz1', 403],
      ['gz_head', 403],
      ['sc_reviewer', 403],
      ['sz_admin', 404], // another city of the same province
      ['nat_reviewer', 403],
    ])('%s registering a 广州 administrator → %i', async (username, status) => {
      expect(
        (await call(username, 'post', '/api/admin/data-administrators', { userId: newAdminId, ...FORM })).status,
      ).toBe(status);
    });

    it('refuses accounts outside the jurisdiction (404), ineligible ones (422) and an invalid form (422, per field)', async () => {
      const post = (username: string, body: object) => call(username, 'post', '/api/admin/data-administrators', body);
      expect((await post('gd_admin', { userId: await userId('cd_admin'), ...FORM })).status).toBe(404);
      expect((await post('gz_admin', { userId: 999999, ...FORM })).status).toBe(404);
      const head = await post('gz_admin', { userId: await userId('gz_head'), ...FORM });
      expect(head.status).toBe(422);
      expect(head.body.code).toBe('DATA_ADMIN_USER_NOT_ELIGIBLE');
      const operator = await post('gz_admin', { userId: await userId('inst_gz1'), ...FORM });
      expect(operator.body.code).toBe('DATA_ADMIN_USER_NOT_ELIGIBLE');
      const invalid = await post('gz_admin', {
        userId: newAdminId,
        ...FORM,
        officePhone: '83219999',
        mobile: '1360000111',
        qq: '0123',
      });
      expect(invalid.status).toBe(422);
      expect(invalid.body.code).toBe('DATA_ADMIN_INVALID');
      expect(invalid.body.message).toContain('手机号码应为 11 位');
      expect((await post('gz_admin', { userId: newAdminId, ...FORM, extra: 1 })).status).toBe(400);
      expect((await post('gz_admin', { userId: newAdminId, position: '科员' })).status).toBe(400);
    });

    it('the centre’s admin registers a colleague: 201, pending', async () => {
      const res = await call('gz_admin', 'post', '/api/admin/data-administrators', { userId: newAdminId, ...FORM });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'pending', name: '林晓南', mobile: '136****1111', version: 1 });
      pendingId = res.body.id;
      pendingVersion = res.body.version;
      const again = await call('gd_admin', 'post', '/api/admin/data-administrators', { userId: newAdminId, ...FORM });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DATA_ADMIN_ALREADY_PENDING');
    });

    it.each([
      ['gz_admin', 403],
      ['gd_admin', 403],
      ['sz_head', 404],
      ['nat_admin', 403],
    ])('%s approving it → %i', async (username, status) => {
      const res = await call(username, 'post', `/api/admin/data-administrators/${pendingId}/approve`, {
        version: pendingVersion,
      });
      expect(res.status).toBe(status);
    });

    it('the head approves at the version seen (stale → 409); the old administrator is handed over from', async () => {
      const path = `/api/admin/data-administrators/${pendingId}/approve`;
      const stale = await call('gz_head', 'post', path, { version: pendingVersion + 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const [old] = (await list('gz_head', { organisationId: gzId, status: 'active' })).body as DataAdministratorRow[];
      const res = await call('gz_head', 'post', path, { version: pendingVersion });
      expect(res.status).toBe(200);
      const detail = res.body as DataAdministratorDetail;
      expect(detail).toMatchObject({
        status: 'active',
        predecessorId: old.id,
        predecessorName: '林晓东',
        decidedByName: '梁伟明',
      });
      expect(detail.handovers.map((h) => [h.name, h.predecessorName, h.replacedAt === null])).toEqual([
        ['林晓南', '林晓东', true],
        ['林晓东', null, false],
      ]);
      const replaced = (await call('gd_admin', 'get', `/api/admin/data-administrators/${old.id}`)).body;
      expect(replaced).toMatchObject({ status: 'replaced', statusLabel: '已交接', successorId: pendingId });
      const again = await call('gz_head', 'post', path, { version: detail.version });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('DATA_ADMIN_NOT_PENDING');
    });

    it('the head rejects with a reason (a blank one is 400)', async () => {
      const created = await call('gd_admin', 'post', '/api/admin/data-administrators', {
        userId: await userId('gz_admin'),
        ...FORM,
      });
      expect(created.status).toBe(201);
      const path = `/api/admin/data-administrators/${created.body.id}/reject`;
      expect((await call('gz_head', 'post', path, { version: created.body.version, reason: ' ' })).status).toBe(400);
      const res = await call('gz_head', 'post', path, { version: created.body.version, reason: '已调离数据岗位' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'rejected', rejectReason: '已调离数据岗位' });
    });

    it('every change is audited with before and after, the mobile never in full', async () => {
      const rows: { action: string; target_id: string; before: string | null; after: string | null }[] =
        await t.dataSource.query(
          "SELECT action, target_id, `before`, `after` FROM audit_logs WHERE target_type = 'data_administrator' AND action <> 'data_admin.mobile.reveal' ORDER BY id",
        );
      expect(rows.map((r) => r.action)).toEqual([
        'data_admin.register',
        'data_admin.handover',
        'data_admin.approve',
        'data_admin.register',
        'data_admin.reject',
      ]);
      expect(rows.map((r) => r.before !== null)).toEqual([false, true, true, false, true]);
      expect(rows.every((r) => r.after !== null)).toBe(true);
      expect(JSON.stringify(rows)).not.toContain('13600001111');
      const log = await call(
        'auditor',
        'get',
        `/api/admin/audit-logs?filter=${encodeURIComponent(JSON.stringify({ action: 'data_admin.handover' }))}`,
      );
      expect(log.status).toBe(200);
      expect(log.body[0]).toMatchObject({ actionLabel: '数据管理员交接', targetName: `数据管理员 林晓东 · ${GZ}` });
    });
  });
});
