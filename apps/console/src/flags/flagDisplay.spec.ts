import { SCREENING_RULE_CODES } from '@app/contracts';
import { certificateSuspendable, countsByRule, flagActions, flagFigureRows, numbersPreview } from './flagDisplay';

const certificate = {
  institutionId: 7,
  institutionName: '广州市白云区粤厨职业培训学校',
  occupationCode: '4-03-02-01',
  occupationName: '中式烹调师',
  status: 'published',
  lookupStatus: 'visible' as const,
};

describe('flag display', () => {
  it('labels the figures and names codes: institution, level, institution status, occupation', () => {
    const rows = flagFigureRows({
      figures: { institutionId: 7, level: 4, status: 'dissolved', occupationCode: '4-03-02-01', factor: 5 },
      figureLabels: { factor: '倍数（阈值）' },
      certificates: [certificate as never],
      institutionNames: ['广州市白云区粤厨职业培训学校'],
    });
    expect(rows).toEqual([
      { key: 'institutionId', label: '机构', value: '广州市白云区粤厨职业培训学校' },
      { key: 'level', label: '等级', value: expect.stringContaining('四级') },
      { key: 'status', label: '机构状态', value: '主体灭失' },
      { key: 'occupationCode', label: '职业编码', value: '中式烹调师 4-03-02-01' },
      { key: 'factor', label: '倍数（阈值）', value: '5' },
    ]);
  });

  it('keeps an empty level empty and an unknown key as it is', () => {
    const rows = flagFigureRows({
      figures: { level: '', other: 'x' },
      figureLabels: {},
      certificates: [],
      institutionNames: [],
    });
    expect(rows.map((r) => r.value)).toEqual(['', 'x']);
    expect(rows[1].label).toBe('other');
  });

  it('suspends only published certificates that lookup still finds', () => {
    expect(certificateSuspendable(certificate)).toBe(true);
    expect(certificateSuspendable({ ...certificate, lookupStatus: 'suspended' })).toBe(false);
    expect(certificateSuspendable({ status: 'in_review', lookupStatus: null })).toBe(false);
  });

  it('lets only the national reviewer decide, and not on a dismissed flag', () => {
    const open = { status: 'open' as const, certificates: [certificate] };
    expect(flagActions(open, ['national_reviewer'])).toEqual({ dismiss: true, suspendAll: true, suspendOne: true });
    expect(flagActions(open, ['national_admin'])).toEqual({ dismiss: false, suspendAll: false, suspendOne: false });
    expect(flagActions({ ...open, status: 'dismissed' }, ['national_reviewer']).suspendAll).toBe(false);
    const allSuspended = {
      status: 'suspended' as const,
      certificates: [{ ...certificate, lookupStatus: 'suspended' as const }],
    };
    expect(flagActions(allSuspended, ['national_reviewer'])).toEqual({
      dismiss: false,
      suspendAll: false,
      suspendOne: true,
    });
  });

  it('previews the first numbers and counts the rest', () => {
    expect(numbersPreview(['A', 'B', 'C', 'D'], 60)).toEqual({ listed: ['A', 'B', 'C'], more: 57 });
    expect(numbersPreview(['A'], 1)).toEqual({ listed: ['A'], more: 0 });
  });

  it('lists every rule in its order, zero where nothing was raised', () => {
    const counts = countsByRule([
      { rule: 'volume_spike', ruleLabel: '机构月发证量异常', open: 2, dismissed: 1, suspended: 0 },
    ]);
    expect(counts.map((c) => c.rule)).toEqual([...SCREENING_RULE_CODES]);
    expect(counts.find((c) => c.rule === 'volume_spike')).toMatchObject({ open: 2, dismissed: 1 });
    expect(counts.find((c) => c.rule === 'under_age')).toMatchObject({ open: 0, dismissed: 0, suspended: 0 });
    expect(counts.every((c) => /[\u4e00-\u9fff]/.test(c.ruleLabel))).toBe(true);
  });
});
