import { assignableRoles, grantableRoles, mayGrantRoles, Role, ROLE_GRANTS, ROLES } from './roles';
import { isProvinceRegionCode, isRegionWithin, regionPrefix } from './region';

describe('R-3 role grant table', () => {
  it('has a row for every role, and only admins grant anything', () => {
    expect(Object.keys(ROLE_GRANTS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      const grants = [...ROLE_GRANTS[role].own, ...ROLE_GRANTS[role].below];
      if (!role.endsWith('_admin')) expect(grants).toEqual([]);
    }
  });

  it.each<[Role, 'own' | 'below', Role[]]>([
    ['national_admin', 'own', ['national_admin', 'national_reviewer', 'auditor']],
    [
      'national_admin',
      'below',
      [
        'provincial_admin',
        'provincial_reviewer',
        'municipal_admin',
        'municipal_head',
        'institution_operator',
        'auditor',
      ],
    ],
    ['provincial_admin', 'own', ['provincial_admin', 'provincial_reviewer']],
    ['provincial_admin', 'below', ['municipal_admin', 'municipal_head', 'institution_operator']],
    ['municipal_admin', 'own', []],
    ['municipal_admin', 'below', ['institution_operator']],
    ['auditor', 'own', []],
    ['provincial_reviewer', 'below', []],
  ])('%s at %s organisation grants %j', (granter, target, roles) => {
    expect(grantableRoles([granter], target)).toEqual(roles);
  });

  it('a provincial admin never grants a national-scope reader, nor any auditor', () => {
    for (const target of ['own', 'below'] as const) {
      const roles = grantableRoles(['provincial_admin'], target);
      expect(roles).not.toContain('national_admin');
      expect(roles).not.toContain('national_reviewer');
    }
    // An auditor at the national centre would read the whole country's audit log.
    expect(mayGrantRoles(['provincial_admin'], 'own', 'national', ['auditor'])).toBe(false);
    expect(mayGrantRoles(['provincial_admin'], null, 'national', ['auditor'])).toBe(false);
    // Auditors sit at national or provincial centres only, never below a province.
    expect(mayGrantRoles(['provincial_admin'], 'below', 'municipal', ['auditor'])).toBe(false);
    // 三权分立: only the national administrator appoints auditors, also provincial ones.
    expect(mayGrantRoles(['provincial_admin'], 'own', 'provincial', ['auditor'])).toBe(false);
    expect(grantableRoles(['provincial_admin'], 'own')).not.toContain('auditor');
    expect(grantableRoles(['provincial_admin'], 'below')).not.toContain('auditor');
    expect(mayGrantRoles(['national_admin'], 'below', 'provincial', ['auditor'])).toBe(true);
    expect(mayGrantRoles(['national_admin'], 'own', 'national', ['auditor'])).toBe(true);
  });

  it('decides management of an existing account by its roles at its organisation', () => {
    expect(mayGrantRoles(['municipal_admin'], 'below', 'institution', ['institution_operator'])).toBe(true);
    expect(mayGrantRoles(['municipal_admin'], 'own', 'municipal', ['municipal_head'])).toBe(false);
    expect(mayGrantRoles(['municipal_admin'], 'own', 'municipal', ['municipal_admin'])).toBe(false);
    expect(mayGrantRoles(['provincial_admin'], 'below', 'municipal', ['municipal_admin'])).toBe(true);
    // Roles must also fit the organisation's level.
    expect(mayGrantRoles(['national_admin'], 'below', 'institution', ['national_reviewer'])).toBe(false);
    expect(mayGrantRoles(['national_admin'], 'below', 'institution', [])).toBe(false);
  });

  it('assignableRoles is the union of own and below', () => {
    expect(assignableRoles(['municipal_admin'])).toEqual(['institution_operator']);
    expect(assignableRoles(['national_admin'])).toEqual([...ROLES]);
    expect(assignableRoles(['provincial_admin'])).not.toContain('national_reviewer');
  });
});

describe('R-1 region codes (GB/T 2260)', () => {
  it.each([
    ['440000', '44'],
    ['440100', '4401'],
    ['440111', '440111'],
  ])('prefix of %s is %s', (code, prefix) => expect(regionPrefix(code)).toBe(prefix));

  it.each<[string, string, boolean]>([
    ['440100', '440000', true],
    ['440000', '440000', true],
    ['440111', '440100', true],
    ['440306', '440100', false],
    ['510104', '440000', false],
    ['440000', '100000', true],
    ['450000', '100000', true],
    ['990000', '100000', false],
    ['440100', '440111', false],
    ['44010', '440000', false],
  ])('%s within %s → %s', (child, parent, within) => expect(isRegionWithin(child, parent)).toBe(within));

  it('knows province codes', () => {
    expect(isProvinceRegionCode('440000')).toBe(true);
    expect(isProvinceRegionCode('100000')).toBe(false);
    expect(isProvinceRegionCode('440100')).toBe(false);
  });
});
