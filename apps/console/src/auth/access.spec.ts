import type { Role } from '@app/domain';
import { canAccessResource } from './access';

const institution = { id: 7, level: 'institution' };
const cityCentre = { id: 3, level: 'municipal' };

describe('canAccessResource (R-3: what the console offers each role)', () => {
  it.each<[Role, string, boolean]>([
    ['national_admin', 'audit-logs', true],
    ['auditor', 'audit-logs', true],
    ['provincial_admin', 'audit-logs', false],
    ['municipal_admin', 'audit-logs', false],
    ['auditor', 'organisations', false],
    ['auditor', 'users', false],
    ['institution_operator', 'organisations', true],
    ['institution_operator', 'users', false],
    ['municipal_admin', 'users', true],
  ])('%s list %s → %s', (role, resource, allowed) => {
    expect(canAccessResource([role], resource, 'list')).toBe(allowed);
  });

  it('lets a municipal admin edit an institution but not the municipal centre itself', () => {
    expect(canAccessResource(['municipal_admin'], 'organisations', 'edit', institution)).toBe(true);
    expect(canAccessResource(['municipal_admin'], 'organisations', 'edit', cityCentre)).toBe(false);
    expect(canAccessResource(['provincial_admin'], 'organisations', 'edit', cityCentre)).toBe(true);
  });

  it('offers no create or edit to reviewers', () => {
    expect(canAccessResource(['provincial_reviewer'], 'organisations', 'create')).toBe(false);
    expect(canAccessResource(['national_reviewer'], 'organisations', 'edit', institution)).toBe(false);
  });

  it('refuses actions nobody was granted: delete, export, unknown resources', () => {
    expect(canAccessResource(['national_admin'], 'organisations', 'delete', institution)).toBe(false);
    expect(canAccessResource(['national_admin'], 'users', 'export')).toBe(false);
    expect(canAccessResource(['national_admin'], 'audit-logs', 'edit')).toBe(false);
    expect(canAccessResource(['national_admin'], 'no-such-resource', 'list')).toBe(false);
  });

  it('offers batches to every staff role but the auditor, upload only to those who submit data', () => {
    expect(canAccessResource(['institution_operator'], 'batches', 'list')).toBe(true);
    expect(canAccessResource(['municipal_head'], 'deadlines', 'list')).toBe(true);
    expect(canAccessResource(['auditor'], 'batches', 'list')).toBe(false);
    expect(canAccessResource(['auditor'], 'deadlines', 'list')).toBe(false);
    expect(canAccessResource(['institution_operator'], 'batches', 'create')).toBe(true);
    expect(canAccessResource(['municipal_admin'], 'batches', 'create')).toBe(true);
    expect(canAccessResource(['provincial_reviewer'], 'batches', 'create')).toBe(false);
    expect(canAccessResource(['national_reviewer'], 'batches', 'edit')).toBe(false);
  });

  it('refuses everything without roles (signed out)', () => {
    expect(canAccessResource([], 'organisations', 'list')).toBe(false);
  });
});
