import { complaintCan, complaintCommandBody, complaintCreateBody } from './complaintActions';

describe('complaint page helpers (R-43)', () => {
  it('shows the buttons the API allows the caller', () => {
    expect(complaintCan({ actions: ['reply'] }, 'reply')).toBe(true);
    expect(complaintCan({ actions: ['reply'] }, 'close')).toBe(false);
    expect(complaintCan({ actions: ['close', 'reopen'] }, 'reopen')).toBe(true);
    expect(complaintCan(undefined, 'reply')).toBe(false);
  });

  it('sends each step its text under the API’s field, trimmed, with the version seen', () => {
    expect(complaintCommandBody('reply', { text: ' 已补报 ' }, 3)).toEqual({ reply: '已补报', version: 3 });
    expect(complaintCommandBody('close', { text: '办结' }, 4)).toEqual({ note: '办结', version: 4 });
    expect(complaintCommandBody('reopen', { text: '未说明原因' }, 2)).toEqual({ reason: '未说明原因', version: 2 });
    expect(complaintCommandBody('reply', {}, 1)).toEqual({ reply: '', version: 1 });
  });

  it('leaves blank optional fields out of the new complaint and sends numbers as numbers', () => {
    expect(
      complaintCreateBody({
        holderName: ' 李四 ',
        contactPhone: '13812345678',
        content: '查不到',
        channel: 'letter',
        receivedOn: '',
        institutionId: '7',
        certificateId: undefined,
        batchId: null,
        certificateNumber: 'S1',
      }),
    ).toEqual({
      holderName: '李四',
      contactPhone: '13812345678',
      content: '查不到',
      channel: 'letter',
      institutionId: 7,
    });
    expect(complaintCreateBody({ institutionId: 7, certificateId: 12, batchId: 3, receivedOn: '2026-11-20' })).toEqual({
      institutionId: 7,
      certificateId: 12,
      batchId: 3,
      receivedOn: '2026-11-20',
    });
  });
});
