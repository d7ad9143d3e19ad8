import type { DayDeadlineRule, DeadlineProfile } from '../calendar/deadline-policy';
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

export const REVIEW_STAGES = [
  'municipal_review',
  'municipal_head_approval',
  'provincial_review',
  'national_review',
] as const;
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

/**
 * the review chain is part of the province's deadline profile. Only Guangdong has the municipal head's
 * approval (粤技服〔2022〕151号 二（一）"市属评价机构…证书数据必须经市技能中心负责人…审批后方可上报"); the national
 * 指南 (第五—十条) goes municipal review → provincial review → national review.
 */
export const REVIEW_CHAIN: Readonly<Record<DeadlineProfile, readonly ReviewStage[]>> = {
  national: ['municipal_review', 'provincial_review', 'national_review'],
  guangdong: ['municipal_review', 'municipal_head_approval', 'provincial_review', 'national_review'],
};

/** The stages a batch passes, from its first stage (R-1: provincial-level institutions skip the city). */
export function reviewChain(profile: DeadlineProfile, institutionParentLevel: OrganisationLevel): ReviewStage[] {
  const first = firstStage(institutionParentLevel);
  const chain = REVIEW_CHAIN[profile];
  return chain.slice(chain.indexOf(first));
}

/**
 * The status after approval at `stage` on the province's chain. A stage outside the profile's chain (a batch
 * left at the head's approval when its province has none) goes on to the next stage of the full chain.
 */
export function nextStatus(stage: ReviewStage, profile: DeadlineProfile): ReviewStage | 'published' {
  const chain = REVIEW_CHAIN[profile];
  const at = chain.indexOf(stage);
  if (at >= 0) return chain[at + 1] ?? 'published';
  const rest = REVIEW_STAGES.slice(REVIEW_STAGES.indexOf(stage) + 1).find((s) => chain.includes(s));
  return rest ?? 'published';
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
