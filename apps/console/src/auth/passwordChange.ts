/** The API's answer to any request from an account that still holds a temporary password. */
export const PASSWORD_CHANGE_REQUIRED = 'AUTH_PASSWORD_CHANGE_REQUIRED';

/** Where the console sends such an account: 账号安全, staying logged in. */
export const ACCOUNT_SECURITY_PATH = '/account';

interface ApiError {
  status?: number;
  message?: string;
  body?: { code?: string };
}

/**
 * For react-admin's checkError: a 403 AUTH_PASSWORD_CHANGE_REQUIRED is not a reason to log out but to go to
 * 账号安全 and change the password; null for every other error.
 */
export function passwordChangeRedirect(
  error: ApiError | null | undefined,
): { redirectTo: string; logoutUser: false; message: string } | null {
  if (error?.status !== 403 || error.body?.code !== PASSWORD_CHANGE_REQUIRED) return null;
  return {
    redirectTo: ACCOUNT_SECURITY_PATH,
    logoutUser: false,
    message: error.message || 'app.account.change_temporary_password',
  };
}
