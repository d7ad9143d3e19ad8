/** How a working-day countdown reads and looks: red overdue, amber within 3 working days. */
export interface DueChipLook {
  label: string;
  color: 'success' | 'warning' | 'error';
}

export const DUE_SOON_WORKING_DAYS = 3;

export function dueChipLook(workingDaysLeft: number | null | undefined): DueChipLook | null {
  if (workingDaysLeft == null) return null;
  if (workingDaysLeft < 0) return { label: `已逾期 ${-workingDaysLeft} 个工作日`, color: 'error' };
  if (workingDaysLeft === 0) return { label: '今日到期', color: 'warning' };
  return {
    label: `剩余 ${workingDaysLeft} 个工作日`,
    color: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'warning' : 'success',
  };
}
