import { dataAdminActions, registerBody, validateMobile, validateOfficePhone, validateQq } from './dataAdminActions';

describe('data administrator console rules', () => {
  it('offers approve and reject to the head, on pending registrations only', () => {
    expect(dataAdminActions({ status: 'pending' }, ['municipal_head'])).toEqual({ approve: true, reject: true });
    expect(dataAdminActions({ status: 'active' }, ['municipal_head'])).toEqual({ approve: false, reject: false });
    expect(dataAdminActions({ status: 'pending' }, ['municipal_admin'])).toEqual({ approve: false, reject: false });
    expect(dataAdminActions({ status: 'pending' }, ['provincial_admin'])).toEqual({ approve: false, reject: false });
  });

  it('validates phone numbers as the API does', () => {
    expect(validateOfficePhone('020-83212345')).toBeUndefined();
    expect(validateOfficePhone('83212345')).toBe('app.data_admins.invalid.office_phone');
    expect(validateMobile('138 1234 5678')).toBeUndefined();
    expect(validateMobile('1381234567')).toBe('app.data_admins.invalid.mobile');
    expect(validateQq('')).toBeUndefined();
    expect(validateQq('0123')).toBe('app.data_admins.invalid.qq');
  });

  it('sends the form trimmed, an empty QQ as null', () => {
    expect(
      registerBody({
        userId: '7',
        position: ' 科员 ',
        officePhone: '020-83212345',
        mobile: '13812345678',
        qq: ' ',
        publicContact: 'x',
      }),
    ).toEqual({
      userId: 7,
      position: '科员',
      officePhone: '020-83212345',
      mobile: '13812345678',
      qq: null,
      publicContact: 'x',
    });
  });
});
