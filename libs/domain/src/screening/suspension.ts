// which certificates national can take out of lookup (暂停查询), and why not the others.

/** The refusal codes (the API declares their HTTP status) with the Chinese reason shown to national. */
export const SUSPENSION_REFUSALS = {
  CERTIFICATE_NOT_PUBLISHED: '证书尚未发布，本就不在查询范围内，无需暂停查询',
  CERTIFICATE_ALREADY_SUSPENDED: '证书已暂停查询，正在等待省级复核',
  CERTIFICATE_LOOKUP_DELETED: '证书已删除，不在查询范围内',
} as const;

export type SuspensionRefusal = keyof typeof SUSPENSION_REFUSALS;

/**
 * Why a certificate cannot be suspended, or null when it can: only a published certificate lookup can find
 * (lookup status `visible`) is suspended; its review status stays as it is.
 */
export function suspensionRefusal(certificate: {
  status: string;
  lookupStatus: string | null;
}): SuspensionRefusal | null {
  if (certificate.status !== 'published' || certificate.lookupStatus === null) return 'CERTIFICATE_NOT_PUBLISHED';
  if (certificate.lookupStatus === 'suspended') return 'CERTIFICATE_ALREADY_SUSPENDED';
  if (certificate.lookupStatus === 'deleted') return 'CERTIFICATE_LOOKUP_DELETED';
  return null;
}
