import { certificateEditBody } from './certificateEdit';

describe('certificateEditBody (record correction, R-13)', () => {
  const values = {
    holderName: ' 陈伟 ',
    idType: 1,
    gender: 1,
    birthDate: '1990-05-12',
    education: 96,
    occupationCode: '4-03-02-01',
    occupationName: '中式烹调师',
    workType: '',
    level: 4,
    certificateNumber: 'S1',
    issueDate: '2026-11-16',
    admissionTicket: null,
    theoryScore: 78.5,
    practicalScore: undefined,
    comprehensiveScore: null,
    result: 2,
    editReason: ' 更正姓名 ',
    idNumber: '',
    returnReason: '姓名错误',
  };

  it('sends every editable field, trimmed, with emptied ones as null, the version and the reason', () => {
    const body = certificateEditBody(values, { version: 4 });
    expect(body).toMatchObject({
      version: 4,
      reason: '更正姓名',
      holderName: '陈伟',
      workType: null,
      practicalScore: null,
      theoryScore: 78.5,
    });
    expect(body).not.toHaveProperty('returnReason');
  });

  it('leaves the stored ID number alone unless a new one is typed', () => {
    expect(certificateEditBody(values, { version: 1 })).not.toHaveProperty('idNumber');
    expect(certificateEditBody({ ...values, idNumber: ' 440111199005121234 ' }, { version: 1 }).idNumber).toBe(
      '440111199005121234',
    );
  });
});
