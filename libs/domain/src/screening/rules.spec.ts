import {
  addMonthsYm,
  awardKey,
  certificateNumberKey,
  DEFAULT_SCREENING_THRESHOLDS,
  frequentAwards,
  groupsOfTwoOrMore,
  invalidIdentity,
  issuedBeforeRegistration,
  issuedWhileInactive,
  median,
  outsideScope,
  SCREENING_RULE_CODES,
  SCREENING_RULES,
  statusOn,
  underAge,
  volumeSpikes,
} from './rules';
import { evidenceKey } from './fingerprint';

// 11010519491231002X is the GB 11643-1999 sample number (born 1949-12-31).
const SAMPLE_ID = '11010519491231002X';

describe('screening rules (R-25)', () => {
  it('every rule has a stable lower-case code and a Chinese label', () => {
    expect(SCREENING_RULE_CODES).toHaveLength(9);
    for (const code of SCREENING_RULE_CODES) {
      expect(code).toMatch(/^[a-z_]+$/);
      expect(SCREENING_RULES[code]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  describe('invalid_identity', () => {
    const ok = { idType: 1, idNumber: SAMPLE_ID, birthDate: '1949-12-31', issueDate: '2026-01-05' };
    it('accepts a valid resident ID agreeing with the birth date', () => {
      expect(invalidIdentity(ok)).toBeNull();
    });
    it('flags a wrong check character', () => {
      expect(invalidIdentity({ ...ok, idNumber: '110105194912310021' })).not.toBeNull();
    });
    it('flags a birth date disagreeing with the ID number', () => {
      expect(invalidIdentity({ ...ok, birthDate: '1949-12-30' })).toContain('不一致');
    });
    it('flags impossible birth dates: no real date, before 1900, after the issue date', () => {
      const passport = { idType: 4, idNumber: 'E12345678', issueDate: '2026-01-05' };
      expect(invalidIdentity({ ...passport, birthDate: '1990-02-30' })).toBe('出生日期不是有效日期');
      expect(invalidIdentity({ ...passport, birthDate: '1899-12-31' })).not.toBeNull();
      expect(invalidIdentity({ ...passport, birthDate: '1900-01-01' })).toBeNull();
      expect(invalidIdentity({ ...passport, birthDate: '2026-01-06' })).toBe('出生日期晚于发证日期');
      expect(invalidIdentity({ ...passport, birthDate: '2026-01-05' })).toBeNull();
    });
  });

  describe('under_age', () => {
    it('is not under 16 on the 16th birthday, is the day before', () => {
      expect(underAge('2010-03-15', '2026-03-15', 16)).toBe(false);
      expect(underAge('2010-03-15', '2026-03-14', 16)).toBe(true);
    });
    it('someone born on 29 February comes of age on 1 March of a common year', () => {
      expect(underAge('2008-02-29', '2026-02-28', 18)).toBe(true);
      expect(underAge('2008-02-29', '2026-03-01', 18)).toBe(false);
      expect(underAge('2008-02-29', '2024-02-29', 16)).toBe(false);
      expect(underAge('2008-02-29', '2024-02-28', 16)).toBe(true);
    });
  });

  describe('outside_scope', () => {
    const scope = [{ occupationCode: '6-29-03-01', levels: [3, 4], validFrom: '2024-01-01', validTo: '2025-12-31' }];
    const cert = { occupationCode: '6-29-03-01', level: 3, issueDate: '2025-12-31' };
    it('in scope on the last valid day, outside the day after', () => {
      expect(outsideScope(scope, cert)).toBe(false);
      expect(outsideScope(scope, { ...cert, issueDate: '2026-01-01' })).toBe(true);
      expect(outsideScope(scope, { ...cert, issueDate: '2023-12-31' })).toBe(true);
    });
    it('another level or occupation is outside; a certificate without level is judged by occupation', () => {
      expect(outsideScope(scope, { ...cert, level: 2 })).toBe(true);
      expect(outsideScope(scope, { ...cert, occupationCode: '6-29-03-02' })).toBe(true);
      expect(outsideScope(scope, { ...cert, level: null })).toBe(false);
    });
    it('an open-ended entry and an institution without a recorded scope', () => {
      expect(outsideScope([{ ...scope[0], validTo: null }], { ...cert, issueDate: '2030-01-01' })).toBe(false);
      expect(outsideScope(null, cert)).toBe(false);
      expect(outsideScope([], cert)).toBe(false);
    });
  });

  describe('institution_inactive and before_registration', () => {
    const history = [
      { status: 'active', effectiveFrom: '2020-01-01' },
      { status: 'ceased', effectiveFrom: '2025-06-01' },
      { status: 'active', effectiveFrom: '2025-09-01' },
    ];
    it('reads the status in force on the issue date', () => {
      expect(statusOn(history, '2019-12-31')).toBeNull();
      expect(statusOn(history, '2025-05-31')).toBe('active');
      expect(issuedWhileInactive(history, '2025-05-31')).toBeNull();
      expect(issuedWhileInactive(history, '2025-06-01')).toBe('ceased');
      expect(issuedWhileInactive(history, '2025-08-31')).toBe('ceased');
      expect(issuedWhileInactive(history, '2025-09-01')).toBeNull();
    });
    it('flags an issue date before the registration date only', () => {
      expect(issuedBeforeRegistration('2020-01-01', '2019-12-31')).toBe(true);
      expect(issuedBeforeRegistration('2020-01-01', '2020-01-01')).toBe(false);
      expect(issuedBeforeRegistration(null, '2000-01-01')).toBe(false);
    });
  });

  describe('frequent_holder', () => {
    const { frequentCount: n, frequentDays: d } = DEFAULT_SCREENING_THRESHOLDS;
    it('three certificates on day 1 and day 30 of one 30-day window trip it', () => {
      const certs = [
        { id: 1, issueDate: '2026-01-01' },
        { id: 2, issueDate: '2026-01-15' },
        { id: 3, issueDate: '2026-01-30' },
      ];
      expect(frequentAwards(certs, n, d).map((c) => c.id)).toEqual([1, 2, 3]);
    });
    it('the third on day 31 does not', () => {
      const certs = [
        { id: 1, issueDate: '2026-01-01' },
        { id: 2, issueDate: '2026-01-15' },
        { id: 3, issueDate: '2026-01-31' },
      ];
      expect(frequentAwards(certs, n, d)).toEqual([]);
    });
    it('two certificates are below N; a fourth joins the evidence', () => {
      expect(
        frequentAwards(
          [
            { id: 1, issueDate: '2026-01-01' },
            { id: 2, issueDate: '2026-01-01' },
          ],
          n,
          d,
        ),
      ).toEqual([]);
      const four = [1, 2, 3, 4].map((id) => ({ id, issueDate: `2026-01-0${id}` }));
      expect(frequentAwards(four, n, d).map((c) => c.id)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('duplicate_award and similar_number', () => {
    it('groups the same person, occupation, level and kind', () => {
      const a = { idNumberHash: 'h', occupationCode: 'X', level: 3, kind: 'skill_level' };
      const groups = groupsOfTwoOrMore([a, { ...a }, { ...a, level: 2 }, { ...a, kind: 'qualification' }], awardKey);
      expect(groups).toHaveLength(1);
      expect(groups[0]).toHaveLength(2);
    });
    it('normalises full-width characters, case and every kind of space', () => {
      expect(certificateNumberKey('Ｙ０００１ ４４-ab')).toBe('Y000144-AB');
      expect(certificateNumberKey('y0001\u3000 44\t-AB')).toBe('Y000144-AB');
      expect(certificateNumberKey('Y000144-AC')).not.toBe(certificateNumberKey('Y000144-AB'));
    });
  });

  describe('volume_spike', () => {
    const history = (last: number) =>
      new Map([
        ['2025-01', 10],
        ['2025-02', 12],
        ['2025-03', 8],
        ['2025-04', 10],
        ['2025-05', 10],
        ['2025-06', 14],
        ['2025-07', last],
      ]);
    it('exactly 5× the trailing 6-month median does not trip it, one more does', () => {
      expect(median([10, 12, 8, 10, 10, 14])).toBe(10);
      expect(volumeSpikes(history(50), 5, 6)).toEqual([]);
      expect(volumeSpikes(history(51), 5, 6)).toEqual([{ month: '2025-07', count: 51, trailingMedian: 10, factor: 5 }]);
    });
    it('needs six months after the first one, and counts empty months as 0', () => {
      const young = new Map([
        ['2025-02', 10],
        ['2025-07', 500],
      ]);
      expect(volumeSpikes(young, 5, 6)).toEqual([]);
      const sparse = new Map([
        ['2025-01', 10],
        ['2025-02', 10],
        ['2025-03', 10],
        ['2025-04', 10],
        ['2025-07', 26],
      ]);
      // trailing 2025-01…06 = 10,10,10,10,0,0 → median 10; 2025-07 is 26, not above 50.
      expect(volumeSpikes(sparse, 5, 6)).toEqual([]);
      expect(addMonthsYm('2025-11', 3)).toBe('2026-02');
      expect(addMonthsYm('2026-01', -1)).toBe('2025-12');
    });
  });

  it('evidence keys ignore the order of certificates and figures', () => {
    expect(evidenceKey('frequent_holder', [3, 1, 2], { b: 1, a: 2 })).toBe(
      evidenceKey('frequent_holder', [1, 2, 3, 3], { a: 2, b: 1 }),
    );
    expect(evidenceKey('frequent_holder', [1, 2, 3])).not.toBe(evidenceKey('frequent_holder', [1, 2, 3, 4]));
  });
});
