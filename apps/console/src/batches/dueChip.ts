import type { DueInfo } from '@app/contracts';
import { DUE_SOON_WORKING_DAYS } from '@app/domain';

/** How a working-day countdown reads and looks: red overdue, amber within 3 working days. */
export interface DueChipLook {
  label: string;
  color: 'success' | 'warning' | 'error';
}

/**
 * From the API's `overdue` and `workingDaysLeft` (negative = working days overdue). A deadline that passed
 * on a rest day is overdue by calendar days only: `workingDaysLeft` is then 0, and `overdue` tells.
 */
export function dueChipLook({
  overdue,
  workingDaysLeft,
}: Pick<DueInfo, 'overdue' | 'workingDaysLeft'>): DueChipLook | null {
  if (workingDaysLeft == null) return null;
  if (overdue || workingDaysLeft < 0) {
    return { label: workingDaysLeft < 0 ? `已逾期 ${-workingDaysLeft} 个工作日` : '已逾期', color: 'error' };
  }
  if (workingDaysLeft === 0) return { label: '今日到期', color: 'warning' };
  return {
    label: `剩余 ${workingDaysLeft} 个工作日`,
    color: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'warning' : 'success',
  };
}
