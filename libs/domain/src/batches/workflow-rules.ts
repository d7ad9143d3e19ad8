import type { OrganisationLevel } from '../access/roles';
import type { DomainErrorCode } from '../errors';

// Rules around the batch state machine: who may maintain an institution's data, who may upload for it,
// separation of duties between those who report data and those who approve it (R-3 三权分立), and how a
// (re)submission's records are judged against their periods.

export type InstitutionStatus = 'active' | 'ceased' | 'dissolved';

export interface Refusal {
  code: DomainErrorCode;
  message: string;
}

/**
 * R-44 (指南 第十六条): a ceased institution (停止认定) keeps its maintenance duties; a dissolved one (主体灭失) no
 * longer acts — its own operators may not upload, re-upload, edit, submit or reveal, the parent centre does.
 */
export function maintenanceRefusal(
  institutionStatus: InstitutionStatus,
  actorLevel: OrganisationLevel,
): Refusal | null {
  if (institutionStatus === 'dissolved' && actorLevel === 'institution') {
    return {
      code: 'INSTITUTION_DISSOLVED',
      message: '该评价机构已主体灭失，其证书数据由上级技能中心维护，本机构账号不能再上传、修改、提交或查看完整证件号码',
    };
  }
  return null;
}

/**
 * a centre uploads on an institution's behalf only where the rules make it the maintainer (dissolved
 * institutions) or with a recorded reason; an institution uploads its own data.
 */
export function proxyUploadRefusal(
  actorLevel: OrganisationLevel,
  institutionStatus: InstitutionStatus,
  proxyReason: string | null | undefined,
): Refusal | null {
  const refusal = maintenanceRefusal(institutionStatus, actorLevel);
  if (refusal) return refusal;
  if (actorLevel === 'institution' || institutionStatus === 'dissolved') return null;
  if ((proxyReason ?? '').trim().length < 2) {
    return {
      code: 'BATCH_PROXY_REASON_REQUIRED',
      message: '技能中心代评价机构上传证书数据时，须填写代为上传的原因（proxyReason）；已主体灭失机构的数据除外',
    };
  }
  return null;
}

/** R-3 三权分立: whoever uploaded, re-uploaded, edited or submitted a batch (or a batch it came from) may not approve it. */
/** the decisions that make someone an author of a batch's data, who may then not approve it. */
export const AUTHORING_ACTIONS = ['upload', 'reupload', 'submit', 'record_edit'] as const;

export function separationRefusal(actorId: number, authorIds: ReadonlySet<number>): Refusal | null {
  if (!authorIds.has(actorId)) return null;
  return {
    code: 'BATCH_SEPARATION_OF_DUTIES',
    message: '您上传、修改或提交过该批次的数据，不能审批该批次（上报与审核职责分离），请由其他审核人员处理',
  };
}

export interface RecordKeys {
  ids: ReadonlySet<number>;
  numbers: ReadonlySet<string>;
}

/** A record is the same one when it kept its id (edited in place) or its certificate number (re-uploaded). */
export function coversRecord(keys: RecordKeys | null, record: { id: number; certificateNumber: string }): boolean {
  return keys !== null && (keys.ids.has(record.id) || keys.numbers.has(record.certificateNumber));
}

export interface SubmittedRecord {
  id: number;
  certificateNumber: string;
  /** R-14 upload deadline from the issue date. */
  uploadDue: string;
  /** R-16 acceptance cutoff: issue date + 6 months. */
  cutoff: string;
}

export interface SubmissionContext {
  today: string;
  /**
   * For a resubmission after a return: the correction due date (counted from the day the return was received)
   * and the records that were returned.
   */
  correction: ({ due: string } & RecordKeys) | null;
  /** The records the provincial centre's exemption was granted for. */
  exempted: RecordKeys | null;
}

export interface RecordJudgement {
  /** Submitted after its deadline: needs the 附件3 statement given with this submission. */
  late: boolean;
  /** Past the 6-month cutoff. */
  pastCutoff: boolean;
  /** Past the cutoff and not covered by an exemption granted for it: refused. */
  refused: boolean;
  /** The deadline it was judged by. */
  due: string;
}

/**
 * R-14, R-16 (粤 二（三）, 指南 第十一、十二条): a returned record resubmitted within its correction period is on time
 * and outside the 6-month cutoff; after the period it is late (and the cutoff applies again). Other records — new
 * ones a re-upload added — are judged by their own upload deadline and cutoff.
 */
export function judgeRecord(record: SubmittedRecord, ctx: SubmissionContext): RecordJudgement {
  const returned = ctx.correction !== null && coversRecord(ctx.correction, record);
  if (returned && ctx.today <= ctx.correction!.due) {
    return { late: false, pastCutoff: false, refused: false, due: ctx.correction!.due };
  }
  const pastCutoff = ctx.today > record.cutoff;
  const uploadDue = returned && ctx.correction!.due > record.uploadDue ? ctx.correction!.due : record.uploadDue;
  const late = pastCutoff || ctx.today > uploadDue;
  return {
    late,
    pastCutoff,
    refused: pastCutoff && !coversRecord(ctx.exempted, record),
    due: pastCutoff ? record.cutoff : uploadDue,
  };
}
