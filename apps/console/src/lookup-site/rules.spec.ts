import type { AuthorizationCodeView, LookupCoverageRow } from '@app/contracts';
import { byProvince, coverageRange, currentCode, modeSentence } from './rules';

const schedule = { kind: 'qualification' as const, newModeStart: '2025-12-01', oldModeLastDay: '2026-02-28' };

describe('modeSentence (R-32, seed 000 wording)', () => {
  it.each([
    ['old', '目前使用旧版查询；新版实名查询自2025年12月1日起上线。'],
    ['both', '新版与旧版查询并行，旧版查询开放至2026年2月28日（含），此后统一使用新版查询。'],
    ['new', '旧版查询已于2026年3月1日起停用，请登录后使用新版查询。'],
  ] as const)('%s', (mode, sentence) => {
    expect(modeSentence({ ...schedule, mode, announcement: '' })).toBe(sentence);
  });
});

describe('currentCode (授权码管理)', () => {
  const code = (id: number, status: AuthorizationCodeView['status'], createdAt: string, kind = 'skill_level') =>
    ({ id, kind, code: `C${id}`, createdAt, expiresAt: createdAt, status }) as AuthorizationCodeView;

  it('prefers the code in force, then a stopped one that can be resumed, then the newest', () => {
    const expired = code(1, 'expired', '2024-01-01T00:00:00Z');
    const stopped = code(2, 'stopped', '2025-01-01T00:00:00Z');
    const active = code(3, 'active', '2024-06-01T00:00:00Z');
    expect(currentCode([expired, stopped, active], 'skill_level')).toBe(active);
    expect(currentCode([expired, stopped], 'skill_level')).toBe(stopped);
    expect(currentCode([expired], 'skill_level')).toBe(expired);
  });

  it('shows only the kind asked for', () => {
    expect(currentCode([code(1, 'active', '2026-01-01T00:00:00Z', 'qualification')], 'skill_level')).toBeUndefined();
  });
});

describe('coverage (R-34, seed 001 table)', () => {
  const row = (provinceName: string, institutionName: string, earliest: string, latest: string): LookupCoverageRow => ({
    kind: 'skill_level',
    provinceName,
    institutionName,
    earliestIssueDate: earliest,
    latestIssueDate: latest,
  });

  it('writes months as seed 001 does', () => {
    expect(coverageRange('2007-01-15', '2019-12-31')).toBe('2007.1--2019.12');
  });

  it('spans each province over its institutions and keeps them for 详细', () => {
    const provinces = byProvince(
      [
        row('广东', 'A', '2020-03-01', '2024-05-01'),
        row('广东', 'B', '2019-07-01', '2023-01-01'),
        row('四川', 'C', '2021-01-01', '2025-10-01'),
        { ...row('广东', 'Q', '2001-01-01', '2001-01-01'), kind: 'qualification' },
      ],
      'skill_level',
    );
    expect(provinces.map((p) => [p.name, p.earliest, p.latest, p.institutions.length])).toEqual([
      ['广东', '2019-07-01', '2024-05-01', 2],
      ['四川', '2021-01-01', '2025-10-01', 1],
    ]);
  });
});
