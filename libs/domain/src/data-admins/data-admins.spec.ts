import {
  checkDataAdminRecord,
  dataAdminRecipients,
  decideDataAdmin,
  isAdminMobile,
  isLandline,
  isQqNumber,
  maskMobile,
  normalizeAdminMobile,
  normalizeLandline,
} from '.';

const valid = {
  position: '科员',
  officePhone: '020-83212345',
  mobile: '13812345678',
  qq: '123456789',
  publicContact: '020-83212300（工作日 9:00—17:00）',
};

describe('R-4 data administrator record (附件2)', () => {
  it.each(['13012345678', '13912345678', '19912345678', '15000000000'])('accepts mobile %s', (m) => {
    expect(isAdminMobile(m)).toBe(true);
  });
  it.each(['12012345678', '1381234567', '138123456789', '23812345678', '1381234567a', ''])('refuses mobile %j', (m) =>
    expect(isAdminMobile(m)).toBe(false),
  );
  it('cleans a typed mobile: blanks, dashes, +86 and full-width digits', () => {
    expect(normalizeAdminMobile(' +86 138-1234-5678 ')).toBe('13812345678');
    expect(normalizeAdminMobile('0086１３８１２３４５６７８')).toBe('13812345678');
  });

  it.each(['020-83212345', '0755-2345678', '02083212345', '010-62345678-8021', '028-86123456'])(
    'accepts landline %s',
    (p) => expect(isLandline(p)).toBe(true),
  );
  it.each(['83212345', '020-1234567', '20-83212345', '020-832123456', '13812345678', '020-83212345-1234567'])(
    'refuses landline %s',
    (p) => expect(isLandline(p)).toBe(false),
  );
  it('reads an area code in brackets', () => {
    expect(normalizeLandline('（020）83212345')).toBe('020-83212345');
    expect(normalizeLandline('(0755)2345678')).toBe('0755-2345678');
  });

  it.each([
    ['12345', true],
    ['123456789012', true],
    ['1234', false],
    ['1234567890123', false],
    ['01234567', false],
    ['12345a', false],
  ])('QQ %s → %s', (qq, ok) => expect(isQqNumber(qq)).toBe(ok));

  it('returns the cleaned record', () => {
    expect(checkDataAdminRecord({ ...valid, mobile: '138 1234 5678', qq: '' })).toEqual({
      ok: true,
      value: { ...valid, qq: null },
    });
  });

  it('names every problem by field, in Chinese', () => {
    const check = checkDataAdminRecord({
      position: ' ',
      officePhone: '8321',
      mobile: '1234',
      qq: '0123',
      publicContact: 'x'.repeat(101),
    });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.field)).toEqual(['position', 'officePhone', 'mobile', 'qq', 'publicContact']);
    expect(check.problems[0].message).toBe('职务不能为空');
    expect(check.problems[4].message).toBe('证书查询问题咨询联系方式不能超过 100 个字');
  });

  it('requires office phone, mobile and public contact; QQ is optional', () => {
    const check = checkDataAdminRecord({ position: '科长' });
    expect(check.ok ? [] : check.problems.map((p) => p.message)).toEqual([
      '办公电话不能为空',
      '手机号码不能为空',
      '证书查询问题咨询联系方式不能为空',
    ]);
  });

  it('counts characters, not UTF-16 units, against the length limits', () => {
    expect(checkDataAdminRecord({ ...valid, position: '𠀀'.repeat(32) }).ok).toBe(true);
    expect(checkDataAdminRecord({ ...valid, position: '𠀀'.repeat(33) }).ok).toBe(false);
  });

  it('masks a mobile as 138****5678', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('')).toBe('');
    expect(maskMobile('12345')).toBe('*****');
  });
});

describe('R-4 approval and handover', () => {
  const head = { roles: ['municipal_head'] as const, organisationId: 7 };
  const facts = { status: 'pending' as const, organisationId: 7, activeId: null };

  it('the centre head approves; an active one is replaced in the same decision', () => {
    expect(decideDataAdmin(facts, head, 'approve')).toEqual({ ok: true, to: 'active', replaces: null });
    expect(decideDataAdmin({ ...facts, activeId: 3 }, head, 'approve')).toEqual({
      ok: true,
      to: 'active',
      replaces: 3,
    });
  });

  it('rejects with a reason only', () => {
    expect(decideDataAdmin(facts, head, 'reject', '  ')).toEqual({ ok: false, refusal: 'reason_required' });
    expect(decideDataAdmin(facts, head, 'reject', '不是正式员工')).toEqual({
      ok: true,
      to: 'rejected',
      replaces: null,
    });
  });

  it.each([
    [{ roles: ['municipal_admin'] as const, organisationId: 7 }],
    [{ roles: ['provincial_admin'] as const, organisationId: 7 }],
    [{ roles: ['municipal_head'] as const, organisationId: 8 }],
  ])('refuses anyone but the head of that centre (%j)', (decider) => {
    expect(decideDataAdmin(facts, decider, 'approve')).toEqual({ ok: false, refusal: 'not_head' });
  });

  it.each(['active', 'rejected', 'replaced'] as const)('a %s registration is not decided again', (status) => {
    expect(decideDataAdmin({ ...facts, status }, head, 'approve')).toEqual({ ok: false, refusal: 'not_pending' });
    expect(decideDataAdmin({ ...facts, status }, head, 'reject', '原因')).toEqual({
      ok: false,
      refusal: 'not_pending',
    });
  });
});

describe('R-4 reminder recipients', () => {
  const admins = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('the active administrators when the centre registered any', () => {
    expect(dataAdminRecipients(admins, new Set([2]))).toEqual([{ id: 2 }]);
  });
  it('every municipal_admin while none is registered (or the registered one is no longer among them)', () => {
    expect(dataAdminRecipients(admins, new Set())).toEqual(admins);
    expect(dataAdminRecipients(admins, new Set([9]))).toEqual(admins);
  });
});
