import { buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, organisationId, TestApp } from './support/test-app';

const GZ = '广州市职业技能鉴定指导中心';
const GZ1 = '广州市白云区粤厨职业培训学校';
const SZ1 = '深圳市宝安区高级技工学校';
const CD1 = '成都市锦江区蜀味烹饪职业技能培训学校';

type Method = 'get' | 'post' | 'put';

// institution management by municipal data administrators and provincial admins within their jurisdiction
// (today 2026-11-23): registration with a validated credit code, scope with validity dates, 停止认定 / 主体灭失 with the
// dated status history, every change audited, and a scope change that does not re-judge records already imported.
describe('institution management (e2e)', () => {
  let t: TestApp;
  let gz: number;
  let gz1: number;
  let sz1: number;
  let cd1: number;

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  async function call(username: string, method: Method, path: string, body?: object) {
    const req = t.http[method](path).set(await as(username));
    return body ? req.send(body) : req;
  }
  const institution = (overrides: object = {}) => ({
    level: 'institution',
    parentId: gz,
    regionCode: '440106',
    name: '广州市天河区匠心职业技能培训学校',
    creditCode: '52440104MJL59821X1',
    kind: 'social_training',
    registeredAt: '2025-03-01',
    scope: [
      {
        occupationCode: '4-10-01-06',
        occupationName: '家政服务员',
        levels: [5, 4],
        validFrom: '2025-03-01',
        validTo: null,
      },
    ],
    ...overrides,
  });
  const statusHistory = async (id: number) =>
    (
      await t.dataSource.query(
        'SELECT status, effective_from FROM organisation_status_history WHERE organisation_id = ? ORDER BY id',
        [id],
      )
    ).map((r: { status: string; effective_from: string }) => [r.status, String(r.effective_from).slice(0, 10)]);

  beforeAll(async () => {
    t = await createTestApp();
    gz = await organisationId(t.dataSource, GZ);
    gz1 = await organisationId(t.dataSource, GZ1);
    sz1 = await organisationId(t.dataSource, SZ1);
    cd1 = await organisationId(t.dataSource, CD1);
  }, 120_000);
  afterAll(() => t.close());

  it('a municipal data administrator acts only inside its own subtree', async () => {
    const sz1Row = (await call('gd_admin', 'get', `/api/admin/organisations/${sz1}`)).body;
    expect((await call('gz_admin', 'get', `/api/admin/organisations/${sz1}`)).status).toBe(404);
    expect(
      (await call('gz_admin', 'put', `/api/admin/organisations/${sz1}`, { version: sz1Row.version, status: 'ceased' }))
        .status,
    ).toBe(404);
    const sz = await organisationId(t.dataSource, '深圳市职业技能鉴定指导中心');
    expect(
      (await call('gz_admin', 'post', '/api/admin/organisations', institution({ parentId: sz, regionCode: '440306' })))
        .status,
    ).toBe(404);
    // Not its own centre's registration, and no centres of its own.
    const gzRow = (await call('gz_admin', 'get', `/api/admin/organisations/${gz}`)).body;
    expect(
      (await call('gz_admin', 'put', `/api/admin/organisations/${gz}`, { version: gzRow.version, name: '改名' }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('gz_admin', 'post', '/api/admin/organisations', {
          level: 'municipal',
          parentId: gz,
          regionCode: '440106',
          name: '某中心',
        })
      ).status,
    ).toBe(403);
    // A provincial admin within its province only.
    const cd1Row = (await call('nat_admin', 'get', `/api/admin/organisations/${cd1}`)).body;
    expect(
      (await call('gd_admin', 'put', `/api/admin/organisations/${cd1}`, { version: cd1Row.version, status: 'ceased' }))
        .status,
    ).toBe(404);
    // Roles without organisations.write.
    expect((await call('gz_head', 'post', '/api/admin/organisations', institution())).status).toBe(403);
  });

  it('registers an institution with a validated, unique credit code; scope validity dates are checked', async () => {
    const bad = await call(
      'gz_admin',
      'post',
      '/api/admin/organisations',
      institution({ creditCode: '52440104MJL59821X2' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('INVALID_CREDIT_CODE');
    const taken = await call(
      'gz_admin',
      'post',
      '/api/admin/organisations',
      institution({ creditCode: '52440100MJ0A1B2C3T' }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('DUPLICATE');
    const backwards = await call(
      'gz_admin',
      'post',
      '/api/admin/organisations',
      institution({
        scope: [
          {
            occupationCode: '4-10-01-06',
            occupationName: '家政服务员',
            levels: [5],
            validFrom: '2025-03-01',
            validTo: '2025-01-01',
          },
        ],
      }),
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('有效期止不能早于有效期起');

    const created = await call(
      'gz_admin',
      'post',
      '/api/admin/organisations',
      institution({ creditCode: '52440104mjl59821x1' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ creditCode: '52440104MJL59821X1', status: 'active', parentId: gz });
    expect(await statusHistory(created.body.id)).toEqual([['active', '2025-03-01']]);
  });

  it('停止认定 then 主体灭失: dated status history, each change audited with before and after', async () => {
    const id = (
      await t.dataSource.query("SELECT id FROM organisations WHERE name = '广州市天河区匠心职业技能培训学校'")
    )[0].id;
    const row = (await call('gz_admin', 'get', `/api/admin/organisations/${id}`)).body;
    const ceased = await call('gz_admin', 'put', `/api/admin/organisations/${id}`, {
      version: row.version,
      status: 'ceased',
    });
    expect(ceased.status).toBe(200);
    const dissolved = await call('gd_admin', 'put', `/api/admin/organisations/${id}`, {
      version: ceased.body.version,
      status: 'dissolved',
    });
    expect(dissolved.status).toBe(200);
    expect(await statusHistory(Number(id))).toEqual([
      ['active', '2025-03-01'],
      ['ceased', '2026-11-23'],
      ['dissolved', '2026-11-23'],
    ]);
    const audit: { action: string; before: string | null; after: string }[] = await t.dataSource.query(
      "SELECT action, `before`, `after` FROM audit_logs WHERE target_type = 'organisation' AND target_id = ? ORDER BY id",
      [String(id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['organisation.create', 'organisation.update', 'organisation.update']);
    expect(JSON.parse(audit[2].before!).status).toBe('ceased');
    expect(JSON.parse(audit[2].after).status).toBe('dissolved');
  });

  it('a scope change applies to later validation and screening only, never re-judging imported records', async () => {
    const admin = await as('nat_admin');
    // The institution's certificates were last changed two days ago (past the screening's re-read overlap); the
    // others a moment ago, so the first run leaves the watermark now and the next runs are incremental.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    await t.dataSource.query('UPDATE certificates SET updated_at = ? WHERE institution_id = ?', [twoDaysAgo, gz1]);
    expect((await t.http.post('/api/admin/jobs/screening/run').set(admin).send({})).status).toBe(200);
    const outsideScopeFlags = async () =>
      Number(
        (
          await t.dataSource.query(
            `SELECT COUNT(DISTINCT fc.certificate_id) AS n FROM flags f JOIN flag_certificates fc ON fc.flag_id = f.id
              JOIN certificates c ON c.id = fc.certificate_id WHERE f.rule = 'outside_scope' AND c.institution_id = ?`,
            [gz1],
          )
        )[0].n,
      );
    const flagsBefore = await outsideScopeFlags();
    const certificatesBefore = await t.dataSource.query(
      'SELECT id, status, lookup_status FROM certificates WHERE institution_id = ? ORDER BY id',
      [gz1],
    );
    const draft = await t.http
      .post('/api/admin/batches')
      .set(await as('inst_gz1'))
      .field('kind', 'skill_level')
      .attach('file', await buildSheet(t, await t.login('inst_gz1'), [validRow(730_001)]), 'before.xlsx');
    expect(draft.status).toBe(201);

    // 中式烹调师 registered only from 2026-11-20 on: every chef certificate so far was issued before.
    const row = (await call('gz_admin', 'get', `/api/admin/organisations/${gz1}`)).body;
    const scope = row.scope.map((e: { occupationCode: string }) =>
      e.occupationCode === '4-03-02-01' ? { ...e, validFrom: '2026-11-20' } : e,
    );
    const edited = await call('gz_admin', 'put', `/api/admin/organisations/${gz1}`, { version: row.version, scope });
    expect(edited.status).toBe(200);
    const [update] = await t.dataSource.query(
      "SELECT `before`, `after` FROM audit_logs WHERE action = 'organisation.update' AND target_id = ? ORDER BY id DESC LIMIT 1",
      [String(gz1)],
    );
    expect(JSON.parse(update.before).scope[0].validFrom).toBe('2021-03-15');
    expect(JSON.parse(update.after).scope[0].validFrom).toBe('2026-11-20');

    // Already imported: unchanged, and the incremental screening does not judge them again.
    expect((await t.http.post('/api/admin/jobs/screening/run').set(admin).send({})).status).toBe(200);
    expect(await outsideScopeFlags()).toBe(flagsBefore);
    expect(
      await t.dataSource.query(
        'SELECT id, status, lookup_status FROM certificates WHERE institution_id = ? AND id <= ? ORDER BY id',
        [gz1, certificatesBefore.at(-1).id],
      ),
    ).toEqual(certificatesBefore);
    expect((await call('inst_gz1', 'get', `/api/admin/batches/${draft.body.id}`)).body.status).toBe('draft');

    // Later validation: a new sheet with a chef certificate issued before 2026-11-20 is refused.
    const later = await t.http
      .post('/api/admin/batches')
      .set(await as('inst_gz1'))
      .field('kind', 'skill_level')
      .attach('file', await buildSheet(t, await t.login('inst_gz1'), [validRow(730_002)]), 'after.xlsx');
    expect(later.status).toBe(422);
    expect(later.body.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('备案') })]);
  });
});
