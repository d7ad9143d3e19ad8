import type { Role } from '@app/domain';
import type { CorrectionDetail, CorrectionStageView } from '@app/contracts';
import {
  certificateRequestButtons,
  correctionActions,
  ownWorkOrderIds,
  queueStages,
  returnBody,
  withdrawBody,
} from './correctionActions';

const stage = (s: CorrectionStageView['stage'], role: CorrectionStageView['role']): CorrectionStageView => ({
  stage: s,
  stageLabel: s,
  role,
  level: 'municipal',
  applies: s === 'national_review' || s === 'work_order',
});

const published: CorrectionDetail['stages'] = [
  stage('municipal_review', 'municipal_admin'),
  stage('provincial_review', 'provincial_reviewer'),
  stage('national_review', 'national_reviewer'),
];

describe('certificate request buttons', () => {
  it('offer the in-place edit for drafts and returned batches, never a request', () => {
    for (const status of ['draft', 'returned'] as const) {
      expect(certificateRequestButtons(['institution_operator'], status)).toEqual({
        edit: true,
        modify: false,
        delete: false,
        override: false,
      });
      expect(certificateRequestButtons(['provincial_reviewer'], status).edit).toBe(false);
    }
  });

  it('offer 申请修改 to the institution operator in review and once published', () => {
    expect(certificateRequestButtons(['institution_operator'], 'in_review')).toMatchObject({
      modify: true,
      delete: false,
    });
    expect(certificateRequestButtons(['institution_operator'], 'published')).toMatchObject({
      modify: true,
      delete: false,
      edit: false,
    });
  });

  it('offer 申请修改 to a centre only for a dissolved institution (R-44)', () => {
    expect(certificateRequestButtons(['municipal_admin'], 'published', 'active').modify).toBe(false);
    expect(certificateRequestButtons(['municipal_admin'], 'published', 'dissolved').modify).toBe(true);
    expect(certificateRequestButtons(['provincial_admin'], 'in_review', 'dissolved').modify).toBe(true);
    expect(certificateRequestButtons(['municipal_head'], 'published', 'dissolved').modify).toBe(false);
  });

  it('offer 申请删除 to the provincial roles on published certificates only', () => {
    for (const role of ['provincial_reviewer', 'provincial_admin'] as const) {
      expect(certificateRequestButtons([role], 'published').delete).toBe(true);
      expect(certificateRequestButtons([role], 'in_review').delete).toBe(false);
    }
    for (const role of ['institution_operator', 'municipal_admin', 'national_reviewer', 'auditor'] as const) {
      expect(certificateRequestButtons([role], 'published').delete).toBe(false);
    }
  });

  it('offer nothing on a logically deleted certificate', () => {
    expect(certificateRequestButtons(['provincial_admin'], 'published', null, 'deleted')).toEqual({
      edit: false,
      modify: false,
      delete: false,
      override: false,
    });
  });

  it('offer no request on a suspended certificate: the re-check’s confirmation opens it (R-26)', () => {
    expect(certificateRequestButtons(['provincial_admin'], 'published', null, 'suspended').delete).toBe(false);
    expect(certificateRequestButtons(['institution_operator'], 'published', null, 'suspended').modify).toBe(false);
    expect(certificateRequestButtons(['provincial_admin'], 'published', null, 'visible').delete).toBe(true);
  });

  it('offer the override (R-20) to the provincial roles outside drafts', () => {
    expect(certificateRequestButtons(['provincial_reviewer'], 'published').override).toBe(true);
    expect(certificateRequestButtons(['provincial_admin'], 'in_review').override).toBe(true);
    expect(certificateRequestButtons(['provincial_admin'], 'draft').override).toBe(false);
    expect(certificateRequestButtons(['national_reviewer'], 'published').override).toBe(false);
  });
});

describe('correction actions', () => {
  const viewer = (roles: Role[], id = 1, organisationId = 50) => ({ id, organisationId, roles });
  const pending = (s: CorrectionStageView['stage']) => ({
    status: 'pending' as const,
    stage: s,
    type: 'modify' as const,
    institutionId: 50,
    requestedById: 7,
    stages: published,
  });

  it('let the role the current stage names approve or return, and nobody else', () => {
    expect(correctionActions(pending('municipal_review'), viewer(['municipal_admin']))).toEqual({
      approve: true,
      return: true,
      resubmit: false,
      withdraw: false,
    });
    expect(correctionActions(pending('municipal_review'), viewer(['provincial_reviewer'])).approve).toBe(false);
    expect(correctionActions(pending('provincial_review'), viewer(['provincial_reviewer'])).approve).toBe(true);
    expect(correctionActions(pending('national_review'), viewer(['national_reviewer'])).approve).toBe(true);
    expect(correctionActions(pending('national_review'), viewer(['national_admin'])).approve).toBe(false);
  });

  it('never let the requester decide their own request, unless a re-check filed it (four eyes)', () => {
    // A dissolved institution's city files and reviews: its own administrator 7 is not offered the decision.
    expect(correctionActions(pending('municipal_review'), viewer(['municipal_admin'], 7)).approve).toBe(false);
    expect(correctionActions(pending('municipal_review'), viewer(['municipal_admin'], 8)).approve).toBe(true);
    const fromRecheck = { ...pending('provincial_review'), recheckId: 3 };
    expect(correctionActions(fromRecheck, viewer(['provincial_reviewer'], 7)).approve).toBe(true);
  });

  it('read a work order’s decider from its route: the provincial reviewer for provincial institutions', () => {
    const workOrder = { ...pending('work_order'), stages: [stage('work_order', 'provincial_reviewer')] };
    expect(correctionActions(workOrder, viewer(['provincial_reviewer'])).approve).toBe(true);
    expect(correctionActions(workOrder, viewer(['municipal_admin'])).approve).toBe(false);
    // Without the route's stages (a list row), either centre role may be the one.
    const { stages: _stages, ...row } = pending('work_order');
    expect(correctionActions(row, viewer(['municipal_admin'])).approve).toBe(true);
  });

  it('let the issuing institution resubmit or withdraw a returned modification, not while it is pending', () => {
    const returned = { ...pending('municipal_review'), status: 'returned' as const, stage: null };
    expect(correctionActions(returned, viewer(['institution_operator'], 7, 50))).toEqual({
      approve: false,
      return: false,
      resubmit: true,
      withdraw: true,
    });
    // Another institution's operator, or a reviewer, cannot.
    expect(correctionActions(returned, viewer(['institution_operator'], 8, 51)).resubmit).toBe(false);
    expect(correctionActions(returned, viewer(['municipal_admin'], 9, 20)).withdraw).toBe(false);
    expect(correctionActions(pending('municipal_review'), viewer(['institution_operator'], 7, 50)).withdraw).toBe(
      false,
    );
  });

  it('let the centre that asked for a dissolved institution resubmit its returned request (R-44)', () => {
    const returned = { ...pending('municipal_review'), status: 'returned' as const, stage: null };
    expect(correctionActions(returned, viewer(['municipal_admin'], 7, 20)).resubmit).toBe(true);
  });

  it('let the route’s requester complete a request a confirmed re-check opened (补充提交)', () => {
    const opened = { ...pending('municipal_review'), status: 'awaiting' as const, stage: null, requestedById: 3 };
    expect(correctionActions(opened, viewer(['institution_operator'], 7, 50)).resubmit).toBe(true);
    // The provincial reviewer who confirmed is recorded as its author, but a modification is the institution's.
    expect(correctionActions(opened, viewer(['provincial_reviewer'], 3, 2)).resubmit).toBe(false);
    const deletion = { ...opened, type: 'delete' as const };
    expect(correctionActions(deletion, viewer(['provincial_reviewer'], 3, 2))).toMatchObject({
      resubmit: true,
      withdraw: true,
    });
    expect(correctionActions(deletion, viewer(['institution_operator'], 7, 50)).resubmit).toBe(false);
  });

  it('offer nothing on an applied or withdrawn request', () => {
    for (const status of ['applied', 'withdrawn'] as const) {
      expect(
        correctionActions({ ...pending('national_review'), status, stage: null }, viewer(['national_reviewer'], 7)),
      ).toEqual({ approve: false, return: false, resubmit: false, withdraw: false });
    }
  });

  it('keep a provincial reviewer’s work orders to the province’s own institutions', () => {
    const rows = [
      { id: 1, institutionId: 50 },
      { id: 2, institutionId: 60 },
      { id: 3, institutionId: 61 },
    ];
    expect(ownWorkOrderIds(rows, [60, 61, 62])).toEqual([2, 3]);
    expect(ownWorkOrderIds(rows, [])).toEqual([]);
  });
});

describe('decision bodies and the queue', () => {
  it('send the trimmed reason and the version seen', () => {
    expect(returnBody({ reason: '  姓名与身份证不符 ' }, 3)).toEqual({ version: 3, reason: '姓名与身份证不符' });
    expect(withdrawBody({ reason: ' ' }, 2)).toEqual({ version: 2 });
    expect(withdrawBody({ reason: '不再需要' }, 2)).toEqual({ version: 2, reason: '不再需要' });
  });

  it('queue each reviewer the stages their role decides', () => {
    expect(queueStages(['municipal_admin'])).toEqual(['work_order', 'municipal_review']);
    expect(queueStages(['provincial_reviewer'])).toEqual(['work_order', 'provincial_review']);
    expect(queueStages(['national_reviewer'])).toEqual(['national_review']);
    expect(queueStages(['institution_operator'])).toEqual([]);
    expect(queueStages(['provincial_admin'])).toEqual([]);
  });
});
