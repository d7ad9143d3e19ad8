export interface PasswordPolicyContext {
  username?: string | null;
}

export const PASSWORD_MIN_LENGTH = 8;
/** Upper bound so a hostile login cannot make the key-derivation function hash megabytes. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * at least 8 characters, at least 3 of 4 classes (upper, lower, digit, symbol), not containing the username.
 * Returns the problems in Chinese; an empty list means the password is acceptable.
 */
export function checkPasswordPolicy(password: string, context: PasswordPolicyContext = {}): string[] {
  const problems: string[] = [];
  const pw = String(password ?? '');
  const length = Array.from(pw).length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`密码长度至少为${PASSWORD_MIN_LENGTH}位`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`密码长度不能超过${PASSWORD_MAX_LENGTH}位`);
  }
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) {
    problems.push('密码须包含大写字母、小写字母、数字、特殊符号中的至少三类');
  }
  const username = String(context.username ?? '')
    .trim()
    .toLowerCase();
  if (username.length >= 3 && pw.toLowerCase().includes(username)) {
    problems.push('密码不得包含用户名');
  }
  return problems;
}
