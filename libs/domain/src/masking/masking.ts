// R-10 脱敏 (seed 000's batch result table: '*毛', '**明'): everything but a short tail becomes '*'.

function maskAllButLast(value: string | null | undefined, keep: number): string {
  const chars = Array.from(String(value ?? '').trim());
  if (chars.length <= keep) {
    return chars.join('');
  }
  return '*'.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}

/** '张三丰' → '**丰', '李毛' → '*毛'; a one-character name has nothing before its last character and stays. */
export function maskName(name: string | null | undefined): string {
  return maskAllButLast(name, 1);
}

/** All but the last 4 characters → '*' (length kept). */
export function maskIdNumber(idNumber: string | null | undefined): string {
  return maskAllButLast(idNumber, 4);
}

/** All but the last 3 characters → '*' (length kept). */
export function maskCertificateNumber(certificateNumber: string | null | undefined): string {
  return maskAllButLast(certificateNumber, 3);
}
