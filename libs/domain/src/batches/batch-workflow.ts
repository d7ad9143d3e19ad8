import type { DayDeadlineRule } from '../calendar/deadline-policy';
import { ROLE_LABELS, type OrganisationLevel, type Role } from '../access/roles';

// the batch state machine — who acts at which stage, what comes next, which period runs.

export const BATCH_STATUSES = [
  'draft',
  'municipal_review',
  'municipal_head_approval',
  'provincial_review',
  'national_review',
  'published',
  'returned',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const REVIEW_STAGES = ['municipal_review', 'municipal_head_approval', 'provincial_review', 'national_review'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = {
  draft: '草稿（待提交）',
  municipal_review: '市级审核',
  municipal_head_approval: '市级负责人审批',
  provincial_review: '省级审核',
  national_review: '部中心审核',
  published: '已发布',
  returned: '已退回（待更正）',
};

/** The one role that decides at each review stage (粤技服〔2022〕151号 二(一)(二), 指南 第五—十条). */
export const STAGE_ROLE: Record<ReviewStage, Role> = {
  municipal_review: 'municipal_admin',
  municipal_head_approval: 'municipal_head',
  provincial_review: 'provincial_reviewer',
  national_review: 'national_reviewer',
};

/** The organisation level whose staff own each stage (for "who is responsible" on the deadline board). */
export const STAGE_LEVEL: Record<ReviewStage, OrganisationLevel> = {
  municipal_review: 'municipal',
  municipal_head_approval: 'municipal',
  provincial_review: 'provincial',
  national_review: 'national',
};

/**
 * the period each stage runs on. The municipal centre's 15 working days cover both the data
 * administrator's review and the head's approval ("完成本地审核上传省技能中心"), so the head's stage keeps
 * the municipal due date rather than starting a new period.
 */
export const STAGE_DEADLINE_RULE: Record<ReviewStage, DayDeadlineRule | 'inherit'> = {
  municipal_review: 'municipal_review',
  municipal_head_approval: 'inherit',
  provincial_review: 'provincial_review',
  national_review: 'national_publish',
};

/** correction period after a return, by the stage that returned. */
export const CORRECTION_RULE: Record<ReviewStage, DayDeadlineRule> = {
  municipal_review: 'correction_after_municipal_return',
  municipal_head_approval: 'correction_after_municipal_return',
  provincial_review: 'correction_after_provincial_return',
  national_review: 'correction_after_national_return',
};

export function isReviewStage(status: string): status is ReviewStage {
  return (REVIEW_STAGES as readonly string[]).includes(status);
}

/** institutions under a city start at municipal review; provincial-level ones skip the city. */
export function firstStage(institutionParentLevel: OrganisationLevel): ReviewStage {
  return institutionParentLevel === 'municipal' ? 'municipal_review' : 'provincial_review';
}

export function nextStatus(stage: ReviewStage): ReviewStage | 'published' {
  switch (stage) {
    case 'municipal_review':
      return 'municipal_head_approval';
    case 'municipal_head_approval':
      return 'provincial_review';
    case 'provincial_review':
      return 'national_review';
    case 'national_review':
      return 'published';
  }
}

export type WorkflowAction = 'submit' | 'approve' | 'return';

/**
 * Whether someone holding `roles` may take `action` on a batch in `status` (jurisdiction is checked
 * separately). Returns null when allowed, else the Chinese reason.
 */
export function actionRefusal(action: WorkflowAction, status: BatchStatus, roles: readonly Role[]): string | null {
  if (action === 'submit') {
    if (status !== 'draft' && status !== 'returned') return `批次当前为“${BATCH_STATUS_LABELS[status]}”，不能提交`;
    const allowed: Role[] = ['institution_operator', 'municipal_admin', 'provincial_admin'];
    return roles.some((r) => allowed.includes(r)) ? null : '只有评价机构或代为维护数据的技能中心可以提交批次';
  }
  if (!isReviewStage(status)) return `批次当前为“${BATCH_STATUS_LABELS[status]}”，不在审核环节`;
  const role = STAGE_ROLE[status];
  return roles.includes(role) ? null : `“${BATCH_STATUS_LABELS[status]}”环节只能由${ROLE_LABELS[role]}处理`;
}

