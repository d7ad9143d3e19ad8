import { Actor } from '../../apps/api/src/common/actor/actor';
import { parseListQuery } from '../../apps/api/src/common/http/list-query';
import { AuditModule } from '../../apps/api/src/audit/audit.module';
import { JurisdictionModule } from '../../apps/api/src/jurisdiction/jurisdiction.module';
import { JurisdictionService } from '../../apps/api/src/jurisdiction/jurisdiction.service';
import { Organisation } from '../../apps/api/src/organisations/entities/organisation.entity';
import { OrganisationAdminModule } from '../../apps/api/src/organisation-admin/organisation-admin.module';
import { ORGANISATION_LIST, OrganisationsService } from '../../apps/api/src/organisation-admin/organisations.service';
import { CreateOrganisationDto } from '../../apps/api/src/organisation-admin/dto/organisation.dto';
import { OrgTree } from './support/factories';
import { createMediumContext, MediumContext } from './support/medium-context';

// the organisation tree — materialised paths, jurisdiction as a path prefix, profiles inherited down.
describe('organisation tree and jurisdiction (medium)', () => {
  let m: MediumContext;
  let organisations: OrganisationsService;
  let gd: OrgTree;
  let sc: OrgTree;
  let natAdmin: Actor;
  let gdAdmin: Actor;
  let cityAdmin: Actor;

  beforeAll(async () => {
    m = await createMediumContext({ imports: [JurisdictionModule, AuditModule, OrganisationAdminModule] });
    organisations = m.get(OrganisationsService);
    gd = await m.factories.tree({ regionCode: '440000' });
    // A second province under the same national centre, with its own city and institution.
    const scProvince = await m.factories.organisation({
      level: 'provincial',
      parent: gd.national,
      regionCode: '510000',
    });
    const scCity = await m.factories.organisation({ level: 'municipal', parent: scProvince, regionCode: '510100' });
    sc = {
      national: gd.national,
      province: scProvince,
      city: scCity,
      institution: await m.factories.organisation({ level: 'institution', parent: scCity }),
    };
    natAdmin = m.factories.actor(await m.factories.user(gd.national, ['national_admin']), gd.national);
    gdAdmin = m.factories.actor(await m.factories.user(gd.province, ['provincial_admin']), gd.province);
    cityAdmin = m.factories.actor(await m.factories.user(gd.city, ['municipal_admin']), gd.city);
  });
  afterAll(() => m.close());

  const list = (actor: Actor, filter: object = {}) =>
    organisations.list(actor, parseListQuery({ filter: JSON.stringify(filter), range: '[0,99]' }, ORGANISATION_LIST));

  it("R-3: a list holds exactly the actor's own subtree, with parent names and child counts", async () => {
    const { rows, total } = await list(cityAdmin);
    expect(rows.map((r) => r.id)).toEqual([gd.city.id, gd.institution.id]);
    expect(total).toBe(2);
    expect(rows[0]).toMatchObject({ parentName: gd.province.name, childCount: 1 });
    expect(rows[1]).toMatchObject({ parentName: gd.city.name, childCount: 0 });
    const everything = await list(natAdmin);
    expect(everything.total).toBe(7);
    expect(everything.rows.find((r) => r.id === gd.national.id)).toMatchObject({ parentName: null, childCount: 2 });
  });

  it('R-3: a single organisation outside the subtree is 404, whichever way it is reached', async () => {
    const jurisdiction = m.get(JurisdictionService);
    await expect(jurisdiction.organisationWithin(gdAdmin, gd.institution.id)).resolves.toMatchObject({
      id: gd.institution.id,
    });
    for (const id of [sc.institution.id, gd.national.id, 999_999]) {
      await expect(jurisdiction.organisationWithin(gdAdmin, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(organisations.get(cityAdmin, sc.city.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('R-3: a path prefix is not a subtree — /1/2/ does not contain /1/23/', async () => {
    // Ids with a shared leading digit: create provinces until one's id starts with the Guangdong province's id.
    const prefix = String(gd.province.id);
    let sibling: Organisation | null = null;
    for (let i = 0; i < 40 && !sibling; i++) {
      const created = await m.factories.organisation({
        level: 'provincial',
        parent: gd.national,
        regionCode: '450000',
      });
      if (String(created.id).startsWith(prefix) && created.id !== gd.province.id) sibling = created;
    }
    expect(sibling).not.toBeNull();
    const { rows } = await list(gdAdmin, { level: ['provincial'] });
    expect(rows.map((r) => r.id)).toEqual([gd.province.id]);
  });

  it("R-1, R-14: a created child gets its path under the parent and inherits the province's deadline profile", async () => {
    const dto = {
      level: 'municipal',
      parentId: gd.province.id,
      regionCode: '440300',
      name: ' 深圳市指导中心 ',
    } as CreateOrganisationDto;
    const created = await organisations.create(gdAdmin, dto);
    expect(created).toMatchObject({
      name: '深圳市指导中心',
      path: `${gd.province.path}${created.id}/`,
      version: 1,
      deadlineProfile: 'national',
    });
  });

  it("R-14, R-42: changing a province's profile changes its whole subtree; a stale version changes nothing", async () => {
    const province = await organisations.get(natAdmin, gd.province.id);
    await organisations.update(natAdmin, province.id, { version: province.version, deadlineProfile: 'guangdong' });
    const subtree = await m.dataSource
      .getRepository(Organisation)
      .find({ where: [{ id: gd.city.id }, { id: gd.institution.id }, { id: sc.city.id }] });
    expect(Object.fromEntries(subtree.map((o) => [o.id, o.deadlineProfile]))).toEqual({
      [gd.city.id]: 'guangdong',
      [gd.institution.id]: 'guangdong',
      [sc.city.id]: 'national',
    });
    const changed = await organisations.get(natAdmin, province.id);
    expect(changed.version).toBeGreaterThan(province.version);
    const stale = organisations.update(natAdmin, province.id, { version: province.version, name: '改名' });
    await expect(stale).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await organisations.get(natAdmin, province.id)).toMatchObject({
      name: province.name,
      version: changed.version,
    });
  });
});
