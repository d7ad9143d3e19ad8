import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { Clock } from '../../apps/api/src/common/clock';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { loadDemoData } from '../../apps/api/src/seeds/demo-data';
import { DEMO_PASSWORD } from '../../apps/api/src/seeds/demo-organisations';
import { binaryParser, buildSheet, validRow } from './support/batch-sheets';
import { createTestApp, TEST_TODAY, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

/** The keys production requires instead of the development defaults. */
export const PRODUCTION_KEYS = {
  ID_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  ID_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  AUDIT_ANCHOR_KEY: Buffer.alloc(32, 11).toString('base64'),
};

// answers that carry tokens or personal data are never stored by browsers or proxies.
describe('Cache-Control on API answers (R-9, R-41)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('login, me, certificate lists, reveals and error-report downloads are no-store', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'inst_gz1', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const auth = { Authorization: `Bearer ${login.body.token}` };
    const me = await t.http.get('/api/auth/me').set(auth);
    expect([me.status, me.headers['cache-control']]).toEqual([200, 'no-store']);

    const good = await t.http
      .post('/api/admin/batches')
      .set(auth)
      .field('kind', 'skill_level')
      .attach('file', await buildSheet(t, login.body.token, [validRow(801)]), 'ok.xlsx');
    expect(good.status).toBe(201);
    const list = await t.http
      .get('/api/admin/certificates')
      .query({ filter: JSON.stringify({ batchId: good.body.id }) })
      .set(auth);
    expect([list.status, list.headers['cache-control']]).toEqual([200, 'no-store']);
    const reveal = await t.http.post(`/api/admin/certificates/${list.body[0].id}/reveal-id`).set(auth);
    expect([reveal.status, reveal.headers['cache-control']]).toEqual([200, 'no-store']);

    const bad = await t.http
      .post('/api/admin/batches')
      .set(auth)
      .field('kind', 'skill_level')
      .attach('file', await buildSheet(t, login.body.token, [validRow(802, { 证件号码: '123' })]), 'bad.xlsx');
    expect(bad.status).toBe(422);
    expect(bad.headers['cache-control']).toBe('no-store');
    const report = await t.http
      .get(`/api/admin/batches/error-reports/${bad.body.errorReportId}`)
      .set(auth)
      .buffer(true)
      .parse(binaryParser);
    expect([report.status, report.headers['cache-control']]).toEqual([200, 'no-store']);

    const refused = await t.http.get('/api/admin/users');
    expect([refused.status, refused.headers['cache-control']]).toEqual([401, 'no-store']);
  });

  it('the API documentation stays open outside production', async () => {
    expect((await t.http.get('/api/docs-json')).status).toBe(200);
  });
});

describe('API documentation in production (R-41)', () => {
  let app: INestApplication;
  let database: TestDatabase;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: database.url, ...PRODUCTION_KEYS });
    app = await createApp(config);
    await app.init();
    await loadDemoData(app.get<DataSource>(getDataSourceToken()), {
      today: TEST_TODAY,
      clock: app.get(Clock),
      cipher: app.get(FieldCipher),
      onlyIfEmpty: false,
    });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('needs a staff login for the documentation and its JSON', async () => {
    for (const path of [
      '/api/docs',
      '/api/docs/',
      '/api/docs-json',
      '/api/docs-yaml',
      '/api/docs/swagger-ui-init.js',
    ]) {
      const anonymous = await http.get(path);
      expect([path, anonymous.status]).toEqual([path, 401]);
      const forged = await http.get(path).set('Authorization', 'Bearer not-a-session');
      expect([path, forged.status]).toEqual([path, 401]);
    }
    const login = await http.post('/api/auth/login').send({ username: 'gz_admin', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const docs = await http.get('/api/docs-json').set('Authorization', `Bearer ${login.body.token}`);
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toContain('/api/auth/login');
  });
});
