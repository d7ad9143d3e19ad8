import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a chain hash covers, in a fixed order. */
export interface ChainedFields {
  seq: number;
  at: Date;
  userId: number | null;
  username: string;
  organisationId: number | null;
  role: string;
  action: string;
  targetType: string;
  targetId: string;
  before: string | null;
  after: string | null;
  ip: string;
  outcome: string;
  detail: string | null;
}

/** R-38 tamper evidence: each record's hash covers its content and the previous record's hash. */
export function chainHash(prevHash: string, f: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    f.seq,
    f.at.toISOString(),
    f.userId,
    f.username,
    f.organisationId,
    f.role,
    f.action,
    f.targetType,
    f.targetId,
    f.before,
    f.after,
    f.ip,
    f.outcome,
    f.detail,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * the MAC of an anchored chain head. The key lives in the environment, not in the database, so a
 * rewritten and recomputed chain cannot be given matching anchors.
 */
export function anchorMac(key: Buffer, seq: number, hash: string, at: Date): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(['audit-anchor', seq, hash, at.toISOString()]))
    .digest('hex');
}
