import { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { Clock } from '../../apps/api/src/common/clock';
import { ConfigError, loadConfig } from '../../apps/api/src/config/app-config';
import { FieldCipher } from '../../apps/api/src/crypto/field-cipher';
import { loadDemoData } from '../../apps/api/src/seeds/demo-data';
import { DEMO_PASSWORD } from '../../apps/api/src/seeds/demo-organisations';
import { organisationId, TEST_TODAY } from './support/test-app';
import { createMysqlDatabase, DEFAULT_MYSQL_SERVER, TestDatabase, testDatabaseKind } from './support/test-database';

// Read replicas (DATABASE_REPLICA_URLS): every query runs on the primary unless it is explicitly put on a
// replica, so a request reads its own writes. The "replica" here is an empty database that lags forever:
// any request reading from it would fail or find nothing.
describe('read replicas (MySQL/MariaDB)', () => {
  const server =
    testDatabaseKind() === 'mysql'
      ? (process.env.DATABASE_URL as string)
      : (process.env.MYSQL_TEST_SERVER ?? DEFAULT_MYSQL_SERVER);
  let primary: TestDatabase;
  let replica: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    primary = await createMysqlDatabase(server);
    replica = await createMysqlDatabase(server, false);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URLS: replica.url,
      APP_TODAY: TEST_TODAY,
    });
    app = await createApp(config);
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken());
    await loadDemoData(dataSource, {
      today: TEST_TODAY,
      clock: app.get(Clock),
      cipher: app.get(FieldCipher),
      onlyIfEmpty: false,
    });
  });
  afterAll(async () => {
    await app?.close();
    await primary?.drop();
    await replica?.drop();
  });

  it('opens TypeORM replication with the primary as the default for reads', () => {
    expect(dataSource.options).toMatchObject({ replication: { defaultMode: 'master' } });
    expect(dataSource.defaultReplicationModeForReads()).toBe('master');
  });

  it('a request reads its own writes: the new session at once, and a user right after creating it', async () => {
    const http = request(app.getHttpServer());
    const login = await http.post('/api/auth/login').send({ username: 'gz_admin', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };
    expect((await http.get('/api/auth/me').set(auth)).body).toMatchObject({ username: 'gz_admin' });
    const institution = await organisationId(dataSource, '广州市白云区粤厨职业培训学校');
    const created = await http
      .post('/api/admin/users')
      .set(auth)
      .send({
        username: 'replica_check',
        displayName: '副本检查',
        roles: ['institution_operator'],
        organisationId: institution,
        password: 'Start#2026x',
      });
    expect(created.status).toBe(201);
    const read = await http.get(`/api/admin/users/${created.body.id}`).set(auth);
    expect(read.status).toBe(200);
    expect(read.body.username).toBe('replica_check');
  });

  it('only a query runner opened for a replica reads the replica', async () => {
    const databaseName = async (mode?: 'master' | 'slave') => {
      const runner = dataSource.createQueryRunner(mode);
      try {
        const rows: { db: string }[] = await runner.query('SELECT DATABASE() AS db');
        return rows[0].db;
      } finally {
        await runner.release();
      }
    };
    expect(await databaseName('slave')).toBe(new URL(replica.url).pathname.slice(1));
    expect(await databaseName()).toBe(new URL(primary.url).pathname.slice(1));
  });

  it('refuses replicas for the embedded SQLite database', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', DATABASE_REPLICA_URLS: replica.url }),
    ).toThrow(ConfigError);
  });
});
