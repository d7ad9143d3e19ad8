import { dueChipLook } from './dueChip';

describe('dueChipLook (countdown chips)', () => {
  it('reads overdue working days in red', () => {
    expect(dueChipLook(-4)).toEqual({ label: '已逾期 4 个工作日', color: 'error' });
  });

  it('warns on the due day and within 3 working days', () => {
    expect(dueChipLook(0)).toEqual({ label: '今日到期', color: 'warning' });
    expect(dueChipLook(1)).toEqual({ label: '剩余 1 个工作日', color: 'warning' });
    expect(dueChipLook(3)).toEqual({ label: '剩余 3 个工作日', color: 'warning' });
  });

  it('is green beyond 3 working days', () => {
    expect(dueChipLook(4)).toEqual({ label: '剩余 4 个工作日', color: 'success' });
  });

  it('shows nothing without a running deadline (published batches)', () => {
    expect(dueChipLook(null)).toBeNull();
    expect(dueChipLook(undefined)).toBeNull();
  });
});
