import { creditCodeCheckChar } from '../identifiers/credit-code';
import { residentIdCheckChar } from '../identifiers/resident-id';
import {
  AUTHORIZATION_CODE_ALPHABET,
  authorizationCodeExpiry,
  authorizationCodeState,
  formatAuthorizationCode,
  isMobileNumber,
  loginAccountForms,
  lookupBatchWarning,
  normalizeAuthorizationCode,
  quotaResetsAt,
  validateLookupRegistration,
} from './accounts';

const id17 = '44010619900101123';
const ID = id17 + residentIdCheckChar(id17);
const code17 = '91440101MA5CXXXX0';
const CREDIT = code17.replace(/X/g, 'A') + creditCodeCheckChar(code17.replace(/X/g, 'A'));

describe('R-5 lookup registration', () => {
  it('accepts a person with a resident ID, typed by label or code, and keeps the 18-character form', () => {
    for (const idType of ['居民身份证', 1, '1', '身份证']) {
      const r = validateLookupRegistration({
        type: 'person',
        name: '张三',
        idType,
        idNumber: ` ${ID.toLowerCase()} `,
        mobile: '138 0013 8000',
      });
      expect(r).toEqual({
        ok: true,
        value: { type: 'person', name: '张三', idType: 1, identifier: ID, mobile: '13800138000' },
      });
    }
  });

  it('names every wrong field of a person in Chinese', () => {
    const r = validateLookupRegistration({ type: 'person', name: '', idType: '驾照', idNumber: ID, mobile: '12345' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(['idType', 'mobile', 'name']);
    const bad = validateLookupRegistration({
      type: 'person',
      name: '张三',
      idType: 1,
      idNumber: `${id17}0`,
      mobile: '13800138000',
    });
    expect(bad).toMatchObject({ ok: false, problems: [{ field: 'idNumber' }] });
    // A 15-digit number is refused for accounts: the 18-digit one is in use since 2013.
    expect(
      validateLookupRegistration({
        type: 'person',
        name: '张三',
        idType: 1,
        idNumber: '440106900101123',
        mobile: '13800138000',
      }).ok,
    ).toBe(false);
  });

  it('accepts a legal entity with a checksum-valid credit code and refuses a wrong check character', () => {
    const ok = validateLookupRegistration({
      type: 'legal_entity',
      name: '某某人力资源有限公司',
      creditCode: CREDIT.toLowerCase(),
      contactName: '李四',
      mobile: '+8613900139000',
    });
    expect(ok).toEqual({
      ok: true,
      value: {
        type: 'legal_entity',
        name: '某某人力资源有限公司',
        identifier: CREDIT,
        contactName: '李四',
        mobile: '13900139000',
      },
    });
    const wrongCheck = CREDIT.slice(0, 17) + (CREDIT[17] === '0' ? '1' : '0');
    expect(
      validateLookupRegistration({
        type: 'legal_entity',
        name: '某公司',
        creditCode: wrongCheck,
        contactName: '李四',
        mobile: '13900139000',
      }),
    ).toEqual({ ok: false, problems: [{ field: 'creditCode', message: '统一社会信用代码校验位错误' }] });
  });

  it('refuses an unknown account type', () => {
    expect(validateLookupRegistration({ type: 'robot' })).toMatchObject({ ok: false, problems: [{ field: 'type' }] });
  });

  it('reads a login account as identifier and, when it is one, a mobile number', () => {
    expect(loginAccountForms('13800138000')).toEqual({ identifier: '13800138000', mobile: '13800138000' });
    expect(loginAccountForms(ID.toLowerCase())).toEqual({ identifier: ID, mobile: null });
    expect(isMobileNumber('12800138000')).toBe(false);
  });
});

describe('R-29 authorization codes', () => {
  it('encodes 80 random bits as 16 unambiguous characters in groups of four', () => {
    const code = formatAuthorizationCode(new Uint8Array(10).fill(0xff));
    expect(code).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(formatAuthorizationCode(new Uint8Array(10))).toBe('2222-2222-2222-2222');
    const sample = formatAuthorizationCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(sample).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(AUTHORIZATION_CODE_ALPHABET).not.toMatch(/[01IO]/);
    expect(AUTHORIZATION_CODE_ALPHABET).toHaveLength(32);
    expect(() => formatAuthorizationCode(new Uint8Array(8))).toThrow(RangeError);
  });

  it('reads a typed code whatever its case, spaces and dashes; anything else is no code', () => {
    expect(normalizeAuthorizationCode(' k7q2 9mzp-ab3c_DEF4 ')).toBe('K7Q29MZPAB3CDEF4');
    expect(normalizeAuthorizationCode('K7Q2-9MZP-AB3C-DEF')).toBeNull();
    expect(normalizeAuthorizationCode('K7Q2-9MZP-AB3C-DEF0')).toBeNull();
    expect(normalizeAuthorizationCode('')).toBeNull();
  });

  it('expires one year after creation; expiry wins over stop; a stopped code is stopped', () => {
    const created = new Date('2026-11-23T01:30:00Z');
    const expires = authorizationCodeExpiry(created);
    expect(expires.toISOString()).toBe('2027-11-23T01:30:00.000Z');
    expect(authorizationCodeExpiry(new Date('2028-02-29T04:00:00Z')).toISOString()).toBe('2029-03-01T04:00:00.000Z');
    const before = new Date(expires.getTime() - 1);
    expect(authorizationCodeState({ stopped: false, expiresAt: expires }, before)).toBe('active');
    expect(authorizationCodeState({ stopped: true, expiresAt: expires }, before)).toBe('stopped');
    expect(authorizationCodeState({ stopped: false, expiresAt: expires }, expires)).toBe('expired');
    expect(authorizationCodeState({ stopped: true, expiresAt: expires }, expires)).toBe('expired');
  });
});

describe('R-30, R-31 quotas and batches', () => {
  it('resets at the next Beijing midnight', () => {
    expect(quotaResetsAt('2026-11-23').toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(quotaResetsAt('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('warns above 50 rows only', () => {
    expect(lookupBatchWarning(50)).toBeUndefined();
    expect(lookupBatchWarning(51)).toContain('50');
  });
});
