import { createTestApp, organisationId, TestApp } from './support/test-app';

// every role × records in its own, a subordinate, a sibling and a parent jurisdiction.
// 200 inside the subtree, 404 outside it (no existence leak), 403 when the role lacks the action.
const ORG = {
  nat: '人力资源社会保障部职业技能鉴定中心',
  gd: '广东省职业技能服务指导中心',
  gz: '广州市职业技能鉴定指导中心',
  sz: '深圳市职业技能鉴定指导中心',
  sc: '四川省职业技能鉴定指导中心',
  cd: '成都市职业技能鉴定指导中心',
  inst_gz1: '广州市白云区粤厨职业培训学校',
  inst_gz2: '广州番禺精工机械制造有限公司',
  inst_gd1: '广东省职业技能鉴定协会评价中心',
  inst_cd1: '成都市锦江区蜀味烹饪职业技能培训学校',
} as const;
type OrgKey = keyof typeof ORG;

interface Case {
  account: string;
  role: string;
  own: OrgKey;
  subordinate?: OrgKey;
  sibling: OrgKey;
  parent?: OrgKey;
  /** Expected status for organisation reads: 200 own/subordinate, 404 sibling/parent, or 403 for all. */
  organisations: 'jurisdiction' | 403;
  users: 'jurisdiction' | 403;
  audit: 200 | 403;
}

const MATRIX: Case[] = [
  {
    account: 'nat_admin',
    role: 'national_admin',
    own: 'nat',
    subordinate: 'inst_cd1',
    sibling: 'nat',
    organisations: 'jurisdiction',
    users: 'jurisdiction',
    audit: 200,
  },
  {
    account: 'nat_reviewer',
    role: 'national_reviewer',
    own: 'nat',
    subordinate: 'gz',
    sibling: 'nat',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
  {
    account: 'auditor',
    role: 'auditor',
    own: 'nat',
    subordinate: 'gd',
    sibling: 'sc',
    organisations: 403,
    users: 403,
    audit: 200,
  },
  {
    account: 'gd_auditor',
    role: 'auditor',
    own: 'gd',
    subordinate: 'gz',
    sibling: 'sc',
    parent: 'nat',
    organisations: 403,
    users: 403,
    audit: 200,
  },
  {
    account: 'gd_admin',
    role: 'provincial_admin',
    own: 'gd',
    subordinate: 'inst_gz1',
    sibling: 'sc',
    parent: 'nat',
    organisations: 'jurisdiction',
    users: 'jurisdiction',
    audit: 403,
  },
  {
    account: 'gd_reviewer',
    role: 'provincial_reviewer',
    own: 'gd',
    subordinate: 'sz',
    sibling: 'sc',
    parent: 'nat',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
  {
    account: 'sc_reviewer',
    role: 'provincial_reviewer',
    own: 'sc',
    subordinate: 'inst_cd1',
    sibling: 'gd',
    parent: 'nat',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
  {
    account: 'gz_admin',
    role: 'municipal_admin',
    own: 'gz',
    subordinate: 'inst_gz2',
    sibling: 'sz',
    parent: 'gd',
    organisations: 'jurisdiction',
    users: 'jurisdiction',
    audit: 403,
  },
  {
    account: 'gz_head',
    role: 'municipal_head',
    own: 'gz',
    subordinate: 'inst_gz1',
    sibling: 'sz',
    parent: 'gd',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
  {
    account: 'sz_admin',
    role: 'municipal_admin',
    own: 'sz',
    sibling: 'gz',
    parent: 'gd',
    organisations: 'jurisdiction',
    users: 'jurisdiction',
    audit: 403,
  },
  {
    account: 'cd_admin',
    role: 'municipal_admin',
    own: 'cd',
    subordinate: 'inst_cd1',
    sibling: 'gz',
    parent: 'sc',
    organisations: 'jurisdiction',
    users: 'jurisdiction',
    audit: 403,
  },
  {
    account: 'inst_gz1',
    role: 'institution_operator',
    own: 'inst_gz1',
    sibling: 'inst_gz2',
    parent: 'gz',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
  {
    account: 'inst_gd1',
    role: 'institution_operator',
    own: 'inst_gd1',
    sibling: 'gz',
    parent: 'gd',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
  {
    account: 'inst_cd1',
    role: 'institution_operator',
    own: 'inst_cd1',
    sibling: 'inst_gz1',
    parent: 'cd',
    organisations: 'jurisdiction',
    users: 403,
    audit: 403,
  },
];

describe('jurisdiction matrix (R-3)', () => {
  let t: TestApp;
  const ids = {} as Record<OrgKey, number>;
  /** One user id per organisation, to address users in each jurisdiction. */
  const userOf = {} as Partial<Record<OrgKey, number>>;

  beforeAll(async () => {
    t = await createTestApp();
    for (const key of Object.keys(ORG) as OrgKey[]) ids[key] = await organisationId(t.dataSource, ORG[key]);
    await createProvincialAuditor(t, ids.gd);
    const users: { id: number; organisation_id: number }[] = await t.dataSource.query(
      'SELECT id, organisation_id FROM users ORDER BY id',
    );
    for (const key of Object.keys(ORG) as OrgKey[]) {
      const user = users.find((u) => Number(u.organisation_id) === ids[key]);
      if (user) userOf[key] = Number(user.id);
    }
  });
  afterAll(() => t.close());

  it('covers every role, auditors at the national and at a provincial centre', () => {
    expect(new Set(MATRIX.map((c) => c.role)).size).toBe(8);
    expect(MATRIX.filter((c) => c.role === 'auditor').map((c) => c.own)).toEqual(['nat', 'gd']);
  });

  describe.each(MATRIX)('$account ($role)', (c) => {
    const get = async (path: string) => t.http.get(path).set('Authorization', `Bearer ${await t.login(c.account)}`);

    it('organisations: own and subordinate 200, sibling and parent 404', async () => {
      const expectFor = (inside: boolean) => (c.organisations === 403 ? 403 : inside ? 200 : 404);
      expect((await get(`/api/admin/organisations/${ids[c.own]}`)).status).toBe(expectFor(true));
      if (c.subordinate) {
        expect((await get(`/api/admin/organisations/${ids[c.subordinate]}`)).status).toBe(expectFor(true));
      }
      if (c.sibling !== c.own) {
        expect((await get(`/api/admin/organisations/${ids[c.sibling]}`)).status).toBe(expectFor(false));
      }
      if (c.parent) expect((await get(`/api/admin/organisations/${ids[c.parent]}`)).status).toBe(expectFor(false));
    });

    it('organisation list holds only its own subtree', async () => {
      const res = await get(`/api/admin/organisations?range=${encodeURIComponent('[0,99]')}`);
      if (c.organisations === 403) {
        expect(res.status).toBe(403);
        return;
      }
      expect(res.status).toBe(200);
      const names: string[] = res.body.map((o: { name: string }) => o.name);
      expect(names).toContain(ORG[c.own]);
      if (c.subordinate) expect(names).toContain(ORG[c.subordinate]);
      if (c.sibling !== c.own) expect(names).not.toContain(ORG[c.sibling]);
      if (c.parent) expect(names).not.toContain(ORG[c.parent]);
      expect(res.headers['content-range']).toBe(`organisations 0-${names.length - 1}/${names.length}`);
    });

    it('users: inside 200, outside 404, or 403 without the right', async () => {
      const inside = userOf[c.subordinate ?? c.own];
      const outside = userOf[c.sibling !== c.own ? c.sibling : 'gd'];
      if (inside) expect((await get(`/api/admin/users/${inside}`)).status).toBe(c.users === 403 ? 403 : 200);
      if (outside && c.sibling !== c.own) {
        expect((await get(`/api/admin/users/${outside}`)).status).toBe(c.users === 403 ? 403 : 404);
      }
    });

    it('audit log: only auditor and national_admin', async () => {
      expect((await get('/api/admin/audit-logs')).status).toBe(c.audit);
    });
  });

  it('cannot create an institution under another city, nor edit one there', async () => {
    const token = await t.login('gz_admin');
    const create = await t.http.post('/api/admin/organisations').set('Authorization', `Bearer ${token}`).send({
      level: 'institution',
      parentId: ids.sz,
      regionCode: '440306',
      name: '越权新建机构',
      creditCode: '91440300MA5G0XKJ2M',
      kind: 'employer',
      registeredAt: '2024-01-01',
    });
    expect(create.status).toBe(404);
    const edit = await t.http
      .put(`/api/admin/organisations/${ids.inst_cd1}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: 1, name: '越权修改' });
    expect(edit.status).toBe(404);
    const [row] = await t.dataSource.query('SELECT name FROM organisations WHERE id = ?', [ids.inst_cd1]);
    expect(row.name).toBe(ORG.inst_cd1);
  });
});

/** A provincial auditor (not in the demo data), created by the national admin, with its password already changed. */
async function createProvincialAuditor(t: TestApp, gd: number): Promise<void> {
  const res = await t.http
    .post('/api/admin/users')
    .set('Authorization', `Bearer ${await t.login('nat_admin')}`)
    .send({
      username: 'gd_auditor',
      displayName: '省审计员',
      roles: ['auditor'],
      organisationId: gd,
      password: 'Demo@2026',
    });
  if (res.status !== 201) throw new Error(`gd_auditor: ${res.status} ${JSON.stringify(res.body)}`);
  await t.dataSource.query('UPDATE users SET must_change_password = ? WHERE id = ?', [false, res.body.id]);
}

// every user-administration action × each admin role (and both auditors) × accounts in the actor's own
// organisation, below it, in a sibling, in the parent and in another province. One rule decides: an account is
// managed only by someone who could grant all of its roles at its organisation (the libs/domain grant table);
// outside the subtree 404, inside but beyond the table 403, and one's own account 403.
describe('user administration matrix (R-3)', () => {
  let t: TestApp;
  const ids = {} as Record<OrgKey, number>;

  /** Target accounts, created by the national admin; none of them acts, so actions on them cannot disturb the actors. */
  const TARGETS = {
    m_nat: { role: 'national_reviewer', org: 'nat' },
    m_gd_rev: { role: 'provincial_reviewer', org: 'gd' },
    m_gd_aud: { role: 'auditor', org: 'gd' },
    m_gz_head: { role: 'municipal_head', org: 'gz' },
    m_gz_admin: { role: 'municipal_admin', org: 'gz' },
    m_sz_admin: { role: 'municipal_admin', org: 'sz' },
    m_sc_rev: { role: 'provincial_reviewer', org: 'sc' },
    m_cd_admin: { role: 'municipal_admin', org: 'cd' },
    m_inst_gz1: { role: 'institution_operator', org: 'inst_gz1' },
    m_inst_gd1: { role: 'institution_operator', org: 'inst_gd1' },
    m_inst_cd1: { role: 'institution_operator', org: 'inst_cd1' },
  } as const satisfies Record<string, { role: string; org: OrgKey }>;
  type Target = keyof typeof TARGETS;
  const targetId = {} as Record<Target, number>;

  const ok = (...names: Target[]) => Object.fromEntries(names.map((n) => [n, 200])) as Partial<Record<Target, number>>;
  /** Expected status per target; unlisted targets are 404 (outside the actor's subtree). */
  const EXPECT: Record<string, Partial<Record<Target, number>>> = {
    nat_admin: ok(...(Object.keys(TARGETS) as Target[])),
    // The provincial auditor at its own centre: only the national admin grants (and so manages) auditors.
    gd_admin: { ...ok('m_gd_rev', 'm_gz_head', 'm_gz_admin', 'm_sz_admin', 'm_inst_gz1', 'm_inst_gd1'), m_gd_aud: 403 },
    gz_admin: { ...ok('m_inst_gz1'), m_gz_head: 403, m_gz_admin: 403 },
    sz_admin: { m_sz_admin: 403 },
    cd_admin: { ...ok('m_inst_cd1'), m_cd_admin: 403 },
    // Auditors (national and provincial) have no user administration at all.
    auditor: Object.fromEntries(Object.keys(TARGETS).map((n) => [n, 403])),
    gd_auditor: Object.fromEntries(Object.keys(TARGETS).map((n) => [n, 403])),
  };
  const expected = (actor: string, target: Target) => EXPECT[actor][target] ?? 404;

  beforeAll(async () => {
    t = await createTestApp();
    for (const key of Object.keys(ORG) as OrgKey[]) ids[key] = await organisationId(t.dataSource, ORG[key]);
    await createProvincialAuditor(t, ids.gd);
    const nat = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    for (const [username, spec] of Object.entries(TARGETS) as [Target, (typeof TARGETS)[Target]][]) {
      const res = await t.http
        .post('/api/admin/users')
        .set(nat)
        .send({
          username,
          displayName: '矩阵账号',
          roles: [spec.role],
          organisationId: ids[spec.org],
          password: 'Matrix#2026',
        });
      if (res.status !== 201) throw new Error(`${username}: ${res.status} ${JSON.stringify(res.body)}`);
      targetId[username] = res.body.id;
    }
  });
  afterAll(() => t.close());

  const post = async (actor: string, path: string, body?: object) =>
    t.http
      .post(path)
      .set('Authorization', `Bearer ${await t.login(actor)}`)
      .send(body);
  const versionOf = async (id: number) =>
    Number((await t.dataSource.query('SELECT version FROM users WHERE id = ?', [id]))[0].version);

  /** The target has a second factor to reset (set directly), so a permitted reset answers 200 like the others. */
  const resetTotp = async (actor: string, id: number) => {
    await t.dataSource.query('UPDATE users SET totp_enabled = ? WHERE id = ?', [true, id]);
    return (await post(actor, `/api/admin/users/${id}/reset-totp`)).status;
  };

  describe.each(Object.keys(EXPECT))('%s', (actor) => {
    it.each(Object.keys(TARGETS) as Target[])(
      'update, disable, enable, reset-password, reset-totp, unlock on %s',
      async (target) => {
        const id = targetId[target];
        const want = expected(actor, target);
        const update = await t.http
          .put(`/api/admin/users/${id}`)
          .set('Authorization', `Bearer ${await t.login(actor)}`)
          .send({ version: await versionOf(id), displayName: `改名${actor}` });
        const statuses = [
          update.status,
          (await post(actor, `/api/admin/users/${id}/disable`)).status,
          (await post(actor, `/api/admin/users/${id}/enable`)).status,
          (await post(actor, `/api/admin/users/${id}/reset-password`)).status,
          await resetTotp(actor, id),
          (await post(actor, `/api/admin/users/${id}/unlock`)).status,
        ];
        expect(statuses).toEqual([want, want, want, want, want, want]);
      },
    );

    it.each(Object.keys(TARGETS) as Target[])('create an account like %s', async (target) => {
      const spec = TARGETS[target];
      const want = expected(actor, target);
      const res = await post(actor, '/api/admin/users', {
        username: `c_${actor}_${target}`.slice(0, 64),
        displayName: '新建',
        roles: [spec.role],
        organisationId: ids[spec.org],
        password: 'Matrix#2026',
      });
      expect(res.status).toBe(want === 200 ? 201 : want);
    });

    it('refuses every action on its own account (403)', async () => {
      const me = (await t.http.get('/api/auth/me').set('Authorization', `Bearer ${await t.login(actor)}`)).body;
      for (const action of ['disable', 'enable', 'reset-password', 'reset-totp', 'unlock']) {
        expect((await post(actor, `/api/admin/users/${me.id}/${action}`)).status).toBe(403);
      }
    });
  });

  it('left only the permitted changes behind', async () => {
    const [row] = await t.dataSource.query('SELECT display_name FROM users WHERE id = ?', [targetId.m_sc_rev]);
    expect(row.display_name).toBe('改名nat_admin');
    const [head] = await t.dataSource.query('SELECT display_name FROM users WHERE id = ?', [targetId.m_gz_head]);
    expect(head.display_name).toBe('改名gd_admin');
  });
});
