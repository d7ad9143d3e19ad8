import { loadConfig } from '../../apps/api/src/config/app-config';
import { createTestApp, TestApp } from './support/test-app';

// Health, OpenAPI, error shape, configuration validation.
describe('platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database status', async () => {
    const res = await t.http.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/admin/organisations', '/api/admin/audit-logs']),
    );
  });

  it('answers malformed JSON with 400 and a Chinese message', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "a",');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'MALFORMED_JSON', message: '请求内容不是合法的 JSON' });
  });

  it('answers bad list parameters with 400', async () => {
    const token = await t.login('nat_admin');
    const res = await t.http
      .get('/api/admin/organisations')
      .query({ sort: '["password","ASC"]' })
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_QUERY');
    const range = await t.http
      .get('/api/admin/organisations')
      .query({ range: 'nonsense' })
      .set('Authorization', `Bearer ${token}`);
    expect(range.body.code).toBe('BAD_QUERY');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.http
      .get('/api/admin/nothing-here')
      .set('Authorization', `Bearer ${await t.login('nat_admin')}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('configuration validation', () => {
  it('names the bad key and its environment variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: 'eighty' })).toThrow(/server\.port（环境变量 PORT）/);
    expect(() => loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x' })).toThrow(/database\.url/);
    expect(() => loadConfig({ NODE_ENV: 'test', APP_TODAY: '2026-13-01x' })).toThrow(/appToday/);
  });

  it('refuses APP_TODAY and the development keys in production', () => {
    const production = {
      NODE_ENV: 'production',
      ID_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ID_BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
      AUDIT_ANCHOR_KEY: Buffer.alloc(32, 11).toString('base64'),
    };
    expect(() => loadConfig(production)).not.toThrow();
    expect(() => loadConfig({ ...production, APP_TODAY: '2026-01-01' })).toThrow(/APP_TODAY 不允许在生产环境使用/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/开发默认密钥/);
  });
});
