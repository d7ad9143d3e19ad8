import { dueChipLook } from './dueChip';

const look = (workingDaysLeft: number | null, overdue = false) => dueChipLook({ workingDaysLeft, overdue });

describe('dueChipLook (countdown chips)', () => {
  it('reads overdue working days in red', () => {
    expect(look(-4, true)).toEqual({ label: '已逾期 4 个工作日', color: 'error' });
  });

  it('is red when overdue by calendar days only (the due day was followed by rest days)', () => {
    expect(look(0, true)).toEqual({ label: '已逾期', color: 'error' });
  });

  it('warns on the due day and within 3 working days', () => {
    expect(look(0)).toEqual({ label: '今日到期', color: 'warning' });
    expect(look(1)).toEqual({ label: '剩余 1 个工作日', color: 'warning' });
    expect(look(3)).toEqual({ label: '剩余 3 个工作日', color: 'warning' });
  });

  it('is green beyond 3 working days', () => {
    expect(look(4)).toEqual({ label: '剩余 4 个工作日', color: 'success' });
  });

  it('shows nothing without a running deadline (published batches)', () => {
    expect(look(null)).toBeNull();
  });
});
