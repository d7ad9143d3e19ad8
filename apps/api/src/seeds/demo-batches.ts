import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import {
  addDaysIso,
  BatchStatus,
  CertificateLevel,
  CertificateRecord,
  chineseName,
  computeDeadline,
  CORRECTION_RULE,
  createSeededRng,
  DayDeadlineRule,
  deadlineStatus,
  formatSkillLevelCertificateNumber,
  generateResidentId,
  nextStatus,
  parseCertificateRecord,
  pickOne,
  randomInt,
  reviewChain,
  ReviewStage,
  Rng,
  STAGE_DEADLINE_RULE,
  WorkingDayCalendar,
} from '@app/domain';
import type { AuditEntry } from '../audit/audit.service';
import type { AuditSubject } from '../common/actor/actor';
import { projectRoot } from '../config/app-config';
import type { FieldCipher } from '../crypto/field-cipher';
import { Batch } from '../batches/entities/batch.entity';
import { BatchDecision } from '../batches/entities/batch-decision.entity';
import { loadOccupationCatalogue } from '../organisations/occupation-catalogue.loader';
import { certificateFields } from '../certificates/certificate-fields';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { User } from '../users/entities/user.entity';
import { DEMO_HISTORY, DemoHistoryBatch, DemoPerson, historyRecords } from './demo-screening';

/**
 * Demo batches in every state (issues #4, #5): ~2,000 certificates dated relative to "today", some stages due
 * within 3 working days, some overdue, late submissions with their 附件3 statement, a partial return.
 */
interface Plan {
  institution: string;
  records: number;
  status: BatchStatus;
  /** Working days left on the current stage, upload or correction (negative = overdue). */
  daysLeft?: number;
  returnedFrom?: ReviewStage;
  /** Records uploaded after their deadline, with a statement. */
  late?: boolean;
  /** Days since publication. */
  publishedAgo?: number;
  /** A partial return splits this many records off into a child batch. */
  splitOff?: number;
  /** Published history with the records it names (demo-screening.ts) instead of generated ones. */
  history?: DemoHistoryBatch;
}

const PLANS: Plan[] = [
  { institution: 'inst_gz1', records: 500, status: 'published', publishedAgo: 40 },
  { institution: 'inst_gz1', records: 180, status: 'national_review', daysLeft: 2 },
  { institution: 'inst_gz1', records: 150, status: 'provincial_review', daysLeft: -4 },
  { institution: 'inst_gz1', records: 120, status: 'municipal_review', daysLeft: 1 },
  { institution: 'inst_gz1', records: 60, status: 'municipal_head_approval', daysLeft: 6 },
  { institution: 'inst_gz1', records: 40, status: 'returned', returnedFrom: 'provincial_review', daysLeft: 3 },
  { institution: 'inst_gz1', records: 30, status: 'draft', daysLeft: 2 },
  { institution: 'inst_gz2', records: 90, status: 'municipal_review', daysLeft: -2, late: true },
  { institution: 'inst_gz2', records: 45, status: 'draft', daysLeft: -3 },
  { institution: 'inst_gz2', records: 85, status: 'municipal_review', daysLeft: 8, splitOff: 5 },
  { institution: 'inst_sz1', records: 200, status: 'published', publishedAgo: 75 },
  { institution: 'inst_sz1', records: 70, status: 'municipal_review', daysLeft: 9 },
  { institution: 'inst_gd1', records: 100, status: 'provincial_review', daysLeft: 0 },
  { institution: 'inst_gd1', records: 120, status: 'published', publishedAgo: 20 },
  { institution: 'inst_cd1', records: 60, status: 'municipal_review', daysLeft: 2 },
  { institution: 'inst_cd1', records: 80, status: 'national_review', daysLeft: 11 },
  { institution: 'inst_cd1', records: 100, status: 'published', publishedAgo: 55 },
  // then the history the screening rules find (after the rest, so the batches above keep their ids).
  ...DEMO_HISTORY.map((history): Plan => ({
    institution: history.institution,
    records: history.records.length,
    status: 'published',
    history,
  })),
];

/** The demo's whole return: the batch and each of its records carry this reason. */
const WHOLE_RETURN_REASON = '工种/职业方向填写不规范，请按国家职业标准更正';
const OWN_RECORD_REASON = '证书编号与发证日期不符，请核对后更正';
/** The demo's partial return: the child batch carries this reason, its records their own. */
const PARTIAL_RETURN_REASON = '部分记录有误，退回更正';

export const DISTRICTS: Record<string, string[]> = {
  '44': ['440103', '440104', '440106', '440111', '440113', '440303', '440306', '440604', '441900'],
  '51': ['510104', '510105', '510107', '510116', '510703', '511302'],
};

export interface DemoBatchContext {
  today: string;
  calendar: WorkingDayCalendar;
  cipher: FieldCipher;
  organisations: Map<string, Organisation>;
  users: Map<string, User>;
}

/** An audit record the demo's history would have written, at its time (written by the caller, in time order). */
export interface DemoAuditRecord {
  at: Date;
  subject: AuditSubject;
  entry: AuditEntry;
}

/** Loads the demo batches; answers the number of certificates and the audit trail of the batches' history. */
export async function loadDemoBatches(
  manager: EntityManager,
  ctx: DemoBatchContext,
): Promise<{ certificates: number; history: DemoAuditRecord[] }> {
  const catalogue = loadOccupationCatalogue(join(projectRoot(), 'config', 'occupations.csv'));
  const rng = createSeededRng(20261123);
  const serials = new Map<string, number>();
  const people = new Map<string, DemoPerson>();
  let total = 0;
  const history: DemoAuditRecord[] = [];
  for (const [index, plan] of PLANS.entries()) {
    const institution = ctx.organisations.get(plan.institution)!;
    const profile = institution.deadlineProfile;
    // Every demo institution has its own operator, so no demo batch was uploaded by a centre that must review it
    // the fallback to the city stays for institutions added without one.
    const operator =
      [...ctx.users.values()].find((u) => u.organisationId === institution.id) ??
      [...ctx.users.values()].find(
        (u) => u.organisationId === institution.parentId && u.roles.includes('municipal_admin'),
      )!;
    const parentIsCity =
      [...ctx.organisations.values()].find((o) => o.id === institution.parentId)!.level === 'municipal';
    const timeline = stageTimeline(plan, ctx, profile, parentIsCity);

    const records: CertificateRecord[] = plan.history
      ? historyRecords(plan.history, {
          rng,
          institution,
          today: ctx.today,
          catalogue,
          districts: DISTRICTS[institution.regionCode.slice(0, 2)],
          people,
          certificateNumber: (year, level) => nextCertificateNumber(institution, year, level, serials),
        })
      : [];
    while (records.length < plan.records) {
      const late = plan.late && records.length < Math.ceil(plan.records / 3);
      const issueDate = late
        ? addDaysIso(timeline.submittedOn, -randomInt(rng, 45, 70))
        : addDaysIso(timeline.submittedOn, -randomInt(rng, 2, 20));
      records.push(demoRecord(rng, institution, issueDate, serials, catalogue, ctx.today));
    }

    const inserted = await manager.getRepository(Batch).insert({
      kind: 'skill_level',
      status: plan.status,
      institutionId: institution.id,
      orgPath: institution.path,
      recordCount: plan.records - (plan.splitOff ?? 0),
      fileName: plan.history
        ? `${institution.name}-历史证书数据-${plan.history.publishedOn.slice(0, 4)}.xlsx`
        : `${institution.name}-证书数据-${index + 1}.xlsx`,
      fileChecksum: `demo${String(index).padStart(60, '0')}`,
      createdById: operator.id,
      lateSubmission: Boolean(plan.late),
      overdueStatement: plan.late
        ? {
            reason: '考点信息系统升级，证书数据整理延误',
            responsiblePerson: operator.displayName.replace(/（.*）/, ''),
            contact: '020-86001234',
            recordCount: Math.ceil(plan.records / 3),
            givenBy: operator.displayName,
            givenAt: `${timeline.submittedOn}T02:00:00.000Z`,
          }
        : null,
      stageReceivedOn: timeline.receivedOn,
      dueDate: timeline.dueDate,
      dueRule: timeline.dueRule,
      returnedFrom: plan.returnedFrom ?? null,
      returnReason: plan.status === 'returned' ? WHOLE_RETURN_REASON : null,
      submittedAt: plan.status === 'draft' ? null : new Date(`${timeline.submittedOn}T02:00:00Z`),
      publishedOn: timeline.publishedOn,
      round: plan.status === 'draft' ? 0 : 1,
    });
    const batchId = Number(inserted.identifiers[0].id);
    const status = certificateStatus(plan.status);
    const rows = records.map((record, i) => ({
      batchId,
      institutionId: institution.id,
      ...certificateFields(record, ctx.cipher),
      status,
      rowNumber: i + 2,
      uploadDue:
        plan.status === 'draft' ? null : computeDeadline(ctx.calendar, 'upload', record.issueDate, profile).due,
      // The reviewer gave two records a reason of their own beside the batch's.
      returnReason: plan.status === 'returned' ? (i < 2 ? OWN_RECORD_REASON : WHOLE_RETURN_REASON) : null,
      publishedOn: timeline.publishedOn,
      lookupStatus: status === 'published' ? ('visible' as const) : null,
    }));
    for (let i = 0; i < rows.length; i += 500) await manager.getRepository(Certificate).insert(rows.slice(i, i + 500));
    const trail = decisions(batchId, plan, timeline, operator, ctx, profile);
    await manager.getRepository(BatchDecision).insert(trail);
    const batch = await manager.getRepository(Batch).findOneByOrFail({ id: batchId });
    history.push(...auditTrail(batch, trail, timeline, ctx, profile));
    if (plan.splitOff) history.push(await splitOffChild(manager, batch, plan, institution, operator, ctx));
    total += plan.records;
  }
  return { certificates: total, history };
}

const subjectOfUser = (user: User): AuditSubject => ({
  userId: user.id,
  username: user.username,
  organisationId: user.organisationId,
  roles: user.roles,
  // Not a request from a client: no address was seen.
  ip: '',
});

/**
 * the records the batch services would have written for this history (batch-import, batch-submission and
 * reviews write these shapes): upload, submission, each approval or the return, by the same people at the same times.
 */
function auditTrail(
  batch: Batch,
  trail: Partial<BatchDecision>[],
  t: Timeline,
  ctx: DemoBatchContext,
  profile: 'national' | 'guangdong',
): DemoAuditRecord[] {
  const userById = new Map([...ctx.users.values()].map((u) => [u.id, u]));
  const stageDue = (stage: ReviewStage, receivedOn: string, previous: string | null) => {
    const rule = STAGE_DEADLINE_RULE[stage];
    return rule === 'inherit' ? previous : computeDeadline(ctx.calendar, rule, receivedOn, profile).due;
  };
  let version = 1;
  let due: string | null = null;
  return trail.map((d) => {
    const at = d.createdAt!;
    const day = at.toISOString().slice(0, 10);
    const subject = subjectOfUser(userById.get(d.actorId!)!);
    const target = { targetType: 'batch', targetId: batch.id };
    if (d.action === 'upload') {
      const after = {
        institutionId: batch.institutionId,
        kind: batch.kind,
        recordCount: d.recordCount,
        fileName: batch.fileName,
        checksum: batch.fileChecksum,
        proxyReason: null,
      };
      return { at, subject, entry: { action: 'batch.upload', ...target, after } };
    }
    if (d.action === 'submit') {
      const stage = d.resultStatus as ReviewStage;
      due = stageDue(stage, day, null);
      const after = {
        status: stage,
        dueDate: due,
        lateSubmission: batch.lateSubmission,
        overdueStatement: batch.overdueStatement,
        correctionDue: null,
      };
      return {
        at,
        subject,
        entry: { action: 'batch.submit', ...target, before: { status: 'draft', version: version++ }, after },
      };
    }
    const stage = d.stage as ReviewStage;
    const before = { status: stage, version };
    version += 1;
    if (d.action === 'return') {
      const entry = {
        action: 'batch.return',
        ...target,
        before: { ...before, recordCount: batch.recordCount },
        after: { status: 'returned', correctionDue: t.dueDate },
        detail: d.comment ?? null,
      };
      return { at, subject, entry };
    }
    const next = d.resultStatus as BatchStatus;
    const published = next === 'published';
    due = published ? null : stageDue(next as ReviewStage, day, due);
    const entry = {
      action: published ? 'batch.publish' : 'batch.approve',
      ...target,
      before,
      after: { status: next, dueDate: due, publishedOn: published ? t.publishedOn : null },
      detail: d.comment ?? null,
    };
    return { at, subject, entry };
  });
}

interface Timeline {
  submittedOn: string;
  receivedOn: string | null;
  dueDate: string | null;
  dueRule: string | null;
  publishedOn: string | null;
  /** Stages passed before the current one, in order. */
  passed: ReviewStage[];
}

/** Works back from "today" to the dates that give the plan its working days left. */
function stageTimeline(
  plan: Plan,
  ctx: DemoBatchContext,
  profile: 'national' | 'guangdong',
  parentIsCity: boolean,
): Timeline {
  // the province's own chain (Sichuan, on the national profile, has no head's approval).
  const path = reviewChain(profile, parentIsCity ? 'municipal' : 'provincial');
  if (plan.status === 'published') {
    const publishedOn = plan.history?.publishedOn ?? addDaysIso(ctx.today, -plan.publishedAgo!);
    return {
      submittedOn: addDaysIso(publishedOn, -35),
      receivedOn: addDaysIso(publishedOn, -8),
      dueDate: null,
      dueRule: null,
      publishedOn,
      passed: path,
    };
  }
  if (plan.status === 'draft') {
    // Find the issue date whose upload deadline leaves the planned working days.
    const issued = receivedFor(ctx, 'upload', profile, plan.daysLeft!);
    const due = computeDeadline(ctx.calendar, 'upload', issued, profile).due;
    return {
      submittedOn: addDaysIso(issued, 3),
      receivedOn: null,
      dueDate: due,
      dueRule: 'upload',
      publishedOn: null,
      passed: [],
    };
  }
  const stage = plan.status === 'returned' ? plan.returnedFrom! : plan.status;
  const rule: DayDeadlineRule =
    plan.status === 'returned'
      ? CORRECTION_RULE[stage]
      : STAGE_DEADLINE_RULE[stage] === 'inherit'
        ? 'municipal_review'
        : STAGE_DEADLINE_RULE[stage];
  const receivedOn = receivedFor(ctx, rule, profile, plan.daysLeft!);
  const due = computeDeadline(ctx.calendar, rule, receivedOn, profile).due;
  const passed = path.slice(0, path.indexOf(stage) + (plan.status === 'returned' ? 1 : 0));
  return {
    submittedOn: addDaysIso(receivedOn, -3 * passed.length),
    receivedOn,
    dueDate: due,
    dueRule: rule,
    publishedOn: null,
    passed,
  };
}

function receivedFor(
  ctx: DemoBatchContext,
  rule: DayDeadlineRule,
  profile: 'national' | 'guangdong',
  daysLeft: number,
): string {
  let best = ctx.today;
  let bestGap = Infinity;
  for (let back = 0; back < 200; back += 1) {
    const from = addDaysIso(ctx.today, -back);
    const status = deadlineStatus(ctx.calendar, computeDeadline(ctx.calendar, rule, from, profile).due, ctx.today);
    const left = status.overdue ? -status.workingDaysOverdue : status.workingDaysLeft;
    const gap = Math.abs(left - daysLeft);
    if (gap < bestGap) {
      best = from;
      bestGap = gap;
    }
    if (gap === 0) break;
  }
  return best;
}

function certificateStatus(status: BatchStatus): Certificate['status'] {
  if (status === 'published') return 'published';
  if (status === 'draft') return 'draft';
  if (status === 'returned') return 'returned';
  return 'in_review';
}

/** The batch's history so far: upload, submission and each stage passed, by the people who hold those roles. */
function decisions(
  batchId: number,
  plan: Plan,
  t: Timeline,
  operator: User,
  ctx: DemoBatchContext,
  profile: 'national' | 'guangdong',
): Partial<BatchDecision>[] {
  const by = (user: User) => ({
    actorId: user.id,
    actorName: user.displayName,
    actorRole: user.roles.join(','),
    organisationId: user.organisationId,
  });
  const at = (day: string) => new Date(`${day}T03:00:00Z`);
  const uploadedOn = addDaysIso(t.submittedOn, -1);
  const rows: Partial<BatchDecision>[] = [
    {
      batchId,
      action: 'upload',
      stage: 'draft',
      resultStatus: 'draft',
      ...by(operator),
      recordCount: plan.records,
      comment: '上传证书数据',
      createdAt: at(uploadedOn),
    },
  ];
  if (plan.status === 'draft') return rows;
  rows.push({
    batchId,
    action: 'submit',
    stage: 'draft',
    resultStatus: t.passed[0] ?? plan.status,
    ...by(operator),
    recordCount: plan.records,
    createdAt: at(t.submittedOn),
  });
  const reviewer = (stage: ReviewStage) => reviewerFor(stage, operator, ctx);
  t.passed.forEach((stage, i) => {
    const returned = plan.status === 'returned' && i === t.passed.length - 1;
    const day = addDaysIso(t.submittedOn, 3 * (i + 1));
    rows.push({
      batchId,
      action: returned ? 'return' : 'approve',
      stage,
      resultStatus: returned ? 'returned' : nextStatus(stage, profile),
      ...by(reviewer(stage)),
      recordCount: plan.records,
      comment: returned ? WHOLE_RETURN_REASON : '审核通过',
      createdAt: at(t.publishedOn && i === t.passed.length - 1 ? t.publishedOn : day),
    });
  });
  return rows;
}

function reviewerFor(stage: ReviewStage, operator: User, ctx: DemoBatchContext): User {
  const institution = [...ctx.organisations.values()].find((o) => o.id === operator.organisationId)!;
  const onPath = (u: User) => {
    const org = [...ctx.organisations.values()].find((o) => o.id === u.organisationId)!;
    return institution.path.startsWith(org.path);
  };
  const role = {
    municipal_review: 'municipal_admin',
    municipal_head_approval: 'municipal_head',
    provincial_review: 'provincial_reviewer',
    national_review: 'national_reviewer',
  }[stage];
  return (
    [...ctx.users.values()].find((u) => u.roles.includes(role as never) && onPath(u)) ?? ctx.users.get('nat_reviewer')!
  );
}

/** a city administrator returned a few records of a batch, which went into a child batch. */
async function splitOffChild(
  manager: EntityManager,
  parent: Batch,
  plan: Plan,
  institution: Organisation,
  operator: User,
  ctx: DemoBatchContext,
): Promise<DemoAuditRecord> {
  const parentId = parent.id;
  const moved = await manager
    .getRepository(Certificate)
    .find({ where: { batchId: parentId }, order: { id: 'ASC' }, take: plan.splitOff });
  const receivedOn = receivedFor(ctx, 'correction_after_municipal_return', institution.deadlineProfile, 4);
  const inserted = await manager.getRepository(Batch).insert({
    kind: 'skill_level',
    status: 'returned',
    institutionId: institution.id,
    orgPath: institution.path,
    parentId,
    recordCount: moved.length,
    createdById: operator.id,
    returnedFrom: 'municipal_review',
    returnReason: PARTIAL_RETURN_REASON,
    stageReceivedOn: receivedOn,
    dueDate: computeDeadline(ctx.calendar, 'correction_after_municipal_return', receivedOn, institution.deadlineProfile)
      .due,
    dueRule: 'correction_after_municipal_return',
    // As a real partial return does: the records keep their parent's submission time.
    submittedAt: parent.submittedAt,
    round: 1,
  });
  const childId = Number(inserted.identifiers[0].id);
  const reasons = ['证件号码与姓名不一致', '成绩缺失，请补充理论知识考试成绩', '发证日期早于考试日期'];
  for (const [i, c] of moved.entries()) {
    await manager
      .getRepository(Certificate)
      .update({ id: c.id }, { batchId: childId, status: 'returned', returnReason: reasons[i % reasons.length] });
  }
  const admin = reviewerFor('municipal_review', operator, ctx);
  // R-13: the child carries its records' trail — the parent's steps, marked inherited — then the return.
  const trail = await manager.getRepository(BatchDecision).find({ where: { batchId: parentId }, order: { id: 'ASC' } });
  await manager
    .getRepository(BatchDecision)
    .insert(
      trail.map(({ id: _id, updatedAt: _u, ...d }) => ({ ...d, batchId: childId, inheritedFromBatchId: parentId })),
    );
  const returnDecision = {
    batchId: parentId,
    action: 'return' as const,
    stage: 'municipal_review',
    resultStatus: 'municipal_review',
    actorId: admin.id,
    actorName: admin.displayName,
    actorRole: admin.roles.join(','),
    organisationId: admin.organisationId,
    comment: PARTIAL_RETURN_REASON,
    recordCount: moved.length,
    childBatchId: childId,
    createdAt: new Date(`${receivedOn}T03:00:00Z`),
  };
  await manager.getRepository(BatchDecision).insert([
    { ...returnDecision, batchId: parentId },
    { ...returnDecision, batchId: childId, resultStatus: 'returned', inheritedFromBatchId: parentId },
  ]);
  // The record reviews writes for a partial return (version 2: the parent's after its submission).
  const child = await manager.getRepository(Batch).findOneByOrFail({ id: childId });
  return {
    at: returnDecision.createdAt,
    subject: subjectOfUser(admin),
    entry: {
      action: 'batch.return.partial',
      targetType: 'batch',
      targetId: parentId,
      before: { status: 'municipal_review', version: 2, recordCount: plan.records },
      after: {
        status: 'municipal_review',
        childBatchId: childId,
        returnedRecords: moved.length,
        correctionDue: child.dueDate,
      },
      detail: returnDecision.comment,
    },
  };
}

function demoRecord(
  rng: Rng,
  institution: Organisation,
  issueDate: string,
  serials: Map<string, number>,
  catalogue: ReturnType<typeof loadOccupationCatalogue>,
  today: string,
): CertificateRecord {
  const scope = pickOne(
    rng,
    (institution.scope ?? []).filter((s) => s.validFrom <= issueDate && (!s.validTo || s.validTo >= issueDate)),
  );
  const level = pickOne(rng, scope.levels) as CertificateLevel;
  const gender = rng() < 0.55 ? 1 : 2;
  const birthDate = addDaysIso(issueDate, -(randomInt(rng, 18, 52) * 365 + randomInt(rng, 0, 364)));
  const province = institution.regionCode.slice(0, 2);
  const year = Number(issueDate.slice(0, 4));
  const theory = randomInt(rng, 600, 980) / 10;
  const practical = randomInt(rng, 600, 980) / 10;
  const input = {
    holderName: chineseName(rng, gender),
    idType: 1,
    idNumber: generateResidentId(rng, { regionCode: pickOne(rng, DISTRICTS[province]), birthDate, gender }),
    gender,
    birthDate,
    education: pickOne(rng, [92, 93, 94, 95, 96, 97]),
    occupationCode: scope.occupationCode,
    occupationName: scope.occupationName,
    workType: scope.occupationName,
    level,
    certificateNumber: nextCertificateNumber(institution, year, level, serials),
    issueDate,
    admissionTicket: `ZK${issueDate.replace(/-/g, '')}${String(randomInt(rng, 0, 9999)).padStart(4, '0')}`,
    theoryScore: theory,
    practicalScore: practical,
    result: (theory + practical) / 2 >= 85 ? 3 : 2,
  };
  const parsed = parseCertificateRecord(input, {
    today,
    kind: 'skill_level',
    institution: { registeredAt: institution.registeredAt!, scope: institution.scope ?? [] },
    catalogue,
  });
  // The demo must satisfy the same rules as an import; a failure here is a bug in the demo plan.
  if (!parsed.record) throw new Error(`demo record invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.record;
}

/** The institution's next skill-level certificate number of the year and level (a serial per all three). */
function nextCertificateNumber(
  institution: Organisation,
  year: number,
  level: CertificateLevel,
  serials: Map<string, number>,
): string {
  const key = `${institution.id}:${year}:${level}`;
  serials.set(key, (serials.get(key) ?? 0) + 1);
  return formatSkillLevelCertificateNumber({
    bodyType: institution.kind === 'employer' ? 'Y' : 'S',
    institutionCode: institution.creditCode!.slice(10, 14),
    provinceCode: institution.regionCode.slice(0, 2),
    siteCode: `${institution.regionCode.slice(2)}01`,
    year,
    level,
    serial: serials.get(key)!,
  });
}
