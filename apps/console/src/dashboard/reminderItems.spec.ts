import { BATCH_STATUS_LABELS } from '@app/domain';
import { reminderLines } from './reminderItems';

describe('我的提醒 items read defensively', () => {
  it('reads due-soon and overdue items, overdue first, then by due date', () => {
    const lines = reminderLines([
      {
        kind: 'review',
        batchId: 7,
        institutionName: '广州A',
        recordCount: 12,
        stage: 'municipal_review',
        stageLabel: '市级审核',
        dueDate: '2026-12-04',
        workingDaysLeft: 2,
      },
      {
        kind: 'review',
        batchId: 3,
        institutionName: '广州B',
        recordCount: 5,
        stage: 'provincial_review',
        dueDate: '2026-11-30',
        workingDaysLeft: 0,
        overdue: true,
        overdueWorkingDays: 3,
      },
      {
        kind: 'upload',
        batchId: 9,
        institutionName: '广州C',
        recordCount: 1,
        dueDate: '2026-12-01',
        workingDaysLeft: 1,
      },
    ]);
    expect(lines?.map((l) => [l.batchId, l.overdue, l.days, l.stage])).toEqual([
      [3, true, 3, BATCH_STATUS_LABELS.provincial_review],
      [9, false, 1, ''],
      [7, false, 2, '市级审核'],
    ]);
  });

  it('reads the API item (MyReminderItem): event, overdue working days, stage label, escalation', () => {
    const item = {
      kind: 'review',
      batchId: 12,
      status: 'municipal_review',
      stageLabel: '市级审核',
      institutionId: 4,
      institutionName: '广州A',
      recordCount: 30,
      dueDate: '2026-11-18',
      event: 'overdue',
      workingDaysLeft: 0,
      overdueWorkingDays: 3,
      responsibleOrganisationId: 2,
      responsibleOrganisation: '广州市职业技能鉴定指导中心',
      responsibleRole: 'municipal_admin',
      responsibleRoleLabel: '市级数据管理员',
      escalation: true,
    };
    expect(
      reminderLines([
        item,
        { ...item, batchId: 13, event: 'due_soon', workingDaysLeft: 2, overdueWorkingDays: 0, escalation: false },
      ]),
    ).toEqual([
      expect.objectContaining({
        batchId: 12,
        overdue: true,
        days: 3,
        stage: '市级审核',
        escalation: true,
        responsibleOrganisation: '广州市职业技能鉴定指导中心',
      }),
      expect.objectContaining({ batchId: 13, overdue: false, days: 2, escalation: false }),
    ]);
  });

  it('reads an R-18 upload day, which has no batch', () => {
    const lines = reminderLines([
      {
        kind: 'qualification_upload_day',
        batchId: null,
        status: null,
        stageLabel: '职业资格证书数据上传日（发证日期 2026-02-25 至 2026-03-10）',
        institutionId: 9,
        institutionName: '广州消防培训中心',
        recordCount: null,
        dueDate: '2026-03-16',
        event: 'due_soon',
        workingDaysLeft: 3,
        overdueWorkingDays: 0,
      },
      { kind: 'review', batchId: null, dueDate: '2026-03-16' },
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        batchId: null,
        overdue: false,
        days: 3,
        recordCount: null,
        key: expect.stringContaining('-9-'),
      }),
    ]);
  });

  it('takes a negative workingDaysLeft as overdue and accepts { items }', () => {
    const lines = reminderLines({ items: [{ batchId: 1, dueDate: '2026-11-20', workingDaysLeft: -2 }] });
    expect(lines).toEqual([expect.objectContaining({ batchId: 1, overdue: true, days: 2, recordCount: null })]);
  });

  it('drops what is not an item and answers null for what is not a list', () => {
    expect(reminderLines([null, 3, { batchId: 'x', dueDate: '2026-11-20' }, { batchId: 2 }])).toEqual([]);
    expect(reminderLines({ message: 'x' })).toBeNull();
    expect(reminderLines(undefined)).toBeNull();
  });
});
