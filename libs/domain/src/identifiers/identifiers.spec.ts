import fc from 'fast-check';
import {
  canonicalIdNumberForSearch,
  createSeededRng,
  creditCodeCheckChar,
  generateCreditCode,
  generateResidentId,
  residentIdCheckChar,
  upgradeLegacyId15,
  validateCreditCode,
  validateForeignPermanentResidentId,
  validateHkMacaoPermit,
  validateOtherDocumentNumber,
  validatePassportNumber,
  validateResidentId,
  validateTaiwanPermit,
} from './index';

describe('validateResidentId (GB 11643-1999, Appendix B)', () => {
  it.each([
    // The standard's own examples.
    ['11010519491231002X', '1949-12-31', 2, '110105'],
    ['440524188001010014', '1880-01-01', 1, '440524'],
    // Lower-case x and full-width digits typed with a Chinese IME are normalised.
    ['11010519491231002x', '1949-12-31', 2, '110105'],
    ['１１０１０５１９４９１２３１００２Ｘ', '1949-12-31', 2, '110105'],
  ])('accepts %s', (id, birthDate, gender, region) => {
    const r = validateResidentId(id);
    expect(r).toMatchObject({ ok: true, birthDate, gender, regionCode: region });
    if (r.ok) {
      expect(r.normalized).toMatch(/^\d{17}[\dX]$/);
      expect(r.legacy).toBe(false);
    }
  });

  it.each([
    ['', '不能为空'],
    ['11010519491231002', '应为18位'],
    ['11010519491231002X1', '应为18位'],
    ['1101051949123100AX', '前17位应为数字'],
    ['110105194912310029', '校验位错误'],
    ['000105194912310020', '地址码无效'],
    ['910105194912310020', '地址码无效'],
    ['810105199001010010', '810000、820000或830000'],
    ['110105199002300011', '出生日期不是有效日期'],
    ['110105199013010011', '出生日期不是有效日期'],
  ])('refuses %j with a Chinese reason', (id, reason) => {
    const r = validateResidentId(id);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(reason);
    }
  });

  it('accepts HK/MO/TW residence permits (810000/820000/830000)', () => {
    for (const area of ['810000', '820000', '830000']) {
      const id = generateResidentId(createSeededRng(1), { regionCode: area, birthDate: '1995-06-30', gender: 1 });
      expect(validateResidentId(id)).toMatchObject({ ok: true, regionCode: area, gender: 1 });
    }
  });

  it('accepts a 15-digit legacy number only when flagged, and upgrades it', () => {
    expect(validateResidentId('110105491231002')).toMatchObject({ ok: false, reason: expect.stringContaining('15位') });
    expect(validateResidentId('110105491231002', { allowLegacy15: true })).toEqual({
      ok: true,
      normalized: '110105491231002',
      canonical: '11010519491231002X',
      legacy: true,
      birthDate: '1949-12-31',
      gender: 2,
      regionCode: '110105',
    });
    expect(upgradeLegacyId15('110105491231002')).toBe('11010519491231002X');
    expect(upgradeLegacyId15('11010549123100')).toBeNull();
  });

  it('R-8/R-9: a searched 15-digit number is looked up in its 18-digit form, like the stored blind index', () => {
    expect(canonicalIdNumberForSearch(' 110105491231002 ')).toBe('11010519491231002X');
    expect(canonicalIdNumberForSearch('11010519491231002x')).toBe('11010519491231002X');
    expect(canonicalIdNumberForSearch('E12345678')).toBe('E12345678');
  });

  const arbIdParts = fc.record({
    region: fc.constantFrom('440106', '440305', '440604', '441900', '510104', '510703', '511302', '810000'),
    birth: fc.date({
      min: new Date('1940-01-01T00:00:00Z'),
      max: new Date('2010-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    gender: fc.constantFrom(1 as const, 2 as const),
    seed: fc.integer(),
  });

  it('property: every generated number validates with its birth date and gender', () => {
    fc.assert(
      fc.property(arbIdParts, ({ region, birth, gender, seed }) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const id = generateResidentId(createSeededRng(seed), { regionCode: region, birthDate, gender });
        const r = validateResidentId(id);
        return r.ok && r.birthDate === birthDate && r.gender === gender && r.regionCode === region;
      }),
    );
  });

  it('property: changing any one character of a valid number makes it invalid', () => {
    fc.assert(
      fc.property(
        arbIdParts,
        fc.nat(17),
        fc.integer({ min: 1, max: 10 }),
        ({ region, birth, gender, seed }, pos, delta) => {
          const id = generateResidentId(createSeededRng(seed), {
            regionCode: region,
            birthDate: birth.toISOString().slice(0, 10),
            gender,
          });
          const alphabet = '0123456789X';
          const current = alphabet.indexOf(id[pos]);
          const size = pos === 17 ? 11 : 10;
          const replacement = alphabet[(current + delta) % size];
          fc.pre(replacement !== id[pos]);
          const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
          return !validateResidentId(changed).ok;
        },
      ),
    );
  });

  it('check character table is "10X98765432"', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
  });
});

describe('validateCreditCode (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000802100433B', '91440300708461136T', ' 91350100m000100y43 '])(
    'accepts %j',
    (code) => {
      expect(validateCreditCode(code)).toEqual({ ok: true, normalized: code.trim().toUpperCase() });
    },
  );

  it.each([
    ['', '不能为空'],
    ['91350100M000100Y4', '应为18位'],
    ['91350100M000100Y44', '统一社会信用代码校验位错误'],
    ['91350100M0001O0Y43', '非法字符“O”'],
    ['913501I0M000100Y43', '非法字符“I”'],
    ['9135A100M000100Y43', '第3—8位'],
  ])('refuses %j', (code, reason) => {
    const r = validateCreditCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain(reason);
    }
  });

  it('property: generated codes validate; a changed character fails', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('91', '12', '52'),
        fc.nat(17),
        fc.integer({ min: 1, max: 30 }),
        (seed, prefix, pos, delta) => {
          const code = generateCreditCode(createSeededRng(seed), { regionCode: '440100', prefix });
          if (!validateCreditCode(code).ok || code.slice(0, 8) !== `${prefix}440100`) {
            return false;
          }
          const replacement = charset[(charset.indexOf(code[pos]) + delta) % 31];
          const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
          // Positions 3–8 must stay digits to reach the checksum; a letter there is refused anyway.
          return !validateCreditCode(changed).ok;
        },
      ),
    );
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
});

describe('loose document validators', () => {
  it.each([
    [validateHkMacaoPermit, 'H12345678', true],
    [validateHkMacaoPermit, 'm1234567801', true],
    [validateHkMacaoPermit, 'C12345678', false],
    [validateTaiwanPermit, '12345678', true],
    [validateTaiwanPermit, '1234567890(B)', true],
    [validateTaiwanPermit, '1234567', false],
    [validatePassportNumber, 'E12345678', true],
    [validatePassportNumber, 'EA1234567', true],
    [validatePassportNumber, 'ABCDEFG', false],
    [validatePassportNumber, 'E1234-5678', false],
    [validateForeignPermanentResidentId, 'USA110180120001', true],
    [validateForeignPermanentResidentId, '931586199001011239', true],
    [validateForeignPermanentResidentId, 'US1101801200011', false],
    [validateOtherDocumentNumber, '南字第123456号', true],
    [validateOtherDocumentNumber, '', false],
  ] as const)('%p(%j) → %s', (fn, value, ok) => {
    expect(fn(value).ok).toBe(ok);
  });
});
