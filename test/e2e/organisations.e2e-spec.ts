import { addDaysIso } from '@app/domain';
import { createTestApp, organisationId, TEST_TODAY, TestApp } from './support/test-app';

// organisations as one resource; institutions with credit code, kind, status and scope.
describe('organisations (R-1, R-2)', () => {
  let t: TestApp;
  let gz: number;
  let auth: { Authorization: string };
  const validInstitution = () => ({
    level: 'institution',
    parentId: gz,
    regionCode: '440104',
    name: '广州市越秀区岭南家政职业培训中心',
    creditCode: '52440104MJL59821X1',
    kind: 'social_training',
    registeredAt: '2024-04-01',
    scope: [
      {
        occupationCode: '4-10-01-06',
        occupationName: '家政服务员',
        levels: [5, 4, 3],
        validFrom: '2024-04-01',
        validTo: null,
      },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp();
    gz = await organisationId(t.dataSource, '广州市职业技能鉴定指导中心');
    auth = { Authorization: `Bearer ${await t.login('gz_admin')}` };
  });
  afterAll(() => t.close());

  it('filters by level and parent, pages through Content-Range, and sorts', async () => {
    const res = await t.http
      .get('/api/admin/organisations')
      .query({
        filter: JSON.stringify({ level: 'institution' }),
        sort: JSON.stringify(['name', 'DESC']),
        range: '[0,0]',
      })
      .set('Authorization', `Bearer ${await t.login('nat_admin')}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.headers['content-range']).toBe('organisations 0-0/5');
    const centres = await t.http
      .get('/api/admin/organisations')
      .query({ filter: JSON.stringify({ level: ['provincial', 'municipal'] }) })
      .set('Authorization', `Bearer ${await t.login('nat_admin')}`);
    expect(centres.body.map((o: { level: string }) => o.level).sort()).toEqual([
      'municipal',
      'municipal',
      'municipal',
      'provincial',
      'provincial',
    ]);
    const children = await t.http
      .get('/api/admin/organisations')
      .query({ filter: JSON.stringify({ parentId: gz }) })
      .set(auth);
    expect(children.body.map((o: { name: string }) => o.name).sort()).toEqual(
      ['广州市白云区粤厨职业培训学校', '广州番禺精工机械制造有限公司'].sort(),
    );
    expect(children.body[0].parentName).toBe('广州市职业技能鉴定指导中心');
    const gzRow = await t.http.get(`/api/admin/organisations/${gz}`).set(auth);
    expect(gzRow.body.childCount).toBe(2);
    expect(gzRow.body.deadlineProfile).toBe('guangdong');
  });

  it('rejects a bad credit code with a Chinese reason and stores nothing', async () => {
    const res = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), creditCode: '52440104MJL59821X2' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_CREDIT_CODE');
    expect(res.body.message).toContain('统一社会信用代码');
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM organisations WHERE name = '广州市越秀区岭南家政职业培训中心'",
    );
    expect(Number(n)).toBe(0);
  });

  it('narrows a scope from today on: a dropped level or a removed entry stays, ended yesterday (R-2, R-8)', async () => {
    const institution = {
      ...validInstitution(),
      name: '广州市越秀区范围收窄测试中心',
      creditCode: '52440104MJL598221B',
    };
    const created = await t.http.post('/api/admin/organisations').set(auth).send(institution);
    expect(created.status).toBe(201);
    const yesterday = addDaysIso(TEST_TODAY, -1);
    const narrowed = await t.http
      .put(`/api/admin/organisations/${created.body.id}`)
      .set(auth)
      .send({ version: created.body.version, scope: [{ ...institution.scope[0], levels: [5] }] });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.scope).toEqual([
      { ...institution.scope[0], levels: [5] },
      { ...institution.scope[0], levels: [4, 3], validTo: yesterday },
    ]);
    // Removing everything ends what is left; entries that have ended already stay as they are.
    const emptied = await t.http
      .put(`/api/admin/organisations/${created.body.id}`)
      .set(auth)
      .send({ version: narrowed.body.version, scope: [] });
    expect(emptied.status).toBe(200);
    expect(emptied.body.scope).toEqual([
      { ...institution.scope[0], levels: [5], validTo: yesterday },
      { ...institution.scope[0], levels: [4, 3], validTo: yesterday },
    ]);
  });

  it('rejects scope entries outside the occupation catalogue', async () => {
    const res = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({
        ...validInstitution(),
        scope: [{ occupationCode: '4-10-01-06', occupationName: '保洁员', levels: [5], validFrom: '2024-04-01' }],
      });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('家政服务员');
  });

  it('creates an institution that inherits the province deadline profile, then edits it with optimistic locking', async () => {
    const created = await t.http.post('/api/admin/organisations').set(auth).send(validInstitution());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      level: 'institution',
      status: 'active',
      deadlineProfile: 'guangdong',
      parentId: gz,
      version: 1,
    });
    expect(created.body.path).toMatch(new RegExp(`/${gz}/${created.body.id}/$`));

    // react-admin echoes the whole record back; read-only fields are ignored.
    const edited = await t.http
      .put(`/api/admin/organisations/${created.body.id}`)
      .set(auth)
      .send({
        ...created.body,
        status: 'ceased',
        scope: [
          ...created.body.scope,
          {
            occupationCode: '4-10-01-05',
            occupationName: '养老护理员',
            levels: [5, 4],
            validFrom: '2025-01-01',
            validTo: '2027-12-31',
          },
        ],
      });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('ceased');
    expect(edited.body.scope).toHaveLength(2);
    expect(edited.body.version).toBe(2);

    const stale = await t.http
      .put(`/api/admin/organisations/${created.body.id}`)
      .set(auth)
      .send({ version: 1, name: '过期的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');
  });

  it('refuses unknown fields and wrong types with 400', async () => {
    const unknown = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('UNKNOWN_FIELD');
    expect(unknown.body.message).toContain('colour');
    const wrongType = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), parentId: '广州' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.code).toBe('VALIDATION_FAILED');
    // Nulls in an update are no change (react-admin echoes empty fields), never a 500 or a wiped required field.
    const institution = { ...validInstitution(), name: '广州市越秀区空值测试中心', creditCode: '52440104MJL598231C' };
    const created = await t.http.post('/api/admin/organisations').set(auth).send(institution);
    expect(created.status).toBe(201);
    const nulls = await t.http.put(`/api/admin/organisations/${created.body.id}`).set(auth).send({
      version: created.body.version,
      name: null,
      status: null,
      kind: null,
      registeredAt: null,
      regionCode: null,
    });
    expect(nulls.status).toBe(200);
    expect(nulls.body).toMatchObject({ name: institution.name, status: 'active', kind: 'social_training' });
    expect(nulls.body.registeredAt).toBe('2024-04-01');
  });

  it('lets only a national administrator create a province, which sets the profile for its subtree', async () => {
    const gdAdmin = { Authorization: `Bearer ${await t.login('gd_admin')}` };
    const nat = await organisationId(t.dataSource, '人力资源社会保障部职业技能鉴定中心');
    const province = {
      level: 'provincial',
      parentId: nat,
      regionCode: '450000',
      name: '广西壮族自治区职业技能鉴定指导中心',
      deadlineProfile: 'national',
    };
    expect((await t.http.post('/api/admin/organisations').set(gdAdmin).send(province)).status).toBe(403);
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const created = await t.http.post('/api/admin/organisations').set(natAdmin).send(province);
    expect(created.status).toBe(201);
    const city = await t.http.post('/api/admin/organisations').set(natAdmin).send({
      level: 'municipal',
      parentId: created.body.id,
      regionCode: '450100',
      name: '南宁市职业技能鉴定指导中心',
    });
    expect(city.body.deadlineProfile).toBe('national');
    const changed = await t.http
      .put(`/api/admin/organisations/${created.body.id}`)
      .set(natAdmin)
      .send({ version: 1, deadlineProfile: 'guangdong' });
    expect(changed.status).toBe(200);
    expect((await t.http.get(`/api/admin/organisations/${city.body.id}`).set(natAdmin)).body.deadlineProfile).toBe(
      'guangdong',
    );
    const wrongParent = await t.http
      .post('/api/admin/organisations')
      .set(natAdmin)
      .send({ level: 'municipal', parentId: city.body.id, regionCode: '450102', name: '错误层级' });
    expect(wrongParent.body.code).toBe('ORGANISATION_PARENT_LEVEL');
  });

  it('R-1: refuses blank names, impossible dates and registration dates after today (400), storing nothing', async () => {
    const [{ n: before }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM organisations');
    const blank = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toContain('名称');
    const feb30 = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), registeredAt: '2024-02-30' });
    expect(feb30.status).toBe(400);
    const month13 = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), scope: [{ ...validInstitution().scope[0], validFrom: '2024-13-01' }] });
    expect(month13.status).toBe(400);
    // Today is 2026-11-23 in the test app: tomorrow is refused, today is fine.
    const future = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), registeredAt: '2026-11-24' });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('不能晚于今天');
    const [{ n: after }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM organisations');
    expect(Number(after)).toBe(Number(before));
    const inst = await organisationId(t.dataSource, '广州市白云区粤厨职业培训学校');
    const current = (await t.http.get(`/api/admin/organisations/${inst}`).set(auth)).body;
    expect(
      (await t.http.put(`/api/admin/organisations/${inst}`).set(auth).send({ version: current.version, name: ' ' }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.http
          .put(`/api/admin/organisations/${inst}`)
          .set(auth)
          .send({ version: current.version, registeredAt: '2023-04-31' })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.http
          .put(`/api/admin/organisations/${inst}`)
          .set(auth)
          .send({ version: current.version, registeredAt: '2027-01-01' })
      ).status,
    ).toBe(400);
  });

  it('R-1: region codes lie equal to or inside the parent region (GB/T 2260)', async () => {
    // 深圳 440300 is not inside 广州 440100; 成都 510104 is not in 广东.
    const shenzhen = await t.http
      .post('/api/admin/organisations')
      .set(auth)
      .send({ ...validInstitution(), regionCode: '440306', creditCode: '91440300MA5G0XKJ2M' });
    expect(shenzhen.status).toBe(422);
    expect(shenzhen.body.code).toBe('ORGANISATION_REGION_MISMATCH');
    const natAdmin = { Authorization: `Bearer ${await t.login('nat_admin')}` };
    const nat = await organisationId(t.dataSource, '人力资源社会保障部职业技能鉴定中心');
    const gd = await organisationId(t.dataSource, '广东省职业技能服务指导中心');
    const cityUnderGd = await t.http
      .post('/api/admin/organisations')
      .set(natAdmin)
      .send({ level: 'municipal', parentId: gd, regionCode: '510100', name: '错省的市级中心' });
    expect(cityUnderGd.body.code).toBe('ORGANISATION_REGION_MISMATCH');
    const provinceAsCity = await t.http
      .post('/api/admin/organisations')
      .set(natAdmin)
      .send({ level: 'provincial', parentId: nat, regionCode: '460100', name: '不是省级代码的省级中心' });
    expect(provinceAsCity.body.code).toBe('ORGANISATION_REGION_MISMATCH');
    const zhuhai = await t.http
      .post('/api/admin/organisations')
      .set(natAdmin)
      .send({ level: 'municipal', parentId: gd, regionCode: '440400', name: '珠海市职业技能鉴定指导中心' });
    expect(zhuhai.status).toBe(201);
    // Moving 广州's centre to a code outside 广东 is refused; so is a code that no longer holds its institutions.
    const gzCurrent = (await t.http.get(`/api/admin/organisations/${gz}`).set(natAdmin)).body;
    expect(
      (
        await t.http
          .put(`/api/admin/organisations/${gz}`)
          .set(natAdmin)
          .send({ version: gzCurrent.version, regionCode: '510100' })
      ).body.code,
    ).toBe('ORGANISATION_REGION_MISMATCH');
    expect(
      (
        await t.http
          .put(`/api/admin/organisations/${gz}`)
          .set(natAdmin)
          .send({ version: gzCurrent.version, regionCode: '440200' })
      ).body.code,
    ).toBe('ORGANISATION_REGION_MISMATCH');
    const [row] = await t.dataSource.query('SELECT region_code FROM organisations WHERE id = ?', [gz]);
    expect(row.region_code).toBe('440100');
  });

  it('serves the occupation catalogue for scope editing', async () => {
    const res = await t.http.get('/api/admin/occupations').set(auth);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(70);
    expect(res.body).toContainEqual(
      expect.objectContaining({ code: '6-18-02-04', name: '焊工', levels: [5, 4, 3, 2, 1] }),
    );
  });
});
