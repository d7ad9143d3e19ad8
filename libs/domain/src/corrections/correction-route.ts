import type { OrganisationLevel, Role } from '../access/roles';
import type { InstitutionStatus } from '../batches/workflow-rules';
import type { DeadlineProfile, DeadlineRule } from '../calendar/deadline-policy';
import { DomainError } from '../errors';
import { DEADLINE_INVALID_TIMESTAMP, beijingDateOf, computeDeadline } from '../calendar/deadline-policy';
import type { IsoDate } from '../calendar/iso-date';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { CertificateDataStatus, CorrectionType } from './correction-refusal';

// R-23 (粤技服〔2022〕151号 三(二)(三)(四), 指南 第十三—十五条): which stages a request passes and who may ask.

/** 附件4 要求完成时间: 紧急 / 急 / 普通. */
export const WORK_ORDER_URGENCIES = ['urgent', 'express', 'normal'] as const;
export type WorkOrderUrgency = (typeof WORK_ORDER_URGENCIES)[number];

/** R-21 (附件4 备注2): 紧急 24 hours, 急 48 hours on the clock; 普通 5 working days. */
export const WORK_ORDER_DEADLINE_RULE: Record<WorkOrderUrgency, DeadlineRule> = {
  urgent: 'work_order_urgent',
  express: 'work_order_express',
  normal: 'work_order_normal',
};

export const CORRECTION_STAGES = ['work_order', 'municipal_review', 'provincial_review', 'national_review'] as const;
export type CorrectionStageName = (typeof CORRECTION_STAGES)[number];

export interface CorrectionStage {
  stage: CorrectionStageName;
  /** The one role that decides at this stage. */
  role: Role;
  /** The level of the organisation whose staff hold it: the institution's parent centre, the province, national. */
  level: OrganisationLevel;
  /** The period the stage runs on, from the day (or, for hour rules, the instant) the request reached it. */
  deadlineRule: DeadlineRule;
  /** Approval here applies the change (writes the new version or the logical deletion). */
  applies: boolean;
}

/**
 * - `direct_edit`: the record of a draft or returned batch is edited in place, as today — no request.
 * - `work_order`: submitted, not yet published (附件4): the institution's parent centre handles and applies it.
 * - `published_modification`: 附件5-1 → municipal review → provincial review → national applies (R-22); provincial
 *   institutions' statements go straight to the province (三(三)); no head-approval step.
 * - `published_deletion`: asked by the provincial centre, applied by national (R-23, 指南 第十五条).
 */
export type CorrectionRouteKind = 'direct_edit' | 'work_order' | 'published_modification' | 'published_deletion';

export interface CorrectionRoute {
  kind: CorrectionRouteKind;
  /** In order; empty for a direct edit. */
  stages: CorrectionStage[];
}

export interface CorrectionRouteInput {
  type: CorrectionType;
  status: CertificateDataStatus;
  /** The level of the issuing institution's parent: municipal, or provincial for provincial institutions. */
  institutionParentLevel: OrganisationLevel;
  /** Work orders: 附件4's urgency. Required by the request form; a work order without one runs as 普通. */
  urgency?: WorkOrderUrgency | null;
}

const PUBLISHED_STAGES: Record<'municipal_review' | 'provincial_review' | 'national_review', CorrectionStage> = {
  // Platform default periods: the rules give none for errata, so each stage runs the R-14 period of its batch stage.
  municipal_review: {
    stage: 'municipal_review',
    role: 'municipal_admin',
    level: 'municipal',
    deadlineRule: 'municipal_review',
    applies: false,
  },
  provincial_review: {
    stage: 'provincial_review',
    role: 'provincial_reviewer',
    level: 'provincial',
    deadlineRule: 'provincial_review',
    applies: false,
  },
  national_review: {
    stage: 'national_review',
    role: 'national_reviewer',
    level: 'national',
    deadlineRule: 'national_publish',
    applies: true,
  },
};

export function correctionRoute(input: CorrectionRouteInput): CorrectionRoute {
  if (input.status === 'draft' || input.status === 'returned') return { kind: 'direct_edit', stages: [] };
  const provincial = input.institutionParentLevel === 'provincial';
  if (input.status === 'in_review') {
    return {
      kind: 'work_order',
      stages: [
        {
          stage: 'work_order',
          role: provincial ? 'provincial_reviewer' : 'municipal_admin',
          level: provincial ? 'provincial' : 'municipal',
          deadlineRule: WORK_ORDER_DEADLINE_RULE[input.urgency ?? 'normal'],
          applies: true,
        },
      ],
    };
  }
  if (input.type === 'delete') {
    return { kind: 'published_deletion', stages: [{ ...PUBLISHED_STAGES.national_review }] };
  }
  const chain = provincial
    ? [PUBLISHED_STAGES.provincial_review, PUBLISHED_STAGES.national_review]
    : [PUBLISHED_STAGES.municipal_review, PUBLISHED_STAGES.provincial_review, PUBLISHED_STAGES.national_review];
  return { kind: 'published_modification', stages: chain.map((s) => ({ ...s })) };
}

export interface WorkOrderDue {
  /** The Beijing day it is due (the deadline board's day). */
  due: IsoDate;
  /** Hour rules: the exact instant (UTC ISO 8601); null for 普通, which is due at the end of its day. */
  dueAt: string | null;
  rule: DeadlineRule;
  provisional: boolean;
  /** Chinese explanation of the count (calendar engine). */
  explanation: string;
}

/**
 * when a work order is due, from the instant it was filed (ISO 8601 with offset, from the injected clock):
 * 紧急 / 急 count 24 / 48 hours on the clock, 普通 5 working days from the Beijing day of filing.
 */
export function workOrderDue(
  calendar: WorkingDayCalendar,
  urgency: WorkOrderUrgency,
  submittedAt: string,
  profile: DeadlineProfile = 'national',
): WorkOrderDue {
  const rule = WORK_ORDER_DEADLINE_RULE[urgency];
  const ms = Date.parse(submittedAt);
  if (Number.isNaN(ms)) {
    throw new DomainError(DEADLINE_INVALID_TIMESTAMP, `时间格式无效：${submittedAt}（应为带时区的 ISO 8601 时间）`, {
      value: submittedAt,
    });
  }
  const from = urgency === 'normal' ? beijingDateOf(ms) : submittedAt;
  const r = computeDeadline(calendar, rule, from, profile);
  return { due: r.due, dueAt: r.dueAt ?? null, rule, provisional: r.provisional, explanation: r.explanation };
}

/** The person asking: their roles and organisation. */
export interface CorrectionRequester {
  roles: readonly Role[];
  organisationId: number;
}

/** Whose data it is: the issuing institution and the province it sits in. */
export interface CorrectionOwner {
  institutionId: number;
  institutionStatus: InstitutionStatus;
  /** The institution's parent centre (municipal, or provincial for provincial institutions). */
  parentId: number;
  parentLevel: OrganisationLevel;
  /** The provincial centre above the institution. */
  provinceId: number;
}

/**
 * who may file a request on this route. Work orders and modifications: the issuing institution's
 * operator (ceased institutions keep their duties), or — for a dissolved institution — its parent centre's data
 * administrator. Deletions: the owning province's provincial centre. Null when allowed, else the Chinese reason.
 * Jurisdiction (404) is checked before, centrally; this decides 403.
 */
export function correctionRequesterRefusal(
  route: CorrectionRouteKind,
  actor: CorrectionRequester,
  owner: CorrectionOwner,
): string | null {
  if (route === 'direct_edit') return '草稿或已退回批次中的证书数据请直接修改，无需提出申请';
  if (route === 'published_deletion') {
    const provincial = actor.roles.includes('provincial_reviewer') || actor.roles.includes('provincial_admin');
    return provincial && actor.organisationId === owner.provinceId
      ? null
      : '删除已发布的证书数据，只能由证书所属省份的省级技能中心（省级审核员或省级管理员）向部中心提出';
  }
  if (owner.institutionStatus === 'dissolved') {
    const centreRole: Role = owner.parentLevel === 'provincial' ? 'provincial_admin' : 'municipal_admin';
    return actor.organisationId === owner.parentId && actor.roles.includes(centreRole)
      ? null
      : '该评价机构已主体灭失，其证书数据的修改申请由上级技能中心提出';
  }
  return actor.organisationId === owner.institutionId && actor.roles.includes('institution_operator')
    ? null
    : '证书数据的修改申请只能由发证的评价机构提出（已主体灭失机构由上级技能中心提出）';
}

/**
 * Who files (or completes) a request on this route, as `correctionRequesterRefusal` allows it: where they sit and the
 * role the reminders address. A request a confirmed re-check opened waits on them.
 */
export function correctionRequesterOf(
  route: CorrectionRouteKind,
  owner: CorrectionOwner,
): { organisationId: number; role: Role } {
  if (route === 'published_deletion') return { organisationId: owner.provinceId, role: 'provincial_reviewer' };
  if (owner.institutionStatus === 'dissolved') {
    return {
      organisationId: owner.parentId,
      role: owner.parentLevel === 'provincial' ? 'provincial_admin' : 'municipal_admin',
    };
  }
  return { organisationId: owner.institutionId, role: 'institution_operator' };
}

export function mayRequestCorrection(
  route: CorrectionRouteKind,
  actor: CorrectionRequester,
  owner: CorrectionOwner,
): boolean {
  return correctionRequesterRefusal(route, actor, owner) === null;
}
