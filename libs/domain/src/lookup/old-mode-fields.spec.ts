import { checkOldModeFields, OLD_MODE_FIELDS, OLD_MODE_RULES, type OldModeField } from './old-mode-fields';

const VALUE: Record<OldModeField, string> = {
  certificateNumber: 'S000000440000123456789',
  idNumber: '440106199001010017',
  name: '张小明',
  admissionTicket: 'ZKZ2026001',
};

/** Every subset of the four fields. */
const SUBSETS: OldModeField[][] = Array.from({ length: 16 }, (_, mask) =>
  OLD_MODE_FIELDS.filter((_, i) => mask & (1 << i)),
);
const input = (fields: OldModeField[]) => Object.fromEntries(fields.map((f) => [f, VALUE[f]]));
const key = (fields: OldModeField[]) => fields.join('+') || '(none)';

describe('checkOldModeFields (R-27)', () => {
  describe('qualification: any two of the four (the six pairs of the 2013 rules), or more', () => {
    it.each(SUBSETS.map((s) => [key(s), s] as const))('%s', (_, fields) => {
      const result = checkOldModeFields('qualification', input(fields));
      if (fields.length >= 2) expect(result).toEqual({ ok: true, fields, values: input(fields) });
      else expect(result).toEqual({ ok: false, message: OLD_MODE_RULES.qualification });
    });

    it('accepts exactly the six pairs among the two-field combinations', () => {
      const pairs = SUBSETS.filter((s) => s.length === 2);
      expect(pairs).toHaveLength(6);
      for (const pair of pairs) expect(checkOldModeFields('qualification', input(pair)).ok).toBe(true);
    });
  });

  describe('skill level: the certificate number plus the ID number or the name', () => {
    const allowed = new Set([
      'certificateNumber+idNumber',
      'certificateNumber+name',
      'certificateNumber+idNumber+name',
    ]);
    it.each(SUBSETS.map((s) => [key(s), s] as const))('%s', (name, fields) => {
      const result = checkOldModeFields('skill_level', input(fields));
      if (allowed.has(name)) expect(result).toEqual({ ok: true, fields, values: input(fields) });
      else expect(result).toEqual({ ok: false, message: OLD_MODE_RULES.skill_level });
    });
  });

  it('treats empty, whitespace-only (half- and full-width) and null values as not given', () => {
    for (const blank of ['', '   ', '\u3000\u3000', '\t\n', null, undefined]) {
      expect(checkOldModeFields('qualification', { certificateNumber: VALUE.certificateNumber, name: blank })).toEqual({
        ok: false,
        message: OLD_MODE_RULES.qualification,
      });
      expect(
        checkOldModeFields('skill_level', { certificateNumber: blank, idNumber: VALUE.idNumber, name: VALUE.name }),
      ).toEqual({ ok: false, message: OLD_MODE_RULES.skill_level });
    }
  });

  it('normalises values as the import stores them, without checking their format', () => {
    expect(
      checkOldModeFields('qualification', {
        certificateNumber: ' ｓ０００1234 ',
        idNumber: '44010619900101001x',
        name: ' 阿依古丽  ·  买买提\u3000',
        admissionTicket: 'zkz-1',
      }),
    ).toEqual({
      ok: true,
      fields: ['certificateNumber', 'idNumber', 'name', 'admissionTicket'],
      values: {
        certificateNumber: 'S0001234',
        idNumber: '44010619900101001X',
        name: '阿依古丽 · 买买提',
        admissionTicket: 'ZKZ-1',
      },
    });
    // Not a number at all: still a valid query (it will find nothing).
    expect(checkOldModeFields('skill_level', { certificateNumber: '不存在', name: 'x' }).ok).toBe(true);
  });

  it('refuses a value longer than 40 characters, naming the field', () => {
    expect(checkOldModeFields('skill_level', { certificateNumber: '1'.repeat(41), name: '张三' })).toEqual({
      ok: false,
      message: '证书编号不能超过40个字符',
    });
    expect(checkOldModeFields('skill_level', { certificateNumber: '1'.repeat(40), name: '张三' }).ok).toBe(true);
  });

  it('names the rule in Chinese', () => {
    expect(OLD_MODE_RULES.qualification).toMatch(/任意填写两项/);
    expect(OLD_MODE_RULES.skill_level).toMatch(/证书编号为必填/);
  });
});
