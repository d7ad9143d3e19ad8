import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TIMESTAMP } from '../../database/columns';
import type { AuditOutcome } from '@app/contracts';

export type { AuditOutcome } from '@app/contracts';

/** append-only, hash-chained audit trail. No updatedAt: rows are never changed. */
@Entity('audit_logs')
@Index(['targetType', 'targetId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Position in the chain, gap-free from 1. */
  @Index({ unique: true })
  @Column({ type: 'int' })
  seq!: number;

  @Index()
  @Column(TIMESTAMP)
  at!: Date;

  @Column({ type: 'int', nullable: true })
  userId!: number | null;

  @Index()
  @Column({ type: 'varchar', length: 64, default: '' })
  username!: string;

  @Column({ type: 'int', nullable: true })
  organisationId!: number | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  role!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 48, default: '' })
  targetType!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  targetId!: string;

  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Column({ type: 'text', nullable: true })
  after!: string | null;

  @Column({ type: 'varchar', length: 45, default: '' })
  ip!: string;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/** Single row (id = 1) holding the chain's tip; writers lock it, so the chain never forks. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash!: string;
}

/**
 * the chain head at a moment, with a MAC keyed outside the database. Someone who rewrites records and
 * recomputes every later hash, or cuts the tail, cannot produce a matching anchor: verification then fails.
 * Append-only, like the records.
 */
@Entity('audit_anchors')
export class AuditAnchor {
  @PrimaryGeneratedColumn()
  id!: number;

  /** One anchor per chain position: a second instance anchoring the same head loses on this key. */
  @Index('IDX_audit_anchors_seq', { unique: true })
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;

  @Column({ type: 'varchar', length: 64 })
  mac!: string;

  @Column(TIMESTAMP)
  at!: Date;
}
