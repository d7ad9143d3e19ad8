import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuditLog } from '../../apps/api/src/audit/entities/audit-log.entity';
import { AUDIT_LOG_LIST } from '../../apps/api/src/audit/audit-query.service';
import { Certificate } from '../../apps/api/src/certificates/entities/certificate.entity';
import { CERTIFICATE_LIST } from '../../apps/api/src/certificates/certificate-list';
import {
  applyFilters,
  fetchPage,
  type FilterDef,
  type ListDefinition,
  parseListQuery,
} from '../../apps/api/src/common/http/list-query';
import { RawSelect } from '../../apps/api/src/database/raw-select';
import { LoginThrottle } from '../../apps/api/src/users/entities/login-throttle.entity';
import { LoginThrottlesRepository } from '../../apps/api/src/users/login-throttles.repository';
import { restrictToSubtree } from '../../apps/api/src/database/subtree';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { ORGANISATION_LIST } from '../../apps/api/src/organisation-admin/organisations.service';
import { User } from '../../apps/api/src/users/entities/user.entity';
import { USER_LIST } from '../../apps/api/src/users/users.service';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';

// The hand-written list pages (database/raw-select.ts) answer exactly what the query builder's getMany/getCount
// answered: the same entities (class, values, types), order, page and total, for every list that uses them.
describe('hand-written list pages = query builder pages (medium)', () => {
  let m: MediumContext;
  let gd: OrgTree;

  beforeAll(async () => {
    m = await createMediumContext();
    gd = await m.factories.tree({ regionCode: '440000' });
    for (let i = 0; i < 4; i++) {
      await m.factories.organisation({ level: 'institution', parent: gd.city });
    }
    const admin = await m.factories.user(gd.province, ['provincial_admin']);
    await m.factories.user(gd.city, ['municipal_admin', 'municipal_head']);
    await m.factories.user(gd.institution, ['institution_operator'], { disabled: true, email: 'x@example.cn' });
    const batch = await m.factories.batch(gd.institution, admin);
    await m.factories.certificates(batch, 7, { theoryScore: 88.5, result: 3 });
    const logs = m.dataSource.getRepository(AuditLog);
    for (let i = 1; i <= 6; i++) {
      await logs.insert({
        seq: i,
        at: new Date(Date.UTC(2026, 10, 20 + (i % 3), 3, 4, 5, 678)),
        userId: admin.id,
        username: i % 2 ? 'gd_admin' : '',
        organisationId: i === 6 ? null : gd.province.id,
        role: 'provincial_admin',
        action: i % 2 ? 'user.create' : 'batch.approve',
        targetType: 'user',
        targetId: String(i),
        before: i % 2 ? null : '{"a":1}',
        after: '{"b":[1,2]}',
        outcome: i === 3 ? 'failure' : 'success',
        detail: null,
        prevHash: 'p'.repeat(64),
        hash: String(i).repeat(64),
      });
    }
  });
  afterAll(() => m.close());

  /** The same conditions through both paths; pages of `size` rows from `start`. */
  async function same<T extends ObjectLiteral>(
    entity: new () => T,
    alias: string,
    list: ListDefinition<Record<string, FilterDef>>,
    raw: { filter?: object; sort?: [string, string]; range?: [number, number] },
    conditions: (q: SelectQueryBuilder<T> | RawSelect<T>) => void,
    join?: { entity: typeof Organisation; alias: string; on: string },
  ) {
    const query = parseListQuery(
      {
        filter: raw.filter ? JSON.stringify(raw.filter) : undefined,
        sort: raw.sort ? JSON.stringify(raw.sort) : undefined,
        range: JSON.stringify(raw.range ?? [0, 24]),
      },
      list,
    );
    const qb = m.dataSource.getRepository(entity).createQueryBuilder(alias);
    const select = new RawSelect(m.dataSource, entity, alias);
    if (join) {
      qb.innerJoin(join.entity, join.alias, join.on);
      select.innerJoin(join.entity, join.alias, join.on);
    }
    for (const q of [qb, select]) {
      conditions(q);
      applyFilters(q, query);
    }
    const expected = await fetchPage(qb, query);
    const actual = await select.page(query);
    expect(actual.total).toBe(expected.total);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.rows.map((r) => r.constructor)).toEqual(expected.rows.map((r) => r.constructor));
    expect(JSON.stringify(actual.rows)).toBe(JSON.stringify(expected.rows));
    return actual;
  }

  it('organisations: subtree, filters, sorts, a full page counted and a short one', async () => {
    const within = (q: SelectQueryBuilder<Organisation> | RawSelect<Organisation>) =>
      restrictToSubtree(q, 'o.path', gd.province.path);
    const short = await same(Organisation, 'o', ORGANISATION_LIST, {}, within);
    expect(short.rows.length).toBeGreaterThan(4);
    const full = await same(Organisation, 'o', ORGANISATION_LIST, { range: [0, 1], sort: ['name', 'DESC'] }, within);
    expect(full.total).toBeGreaterThan(2);
    await same(Organisation, 'o', ORGANISATION_LIST, { filter: { level: ['institution'], q: '机构' } }, within);
    await same(Organisation, 'o', ORGANISATION_LIST, { filter: { id: [gd.city.id, gd.institution.id] } }, within);
    await same(Organisation, 'o', ORGANISATION_LIST, { range: [3, 4], sort: ['createdAt', 'ASC'] }, within);
  });

  it('users: joined to their organisation, roles, booleans and nullable columns', async () => {
    const join = { entity: Organisation, alias: 'o', on: 'o.id = u.organisationId' };
    const within = (q: SelectQueryBuilder<User> | RawSelect<User>) => {
      restrictToSubtree(q, 'o.path', gd.province.path);
      q.andWhere('u.roles LIKE :role', { role: '%"municipal_admin"%' });
    };
    await same(User, 'u', USER_LIST, {}, (q) => restrictToSubtree(q, 'o.path', gd.national.path), join);
    await same(User, 'u', USER_LIST, { range: [0, 0], sort: ['username', 'ASC'] }, within, join);
    const all = (q: SelectQueryBuilder<User> | RawSelect<User>) => restrictToSubtree(q, 'o.path', gd.national.path);
    await same(User, 'u', USER_LIST, { filter: { disabled: true } }, all, join);
    await same(User, 'u', USER_LIST, { filter: { disabled: false, q: 'u' }, sort: ['lastLoginAt', 'DESC'] }, all, join);
  });

  it('certificates: decimals through their transformer, dates, exact conditions', async () => {
    const join = { entity: Organisation, alias: 'o', on: 'o.id = c.institutionId' };
    const within = (q: SelectQueryBuilder<Certificate> | RawSelect<Certificate>) =>
      restrictToSubtree(q, 'o.path', gd.city.path);
    const [first] = (await m.dataSource.getRepository(Certificate).find({ order: { id: 'ASC' }, take: 1 })) ?? [];
    await same(Certificate, 'c', CERTIFICATE_LIST, { filter: { batchId: first.batchId } }, within, join);
    await same(Certificate, 'c', CERTIFICATE_LIST, { filter: { batchId: first.batchId }, range: [2, 4] }, within, join);
    await same(
      Certificate,
      'c',
      CERTIFICATE_LIST,
      { filter: { batchId: first.batchId } },
      (q) => {
        within(q);
        q.andWhere('c.certificateNumber = :certificateNumber', { certificateNumber: first.certificateNumber });
      },
      join,
    );
  });

  it('login throttles read by hand-written SQL equal findBy (the users list reads them on every page)', async () => {
    const repo = m.dataSource.getRepository(LoginThrottle);
    const lockedUntil = new Date(Date.UTC(2026, 10, 23, 2, 0, 0, 123));
    await repo.insert({ username: 'a', failures: 5, lockedUntil, lastFailureAt: lockedUntil });
    await repo.insert({ username: 'b', failures: 1, lockedUntil: null, lastFailureAt: lockedUntil });
    const raw = await new LoginThrottlesRepository(m.dataSource).findMany(['a', 'b', 'c']);
    const expected = await repo.find({ where: [{ username: 'a' }, { username: 'b' }] });
    const byName = (x: LoginThrottle[]) => [...x].sort((p, q) => p.username.localeCompare(q.username));
    expect(byName(raw)).toEqual(byName(expected));
    expect(byName(raw)[0].lockedUntil).toEqual(lockedUntil);
  });

  it('audit logs: instants with milliseconds, text columns, an instant range, with and without the join', async () => {
    await same(AuditLog, 'a', AUDIT_LOG_LIST, {}, () => undefined);
    await same(AuditLog, 'a', AUDIT_LOG_LIST, { filter: { outcome: 'success' }, range: [0, 1] }, (q) => {
      q.andWhere('a.at >= :from', { from: new Date(Date.UTC(2026, 10, 21)) });
      q.andWhere('a.at < :to', { to: new Date(Date.UTC(2026, 10, 23)) });
    });
    await same(
      AuditLog,
      'a',
      AUDIT_LOG_LIST,
      { filter: { actionPrefix: 'user.' }, sort: ['at', 'ASC'] },
      (q) => restrictToSubtree(q, 'actor_org.path', gd.province.path),
      { entity: Organisation, alias: 'actor_org', on: 'actor_org.id = a.organisationId' },
    );
  });
});
