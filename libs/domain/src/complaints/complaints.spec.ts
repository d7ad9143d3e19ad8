import holidays2026 from '../../../../config/holidays/2026.json';
import { validateHolidayYear } from '../calendar/holiday-year';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_REFUSALS,
  COMPLAINT_STATUSES,
  complaintReplyDue,
  complaintReplyRefusal,
  complaintResponder,
  complaintSubjectRefusal,
  complaintTransition,
  isLateReply,
  type ComplaintSubject,
} from './complaint-rules';
import { isChinesePhone, maskPhone, normalizePhone } from './phone';

const calendar = new WorkingDayCalendar([validateHolidayYear(structuredClone(holidays2026))]);

describe('complaint state machine (R-43)', () => {
  const allowed: Record<string, string> = {
    'open/reply': 'replied',
    'replied/close': 'closed',
    'replied/reopen': 'open',
  };
  const cases = COMPLAINT_STATUSES.flatMap((status) => COMPLAINT_ACTIONS.map((action) => [status, action] as const));

  it.each(cases)('%s + %s', (status, action) => {
    expect(complaintTransition(status, action)).toBe(allowed[`${status}/${action}`] ?? null);
  });

  it('closed is final', () => {
    for (const action of COMPLAINT_ACTIONS) expect(complaintTransition('closed', action)).toBeNull();
  });
});

describe('complaintReplyDue: 5 working days from the recording day on the official calendar (R-43)', () => {
  it.each([
    ['an ordinary Monday', '2026-11-23', '2026-11-30'],
    ['a Friday: the weekend is skipped', '2026-11-27', '2026-12-04'],
    ['a Saturday: the day itself is not counted', '2026-11-28', '2026-12-04'],
    // 13 Feb, the adjusted working Saturday 14 Feb, then 春节 15–23 Feb, then 24, 25, 26 Feb.
    ['before 春节 with its adjusted Saturday', '2026-02-12', '2026-02-26'],
    // 28, 29, 30 Sep, then 国庆节 1–7 Oct, then 8, 9 Oct.
    ['before 国庆节', '2026-09-24', '2026-10-09'],
  ])('%s', (_name, recordedOn, due) => {
    expect(complaintReplyDue(calendar, recordedOn)).toBe(due);
  });

  it('a late reply is one given after the due day', () => {
    expect(isLateReply('2026-11-30', '2026-11-30')).toBe(false);
    expect(isLateReply('2026-11-30', '2026-12-01')).toBe(true);
    expect(isLateReply('2026-11-30', '2026-11-24')).toBe(false);
  });
});

describe('complaintSubjectRefusal (R-43)', () => {
  const base: ComplaintSubject = {
    institutionId: 7,
    institutionLevel: 'institution',
    receivedOn: '2026-11-20',
    today: '2026-11-23',
  };

  it.each([
    ['institution only', {}, null],
    [
      'its own certificate and batch',
      { certificate: { institutionId: 7, batchId: 3 }, batch: { id: 3, institutionId: 7 } },
      null,
    ],
    ['received today', { receivedOn: '2026-11-23' }, null],
    ['a centre instead of an institution', { institutionLevel: 'municipal' as const }, 'COMPLAINT_NOT_AN_INSTITUTION'],
    ['received tomorrow', { receivedOn: '2026-11-24' }, 'COMPLAINT_RECEIVED_IN_FUTURE'],
    [
      "another institution's certificate",
      { certificate: { institutionId: 8, batchId: 3 } },
      'COMPLAINT_CERTIFICATE_NOT_OF_INSTITUTION',
    ],
    ["another institution's batch", { batch: { id: 3, institutionId: 8 } }, 'COMPLAINT_BATCH_NOT_OF_INSTITUTION'],
    [
      'a certificate of another batch of the institution',
      { certificate: { institutionId: 7, batchId: 4 }, batch: { id: 3, institutionId: 7 } },
      'COMPLAINT_CERTIFICATE_NOT_IN_BATCH',
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(complaintSubjectRefusal({ ...base, ...overrides })).toBe(expected);
  });

  it('gives each refusal a Chinese reason', () => {
    for (const reason of Object.values(COMPLAINT_REFUSALS)) expect(reason).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('who replies (R-43, R-44)', () => {
  const active = { id: 7, parentId: 3, status: 'active' as const };
  const dissolved = { id: 7, parentId: 3, status: 'dissolved' as const };

  it('an institution answers through its operators; a dissolved one through its parent centre admin', () => {
    expect(complaintResponder(active, 'municipal')).toEqual({ organisationId: 7, role: 'institution_operator' });
    expect(complaintResponder({ ...active, status: 'ceased' }, 'municipal')).toEqual({
      organisationId: 7,
      role: 'institution_operator',
    });
    expect(complaintResponder(dissolved, 'municipal')).toEqual({ organisationId: 3, role: 'municipal_admin' });
    expect(complaintResponder(dissolved, 'provincial')).toEqual({ organisationId: 3, role: 'provincial_admin' });
  });

  it.each([
    ['the institution operator', active, { organisationId: 7, roles: ['institution_operator'] }, null],
    [
      "another institution's operator",
      active,
      { organisationId: 8, roles: ['institution_operator'] },
      'COMPLAINT_REPLY_NOT_ASSIGNED',
    ],
    [
      'the parent centre admin of an active institution',
      active,
      { organisationId: 3, roles: ['municipal_admin'] },
      'COMPLAINT_REPLY_NOT_ASSIGNED',
    ],
    [
      'the parent centre admin of a dissolved institution',
      dissolved,
      { organisationId: 3, roles: ['municipal_admin'] },
      null,
    ],
    [
      'the parent centre head of a dissolved institution',
      dissolved,
      { organisationId: 3, roles: ['municipal_head'] },
      'COMPLAINT_REPLY_NOT_ASSIGNED',
    ],
  ] as const)('%s', (_name, institution, actor, expected) => {
    expect(complaintReplyRefusal(actor, complaintResponder(institution, 'municipal'))).toBe(expected);
  });
});

describe('contact phone (R-43, R-9)', () => {
  it.each([
    ['13812345678', true],
    ['+86 138 1234 5678', true],
    ['19912345678', true],
    ['020-83456789', true],
    ['02083456789', true],
    ['0755-2345678', true],
    ['020-83456789-123', true],
    ['12812345678', false],
    ['1381234567', false],
    ['83456789', false],
    ['020-03456789', false],
    ['abc', false],
    ['', false],
  ])('%s → %s', (phone, valid) => {
    expect(isChinesePhone(phone)).toBe(valid);
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('020-83456789')).toBe('020-****6789');
    expect(maskPhone('0755-2345678')).toBe('075*-***5678');
  });

  it('normalises spaces and the country code of a mobile number', () => {
    expect(normalizePhone(' 138 1234 5678 ')).toBe('13812345678');
    expect(normalizePhone('0086-13812345678')).toBe('13812345678');
    expect(normalizePhone('020 8345 6789')).toBe('02083456789');
  });
});
