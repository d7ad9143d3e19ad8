import { decisionBody, recheckActions } from './recheckActions';

describe('re-check actions', () => {
  it('are the provincial reviewer’s, on an open task only', () => {
    expect(recheckActions({ status: 'open' }, ['provincial_reviewer'])).toEqual({ restore: true, confirm: true });
    expect(recheckActions({ status: 'restored' }, ['provincial_reviewer'])).toEqual({ restore: false, confirm: false });
    for (const role of ['provincial_admin', 'national_reviewer', 'municipal_admin'] as const) {
      expect(recheckActions({ status: 'open' }, [role])).toEqual({ restore: false, confirm: false });
    }
  });

  it('send the trimmed reason, the outcome when confirming, and the version seen', () => {
    expect(decisionBody({ reason: '  核实无误 ' }, 3)).toEqual({ reason: '核实无误', version: 3 });
    expect(decisionBody({ reason: '编号有误', outcome: 'correct' }, 4)).toEqual({
      reason: '编号有误',
      outcome: 'correct',
      version: 4,
    });
    expect(decisionBody({ reason: 'x', outcome: 'other' }, 1)).toEqual({ reason: 'x', version: 1 });
  });
});
