import { buildReturn } from './returnPayload';

const base = { version: 3, reason: ' 数据有误 ', mode: 'whole' as const, recordIds: [], recordReasons: {} };

describe('buildReturn (R-13 return body)', () => {
  it('returns the whole batch with the trimmed reason', () => {
    expect(buildReturn(base)).toEqual({ body: { version: 3, reason: '数据有误' } });
  });

  it('requires a reason', () => {
    expect(buildReturn({ ...base, reason: ' 无' })).toEqual({ problem: 'app.review.problems.reason_required' });
  });

  it('gives each selected record the batch reason unless the reviewer wrote its own', () => {
    const result = buildReturn({
      ...base,
      mode: 'records',
      recordIds: [11, 12],
      recordReasons: { 12: '证件号码与姓名不符' },
    });
    expect(result).toEqual({
      body: {
        version: 3,
        reason: '数据有误',
        records: [
          { id: 11, reason: '数据有误' },
          { id: 12, reason: '证件号码与姓名不符' },
        ],
      },
    });
  });

  it('refuses a partial return without records or with an emptied record reason', () => {
    expect(buildReturn({ ...base, mode: 'records' })).toEqual({ problem: 'app.review.problems.no_records' });
    expect(buildReturn({ ...base, mode: 'records', recordIds: [11], recordReasons: { 11: ' ' } })).toEqual({
      problem: 'app.review.problems.record_reason_required',
    });
  });
});
