import type { CertificateRecord, CorrectionChangeView } from '@app/contracts';
import {
  correctionChanges,
  correctionFormDefaults,
  correctionFormRoute,
  createCorrectionBody,
  idNumberNeededAgain,
  resubmitBody,
  resubmitDefaults,
  routePurpose,
} from './correctionForm';
import { fieldInputValue, fieldValueText } from './correctionFields';

const record: CertificateRecord = {
  id: 41,
  batchId: 5,
  holderName: '陈伟',
  idType: 1,
  idNumberMasked: '**************1234',
  gender: 1,
  birthDate: '1990-05-12',
  education: 96,
  occupationCode: '4-03-02-01',
  occupationName: '中式烹调师',
  workType: null,
  level: 4,
  certificateNumber: 'Y000044011100001',
  issueDate: '2026-11-16',
  admissionTicket: null,
  theoryScore: 78.5,
  practicalScore: 80,
  comprehensiveScore: null,
  result: 2,
  status: 'published',
  rowNumber: 1,
  uploadDue: null,
  returnReason: null,
  publishedOn: '2026-11-20',
  lookupStatus: 'visible',
  lookupStatusLabel: '可查询',
  version: 1,
};

describe('the request form’s route', () => {
  it('edits drafts and returned batches in place, without attachments', () => {
    for (const status of ['draft', 'returned'] as const) {
      expect(correctionFormRoute(status, 'modify')).toEqual({
        kind: 'direct_edit',
        purpose: null,
        attachmentRequired: false,
        workOrder: false,
      });
    }
  });

  it('makes data in review a work order with 附件4 (attachment optional)', () => {
    expect(correctionFormRoute('in_review', 'modify')).toEqual({
      kind: 'work_order',
      purpose: 'work_order',
      attachmentRequired: false,
      workOrder: true,
    });
  });

  it('asks 附件5-1 for a published modification and 附件5-2 for a deletion', () => {
    expect(correctionFormRoute('published', 'modify')).toMatchObject({
      kind: 'published_modification',
      purpose: 'erratum_statement',
      attachmentRequired: true,
      workOrder: false,
    });
    expect(correctionFormRoute('published', 'delete')).toMatchObject({
      kind: 'published_deletion',
      purpose: 'holder_commitment',
      attachmentRequired: true,
    });
  });
});

describe('the form’s values into `changes`', () => {
  const defaults = correctionFormDefaults(record);

  it('sends only the picked fields that really changed, trimmed, in template order', () => {
    const values = {
      ...defaults,
      fields: ['level', 'holderName', 'gender'] as const,
      after: { ...defaults.after, holderName: ' 陈玮 ', level: 3, gender: 1 },
    };
    const changes = correctionChanges(record, { ...values, fields: [...values.fields] });
    expect(changes).toEqual({ holderName: '陈玮', level: 3 });
    expect(Object.keys(changes)).toEqual(['holderName', 'level']);
  });

  it('ignores values typed into fields no longer picked', () => {
    expect(
      correctionChanges(record, { ...defaults, fields: [], after: { ...defaults.after, holderName: 'X' } }),
    ).toEqual({});
  });

  it('sends a cleared field as null, and a score typed as text compared by value', () => {
    expect(
      correctionChanges(record, {
        fields: ['theoryScore', 'practicalScore'],
        after: { theoryScore: '', practicalScore: '80' },
      }),
    ).toEqual({ theoryScore: null });
  });

  it('sends the ID number only when typed (the console holds only its masked form)', () => {
    expect(correctionChanges(record, { fields: ['idNumber'], after: {} })).toEqual({});
    expect(correctionChanges(record, { fields: ['idNumber'], after: { idNumber: ' 44011119900512123x ' } })).toEqual({
      idNumber: '44011119900512123x',
    });
  });

  it('starts from the record’s values, never its masked ID number', () => {
    expect(defaults.after).toMatchObject({ holderName: '陈伟', level: 4, theoryScore: 78.5 });
    expect(defaults.after).not.toHaveProperty('idNumber');
    expect(defaults.workOrder).toEqual({
      urgency: 'normal',
      changeType: 'data_modification',
      module: '职业技能等级认定监管',
    });
  });
});

describe('the request bodies', () => {
  it('a published modification: changes, reason, the statement attached, no 附件4', () => {
    const body = createCorrectionBody(record, 'modify', {
      fields: ['holderName'],
      after: { holderName: '陈玮' },
      reason: ' 录入时姓名错字 ',
      attachmentIds: [9],
    });
    expect(body).toEqual({
      certificateId: 41,
      type: 'modify',
      changes: { holderName: '陈玮' },
      reason: '录入时姓名错字',
      attachmentIds: [9],
    });
  });

  it('a work order carries 附件4’s fields with the request’s reason as 变更理由', () => {
    const body = createCorrectionBody({ ...record, status: 'in_review' }, 'modify', {
      fields: ['level'],
      after: { level: 3 },
      reason: '等级填错',
      attachmentIds: [],
      workOrder: { urgency: 'urgent', changeType: 'data_modification', module: ' ' },
    });
    expect(body.workOrder).toEqual({
      urgency: 'urgent',
      changeType: 'data_modification',
      module: '职业技能等级认定监管',
      reason: '等级填错',
    });
  });

  it('a deletion sends no changes', () => {
    const body = createCorrectionBody(record, 'delete', {
      fields: ['holderName'],
      after: { holderName: 'X' },
      reason: '持证人放弃',
      attachmentIds: [3],
    });
    expect(body).not.toHaveProperty('changes');
    expect(body).not.toHaveProperty('workOrder');
  });
});

describe('resubmitting a returned request', () => {
  const changes: CorrectionChangeView[] = [
    { field: 'holderName', fieldLabel: '姓名', before: '陈伟', after: '陈玮' },
    { field: 'level', fieldLabel: '职业技能等级', before: '4', after: '3' },
  ];
  const correction = {
    version: 4,
    type: 'modify' as const,
    changes,
    reason: '录入错误',
    attachments: [{ id: 9 }],
    workOrder: null,
  };

  it('starts from what was asked, codes back as codes', () => {
    expect(resubmitDefaults(correction)).toEqual({
      fields: ['holderName', 'level'],
      after: { holderName: '陈玮', level: 3 },
      reason: '录入错误',
      attachmentIds: [9],
      workOrder: undefined,
    });
  });

  it('omits the changes when no value was altered', () => {
    const body = resubmitBody(correction, {
      ...resubmitDefaults(correction),
      reason: '补充说明',
      attachmentIds: [9, 12],
    });
    expect(body).toEqual({ version: 4, reason: '补充说明', attachmentIds: [9, 12] });
  });

  it('sends every picked field once one is altered, or a field is added or dropped', () => {
    const values = resubmitDefaults(correction);
    const body = resubmitBody(correction, { ...values, after: { ...values.after, level: 2 } });
    expect(body.changes).toEqual({ holderName: '陈玮', level: 2 });
    expect(resubmitBody(correction, { ...values, fields: ['holderName'] }).changes).toEqual({ holderName: '陈玮' });
    expect(
      resubmitBody(correction, { ...values, fields: ['holderName', 'level', 'workType'], after: { ...values.after } })
        .changes,
    ).toEqual({ holderName: '陈玮', level: 3, workType: null });
  });

  it('asks the masked ID number again only when the changes are amended', () => {
    const withId = {
      ...correction,
      changes: [{ field: 'idNumber' as const, fieldLabel: '证件号码', before: '****1234', after: '****1235' }],
    };
    const values = resubmitDefaults(withId);
    expect(values.after).toEqual({ idNumber: null });
    expect(idNumberNeededAgain(withId, values)).toBe(false);
    expect(resubmitBody(withId, values)).not.toHaveProperty('changes');
    const more = { ...values, fields: ['idNumber' as const, 'level' as const], after: { level: 3 } };
    expect(idNumberNeededAgain(withId, more)).toBe(true);
    expect(idNumberNeededAgain(withId, { ...more, after: { level: 3, idNumber: '440111199005121235' } })).toBe(false);
  });

  it('completes a request a confirmed re-check opened: no earlier changes, every picked field sent', () => {
    const opened = { ...correction, changes: [], attachments: [] };
    const body = resubmitBody(opened, { fields: ['holderName'], after: { holderName: '陈玮' }, reason: '复核确认' });
    expect(body).toEqual({ version: 4, reason: '复核确认', attachmentIds: [], changes: { holderName: '陈玮' } });
  });

  it('names the form of each route', () => {
    expect(routePurpose('work_order')).toBe('work_order');
    expect(routePurpose('published_modification')).toBe('erratum_statement');
    expect(routePurpose('published_deletion')).toBe('holder_commitment');
    expect(routePurpose('direct_edit')).toBeNull();
  });
});

describe('field texts', () => {
  it('show codes as labels and read labels back as codes', () => {
    expect(fieldValueText('gender', 2)).toBe('女');
    expect(fieldValueText('level', '3')).toBe('三级/高级工');
    expect(fieldValueText('holderName', ' 陈伟 ')).toBe('陈伟');
    expect(fieldValueText('education', null)).toBe('');
    expect(fieldInputValue('result', '合格')).toBe(2);
    expect(fieldInputValue('theoryScore', '78.5')).toBe(78.5);
    expect(fieldInputValue('workType', '  ')).toBeNull();
  });
});
