import { checkPasswordPolicy, DomainError } from '@app/domain';

// Rules on an account's credentials, shared by account administration (users) and login (auth, above users).

/** R-41 password policy, refused with every problem named. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPasswordPolicy(password, { username });
  if (problems.length > 0) throw new DomainError('PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`);
}

/** The key of the per-username lockout: usernames are case-insensitive, so is their lockout. */
export function throttleKey(username: string): string {
  return username.trim().toLowerCase();
}
