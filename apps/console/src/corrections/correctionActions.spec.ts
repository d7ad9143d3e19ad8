import type { CorrectionDetail, CorrectionStageView } from '@app/contracts';
import {
  certificateRequestButtons,
  correctionActions,
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

  it('offer the override (R-20) to the provincial roles outside drafts', () => {
    expect(certificateRequestButtons(['provincial_reviewer'], 'published').override).toBe(true);
    expect(certificateRequestButtons(['provincial_admin'], 'in_review').override).toBe(true);
    expect(certificateRequestButtons(['provincial_admin'], 'draft').override).toBe(false);
    expect(certificateRequestButtons(['national_reviewer'], 'published').override).toBe(false);
  });
});

describe('correction actions', () => {
  const pending = (s: CorrectionStageView['stage']) => ({
    status: 'pending' as const,
    stage: s,
    requestedById: 7,
    stages: published,
  });

  it('let the role the current stage names approve or return, and nobody else', () => {
    expect(correctionActions(pending('municipal_review'), ['municipal_admin'], 1)).toEqual({
      approve: true,
      return: true,
      resubmit: false,
      withdraw: false,
    });
    expect(correctionActions(pending('municipal_review'), ['provincial_reviewer'], 1).approve).toBe(false);
    expect(correctionActions(pending('provincial_review'), ['provincial_reviewer'], 1).approve).toBe(true);
    expect(correctionActions(pending('national_review'), ['national_reviewer'], 1).approve).toBe(true);
    expect(correctionActions(pending('national_review'), ['national_admin'], 1).approve).toBe(false);
  });

  it('read a work order’s decider from its route: the provincial reviewer for provincial institutions', () => {
    const workOrder = {
      status: 'pending' as const,
      stage: 'work_order' as const,
      requestedById: 7,
      stages: [stage('work_order', 'provincial_reviewer')],
    };
    expect(correctionActions(workOrder, ['provincial_reviewer'], 1).approve).toBe(true);
    expect(correctionActions(workOrder, ['municipal_admin'], 1).approve).toBe(false);
    // Without the route's stages (a list row), either centre role may be the one.
    const row = { status: 'pending' as const, stage: 'work_order' as const, requestedById: 7 };
    expect(correctionActions(row, ['municipal_admin'], 1).approve).toBe(true);
  });

  it('let only the requester resubmit or withdraw, and only once returned', () => {
    const returned = { status: 'returned' as const, stage: 'municipal_review' as const, requestedById: 7 };
    expect(correctionActions(returned, ['institution_operator'], 7)).toEqual({
      approve: false,
      return: false,
      resubmit: true,
      withdraw: true,
    });
    expect(correctionActions(returned, ['institution_operator'], 8).resubmit).toBe(false);
    expect(correctionActions(returned, ['municipal_admin'], 1).approve).toBe(false);
    expect(correctionActions(pending('municipal_review'), ['institution_operator'], 7).withdraw).toBe(false);
  });

  it('offer nothing on an applied or withdrawn request', () => {
    for (const status of ['applied', 'withdrawn'] as const) {
      expect(
        correctionActions({ status, stage: null, requestedById: 7, stages: published }, ['national_reviewer'], 7),
      ).toEqual({ approve: false, return: false, resubmit: false, withdraw: false });
    }
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
