import { roleChoices, roleGrantProblem } from './roleChoices';

const gd = { id: 2, level: 'provincial' as const };
const gz = { id: 3, level: 'municipal' as const };
const inst = { id: 7, level: 'institution' as const };

const enabled = (choices: ReturnType<typeof roleChoices>) => choices.filter((c) => !c.disabled).map((c) => c.id);

describe('roleChoices (R-3: the console offers what the grant table allows)', () => {
  it('offers a provincial admin neither national roles nor auditors', () => {
    expect(roleChoices(['provincial_admin'], gd.id, gd).map((c) => c.id)).not.toContain('national_reviewer');
    expect(enabled(roleChoices(['provincial_admin'], gd.id, gd))).toEqual(['provincial_admin', 'provincial_reviewer']);
    expect(roleChoices(['provincial_admin'], gd.id, gd).map((c) => c.id)).not.toContain('auditor');
    expect(enabled(roleChoices(['provincial_admin'], gd.id, gz))).toEqual(['municipal_admin', 'municipal_head']);
  });

  it('offers a municipal admin only institution operators below it', () => {
    expect(enabled(roleChoices(['municipal_admin'], gz.id, gz))).toEqual([]);
    expect(enabled(roleChoices(['municipal_admin'], gz.id, inst))).toEqual(['institution_operator']);
  });

  it('names the refused roles', () => {
    expect(roleGrantProblem(['municipal_admin'], gz.id, gz, ['institution_operator'])).toContain(
      '所选机构不能设置角色',
    );
    expect(roleGrantProblem(['provincial_admin'], gd.id, gz, ['municipal_head'])).toBeNull();
    expect(roleGrantProblem(['municipal_admin'], gz.id, { ...gz, id: 4 }, ['municipal_head'])).toContain('无权');
  });
});
