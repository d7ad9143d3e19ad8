import { passwordChangeRedirect } from './passwordChange';

describe('passwordChangeRedirect (R-41: a temporary password must be changed first)', () => {
  it('sends a 403 AUTH_PASSWORD_CHANGE_REQUIRED to 账号安全 without logging out', () => {
    expect(
      passwordChangeRedirect({
        status: 403,
        message: '您正在使用临时密码',
        body: { code: 'AUTH_PASSWORD_CHANGE_REQUIRED' },
      }),
    ).toEqual({ redirectTo: '/account', logoutUser: false, message: '您正在使用临时密码' });
  });

  it('leaves every other error alone', () => {
    expect(passwordChangeRedirect({ status: 403, body: { code: 'FORBIDDEN' } })).toBeNull();
    expect(passwordChangeRedirect({ status: 401, body: { code: 'AUTH_PASSWORD_CHANGE_REQUIRED' } })).toBeNull();
    expect(passwordChangeRedirect(undefined)).toBeNull();
  });
});
