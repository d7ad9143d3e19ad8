import holidays2025 from '../../../../config/holidays/2025.json';
import holidays2026 from '../../../../config/holidays/2026.json';
import { validateHolidayYear } from '../calendar/holiday-year';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { createOccupationCatalogue, parseOccupationCatalogueCsv } from '../certificates/occupations';
import { CERTIFICATE_RECORD_COLUMNS, type CertificateValidationContext } from '../certificates/record';
import { EDITABLE_CERTIFICATE_FIELDS } from '../certificates/editable-fields';
import { residentIdCheckChar } from '../identifiers/resident-id';
import {
  CORRECTABLE_FIELDS,
  changedFields,
  correctionRefusal,
  correctionRequesterRefusal,
  correctionRoute,
  mayRequestCorrection,
  workOrderDue,
  type CorrectionFacts,
  type CorrectionOwner,
  type CorrectionRouteKind,
} from './index';

const catalogue = createOccupationCatalogue(
  parseOccupationCatalogueCsv(`code,name,levels,in_qualification_catalogue_2021,source
6-18-01-01,车工,5|4|3|2|1,no,D22
4-10-01-05,养老护理员,5|4|3,no,D22
`),
);
const validation: CertificateValidationContext = {
  today: '2025-06-30',
  kind: 'skill_level',
  catalogue,
  institution: {
    registeredAt: '2021-03-01',
    scope: [
      {
        occupationCode: '6-18-01-01',
        occupationName: '车工',
        levels: [5, 4, 3],
        validFrom: '2021-03-01',
        validTo: null,
      },
      {
        occupationCode: '4-10-01-05',
        occupationName: '养老护理员',
        levels: [5, 4],
        validFrom: '2021-03-01',
        validTo: '2023-12-31',
      },
    ],
  },
};

// A 1990-05-17 male of 广州市天河区 (checksum valid), its 15-digit legacy form, and another valid male number.
const ID = '440106199005170014';
const ID_15 = '440106900517001';
const ID_OTHER = '44010619900517003' + residentIdCheckChar('44010619900517003');

/** The certificate as stored: codes and ISO dates. */
const current = {
  holderName: '王晓明',
  idType: 1,
  idNumber: ID,
  gender: 1,
  birthDate: '1990-05-17',
  education: '大学本科',
  occupationCode: '6-18-01-01',
  occupationName: '车工',
  workType: null,
  level: 3,
  certificateNumber: 'Y000044000001253000123',
  issueDate: '2025-03-10',
  admissionTicket: 'ZK2025030001',
  theoryScore: 84.8,
  practicalScore: 85.5,
  comprehensiveScore: null,
  result: 3,
};

/** The smallest facts that pass: a published certificate, a name fix, the statement attached. */
function facts(over: Partial<CorrectionFacts> = {}): CorrectionFacts {
  return {
    type: 'modify',
    status: 'published',
    current,
    changes: { holderName: '王小明' },
    openRequestExists: false,
    modificationsApplied: 0,
    overridesRecorded: 0,
    holderNameChangedBefore: false,
    idNumberChangedBefore: false,
    attachmentPurposes: ['erratum_statement'],
    validation,
    ...over,
  };
}

const deletion = (over: Partial<CorrectionFacts> = {}) =>
  facts({ type: 'delete', changes: undefined, attachmentPurposes: ['holder_commitment'], ...over });

const codeOf = (f: CorrectionFacts) => correctionRefusal(f)?.code ?? null;

describe('correctionRefusal — R-19, R-20, R-22, R-23', () => {
  it('lets the baseline modification and deletion through', () => {
    expect(correctionRefusal(facts())).toBeNull();
    expect(correctionRefusal(deletion())).toBeNull();
  });

  it('CORRECTION_PENDING: an open request exists, for either type', () => {
    expect(codeOf(facts({ openRequestExists: true }))).toBe('CORRECTION_PENDING');
    expect(codeOf(deletion({ openRequestExists: true }))).toBe('CORRECTION_PENDING');
    expect(correctionRefusal(facts({ openRequestExists: true }))!.message).toMatch(/正在处理/);
  });

  it('CORRECTION_ALREADY_USED: a modification already applied, unless an override is recorded for it', () => {
    expect(codeOf(facts({ modificationsApplied: 1 }))).toBe('CORRECTION_ALREADY_USED');
    expect(codeOf(facts({ modificationsApplied: 1, overridesRecorded: 1 }))).toBeNull();
    // One override allows one more modification, not every later one.
    expect(codeOf(facts({ modificationsApplied: 2, overridesRecorded: 1 }))).toBe('CORRECTION_ALREADY_USED');
    // A deletion is no modification.
    expect(codeOf(deletion({ modificationsApplied: 1 }))).toBeNull();
  });

  it('CORRECTION_NAME_AND_ID: both in one request', () => {
    const both = facts({ changes: { holderName: '王小明', idNumber: ID_OTHER } });
    expect(codeOf(both)).toBe('CORRECTION_NAME_AND_ID');
    expect(correctionRefusal(both)!.message).toMatch(/不能同时修改/);
    expect(codeOf(facts({ changes: { idNumber: ID_OTHER } }))).toBeNull();
  });

  it('CORRECTION_NAME_AND_ID: one of the two when the other changed before in the certificate life', () => {
    // Overrides allow a second modification but never the other of name and ID number.
    const second = { modificationsApplied: 1, overridesRecorded: 1 };
    expect(codeOf(facts({ ...second, idNumberChangedBefore: true }))).toBe('CORRECTION_NAME_AND_ID');
    expect(codeOf(facts({ ...second, changes: { idNumber: ID_OTHER }, holderNameChangedBefore: true }))).toBe(
      'CORRECTION_NAME_AND_ID',
    );
    // The same field again, or another field, is not refused by this rule.
    expect(codeOf(facts({ ...second, holderNameChangedBefore: true }))).toBeNull();
    expect(codeOf(facts({ ...second, idNumberChangedBefore: true, changes: { admissionTicket: 'ZK1' } }))).toBeNull();
  });

  it('compares ID numbers canonically: the 15-digit form of the same number is no change', () => {
    const same = facts({ changes: { holderName: '王小明', idNumber: ID_15 } });
    expect(codeOf(same)).toBeNull();
    expect(codeOf(facts({ changes: { idNumber: ID.toLowerCase() } }))).toBe('CORRECTION_INVALID');
  });

  it('CORRECTION_STATEMENT_REQUIRED: published modification without 附件5-1', () => {
    expect(codeOf(facts({ attachmentPurposes: [] }))).toBe('CORRECTION_STATEMENT_REQUIRED');
    expect(codeOf(facts({ attachmentPurposes: ['holder_commitment', 'other'] }))).toBe('CORRECTION_STATEMENT_REQUIRED');
    // Data in review goes by work order: no statement needed.
    expect(codeOf(facts({ status: 'in_review', attachmentPurposes: [] }))).toBeNull();
  });

  it('DELETION_COMMITMENT_REQUIRED: deletion without 附件5-2', () => {
    expect(codeOf(deletion({ attachmentPurposes: ['erratum_statement'] }))).toBe('DELETION_COMMITMENT_REQUIRED');
    expect(codeOf(deletion({ status: 'in_review', attachmentPurposes: [] }))).toBe('DELETION_COMMITMENT_REQUIRED');
    expect(codeOf(deletion({ attachmentPurposes: ['holder_commitment'] }))).toBeNull();
  });

  it('CORRECTION_INVALID: the import validation on the changed record names field and reason', () => {
    const r = correctionRefusal(facts({ changes: { birthDate: '1991-01-01' } }))!;
    expect(r.code).toBe('CORRECTION_INVALID');
    expect(r.field).toBe('birthDate');
    expect(r.reason).toMatch(/出生日期与证件号码不一致/);
    expect(r.message).toMatch(/（出生日期）/);
    const future = correctionRefusal(facts({ changes: { issueDate: '2025-07-01' } }))!;
    expect([future.code, future.field]).toEqual(['CORRECTION_INVALID', 'issueDate']);
    const badId = correctionRefusal(facts({ changes: { idNumber: '440106199005170015' } }))!;
    expect([badId.field, badId.reason]).toEqual(['idNumber', '居民身份证号码校验位错误']);
    expect(badId.message).not.toContain('440106199005170015');
    // The nearest valid change passes.
    expect(codeOf(facts({ changes: { issueDate: '2025-06-30' } }))).toBeNull();
  });

  it('CORRECTION_INVALID: nothing changed, an unknown field, or changes on a deletion', () => {
    expect(correctionRefusal(facts({ changes: { holderName: '王晓明' } }))).toMatchObject({
      code: 'CORRECTION_INVALID',
      field: null,
    });
    expect(correctionRefusal(facts({ changes: { status: 'draft' } as never }))?.reason).toMatch(/status/);
    expect(codeOf(deletion({ changes: { holderName: '王小明' } }))).toBe('CORRECTION_INVALID');
  });

  it('refuses only what the change brings: an error the stored record already had does not block', () => {
    // The 养老护理员 scope expired before the issue date: the stored record fails R-8 today already.
    const stale = { ...current, occupationCode: '4-10-01-05', occupationName: '养老护理员', level: 4 };
    expect(codeOf(facts({ current: stale }))).toBeNull();
    expect(correctionRefusal(facts({ current: stale, changes: { birthDate: '1991-01-01' } }))?.field).toBe('birthDate');
  });

  it('checks in the issue order: the first of several refusals wins', () => {
    const all = facts({
      openRequestExists: true,
      modificationsApplied: 1,
      idNumberChangedBefore: true,
      attachmentPurposes: [],
      changes: { holderName: '王小明', birthDate: '1991-01-01' },
    });
    const order: string[] = [];
    let f = all;
    const relax: Array<Partial<CorrectionFacts>> = [
      { openRequestExists: false },
      { modificationsApplied: 0 },
      { idNumberChangedBefore: false },
      { attachmentPurposes: ['erratum_statement'] },
      { changes: { holderName: '王小明' } },
    ];
    for (const step of relax) {
      order.push(codeOf(f)!);
      f = { ...f, ...step };
    }
    expect(order).toEqual([
      'CORRECTION_PENDING',
      'CORRECTION_ALREADY_USED',
      'CORRECTION_NAME_AND_ID',
      'CORRECTION_STATEMENT_REQUIRED',
      'CORRECTION_INVALID',
    ]);
    expect(codeOf(f)).toBeNull();
    expect(codeOf(deletion({ openRequestExists: true, attachmentPurposes: [] }))).toBe('CORRECTION_PENDING');
    expect(codeOf(deletion({ attachmentPurposes: [], changes: { holderName: 'x' } }))).toBe(
      'DELETION_COMMITMENT_REQUIRED',
    );
  });
});

describe('correctionRoute — R-21, R-22, R-23', () => {
  const stages = (r: ReturnType<typeof correctionRoute>) => r.stages.map((s) => `${s.stage}:${s.role}:${s.level}`);

  it.each(['draft', 'returned'] as const)('%s: direct edit, no request', (status) => {
    expect(correctionRoute({ type: 'modify', status, institutionParentLevel: 'municipal' })).toEqual({
      kind: 'direct_edit',
      stages: [],
    });
    expect(correctionRoute({ type: 'delete', status, institutionParentLevel: 'provincial' }).kind).toBe('direct_edit');
  });

  it('in review: one work-order stage at the parent centre, period by urgency, which applies', () => {
    const city = correctionRoute({
      type: 'modify',
      status: 'in_review',
      institutionParentLevel: 'municipal',
      urgency: 'urgent',
    });
    expect(city.kind).toBe('work_order');
    expect(stages(city)).toEqual(['work_order:municipal_admin:municipal']);
    expect(city.stages[0]).toMatchObject({ deadlineRule: 'work_order_urgent', applies: true });
    const province = correctionRoute({
      type: 'delete',
      status: 'in_review',
      institutionParentLevel: 'provincial',
      urgency: 'express',
    });
    expect(stages(province)).toEqual(['work_order:provincial_reviewer:provincial']);
    expect(province.stages[0].deadlineRule).toBe('work_order_express');
    expect(
      correctionRoute({ type: 'modify', status: 'in_review', institutionParentLevel: 'municipal' }).stages[0]
        .deadlineRule,
    ).toBe('work_order_normal');
  });

  it('published modification: municipal → provincial → national applies; provincial institutions skip the city', () => {
    const city = correctionRoute({ type: 'modify', status: 'published', institutionParentLevel: 'municipal' });
    expect(city.kind).toBe('published_modification');
    expect(stages(city)).toEqual([
      'municipal_review:municipal_admin:municipal',
      'provincial_review:provincial_reviewer:provincial',
      'national_review:national_reviewer:national',
    ]);
    expect(city.stages.map((s) => s.applies)).toEqual([false, false, true]);
    expect(city.stages.some((s) => s.role === 'municipal_head')).toBe(false);
    const province = correctionRoute({ type: 'modify', status: 'published', institutionParentLevel: 'provincial' });
    expect(stages(province)).toEqual([
      'provincial_review:provincial_reviewer:provincial',
      'national_review:national_reviewer:national',
    ]);
  });

  it('published deletion: straight to national, which applies', () => {
    const r = correctionRoute({ type: 'delete', status: 'published', institutionParentLevel: 'municipal' });
    expect(r.kind).toBe('published_deletion');
    expect(stages(r)).toEqual(['national_review:national_reviewer:national']);
    expect(r.stages[0].applies).toBe(true);
  });

  it('hands out copies: changing one route does not change the next', () => {
    const a = correctionRoute({ type: 'delete', status: 'published', institutionParentLevel: 'municipal' });
    a.stages[0].applies = false;
    expect(
      correctionRoute({ type: 'delete', status: 'published', institutionParentLevel: 'municipal' }).stages[0].applies,
    ).toBe(true);
  });
});

describe('who may ask — R-44, R-23', () => {
  const owner: CorrectionOwner = {
    institutionId: 30,
    institutionStatus: 'active',
    parentId: 20,
    parentLevel: 'municipal',
    provinceId: 10,
  };
  const ask = (route: CorrectionRouteKind, roles: string[], organisationId: number, o = owner) =>
    correctionRequesterRefusal(route, { roles: roles as never, organisationId }, o);

  it.each<CorrectionRouteKind>(['work_order', 'published_modification'])(
    '%s: the issuing institution operator; ceased institutions keep the duty',
    (route) => {
      expect(ask(route, ['institution_operator'], 30)).toBeNull();
      expect(ask(route, ['institution_operator'], 30, { ...owner, institutionStatus: 'ceased' })).toBeNull();
      expect(ask(route, ['institution_operator'], 31)).toMatch(/评价机构/);
      expect(ask(route, ['municipal_admin'], 20)).not.toBeNull();
      expect(ask(route, ['provincial_admin'], 10)).not.toBeNull();
    },
  );

  it('a dissolved institution: its parent centre data administrator, not its own operator', () => {
    const gone = { ...owner, institutionStatus: 'dissolved' as const };
    expect(ask('published_modification', ['municipal_admin'], 20, gone)).toBeNull();
    expect(ask('published_modification', ['institution_operator'], 30, gone)).toMatch(/主体灭失/);
    expect(ask('published_modification', ['municipal_admin'], 21, gone)).not.toBeNull();
    expect(ask('published_modification', ['municipal_head'], 20, gone)).not.toBeNull();
    const provincialParent = { ...gone, parentId: 10, parentLevel: 'provincial' as const };
    expect(ask('work_order', ['provincial_admin'], 10, provincialParent)).toBeNull();
    expect(ask('work_order', ['provincial_reviewer'], 10, provincialParent)).not.toBeNull();
  });

  it('a published deletion: the owning province provincial_reviewer or provincial_admin', () => {
    expect(ask('published_deletion', ['provincial_reviewer'], 10)).toBeNull();
    expect(ask('published_deletion', ['provincial_admin'], 10)).toBeNull();
    expect(ask('published_deletion', ['provincial_admin'], 11)).toMatch(/省级技能中心/);
    expect(ask('published_deletion', ['institution_operator'], 30)).not.toBeNull();
    expect(ask('published_deletion', ['national_reviewer'], 1)).not.toBeNull();
  });

  it('a direct edit needs no request', () => {
    expect(ask('direct_edit', ['institution_operator'], 30)).toMatch(/直接修改/);
    expect(mayRequestCorrection('direct_edit', { roles: ['institution_operator'], organisationId: 30 }, owner)).toBe(
      false,
    );
    expect(mayRequestCorrection('work_order', { roles: ['institution_operator'], organisationId: 30 }, owner)).toBe(
      true,
    );
  });
});

describe('workOrderDue — R-21 on the calendar engine', () => {
  const cal = new WorkingDayCalendar([holidays2025, holidays2026].map((y) => validateHolidayYear(structuredClone(y))));

  it('紧急 / 急: 24 / 48 hours on the clock, rest days included', () => {
    // Friday 2026-04-03 18:00 Beijing, before the 清明 holiday and the weekend.
    const urgent = workOrderDue(cal, 'urgent', '2026-04-03T18:00:00+08:00');
    expect(urgent).toMatchObject({ due: '2026-04-04', dueAt: '2026-04-04T10:00:00.000Z', rule: 'work_order_urgent' });
    const express = workOrderDue(cal, 'express', '2026-04-03T18:00:00+08:00');
    expect(express).toMatchObject({ due: '2026-04-05', dueAt: '2026-04-05T10:00:00.000Z' });
  });

  it('普通: 5 working days from the Beijing day of filing, skipping weekend and holiday', () => {
    // Filed Fri 04-03; 04-04..06 清明 (Sat–Mon), 07..10 count 4, 11–12 weekend, Mon 04-13 is the fifth.
    const r = workOrderDue(cal, 'normal', '2026-04-03T18:00:00+08:00');
    expect(r).toMatchObject({ due: '2026-04-13', dueAt: null, rule: 'work_order_normal', provisional: false });
    expect(r.explanation).toMatch(/清明/);
    // 23:30 UTC on Thursday is already Friday in Beijing: counted from Friday, not Thursday.
    expect(workOrderDue(cal, 'normal', '2026-04-02T17:30:00Z').due).toBe('2026-04-13');
    expect(workOrderDue(cal, 'normal', '2026-04-02T15:30:00Z').due).toBe('2026-04-10');
  });

  it('refuses a timestamp it cannot read', () => {
    expect(() => workOrderDue(cal, 'normal', 'yesterday')).toThrow(/时间格式无效/);
  });
});

describe('changedFields — R-19 versions view', () => {
  it('lists the changed fields in column order, ID numbers masked', () => {
    const after = { ...current, holderName: '王小明', idNumber: ID_OTHER, workType: '数控车工' };
    const changes = changedFields(current, after);
    expect(changes.map((c) => c.field)).toEqual(['holderName', 'idNumber', 'workType']);
    expect(changes[0]).toEqual({ field: 'holderName', before: '王晓明', after: '王小明' });
    expect(changes[1].before).toBe('**************0014');
    expect(JSON.stringify(changes)).not.toContain(ID);
    expect(JSON.stringify(changes)).not.toContain(ID_OTHER);
    expect(changes[2]).toEqual({ field: 'workType', before: null, after: '数控车工' });
  });

  it('compares ID numbers canonically and values as text', () => {
    expect(changedFields(current, { ...current, idNumber: ID_15 })).toEqual([]);
    expect(changedFields(current, { ...current, level: '3', theoryScore: '84.8' })).toEqual([]);
  });
});

describe('CORRECTABLE_FIELDS', () => {
  it('is every template column: the record edit fields plus the ID number, in column order', () => {
    expect([...CORRECTABLE_FIELDS]).toEqual(CERTIFICATE_RECORD_COLUMNS.map((c) => c.field));
    expect(CORRECTABLE_FIELDS.filter((f) => !(EDITABLE_CERTIFICATE_FIELDS as readonly string[]).includes(f))).toEqual([
      'idNumber',
    ]);
  });
});
