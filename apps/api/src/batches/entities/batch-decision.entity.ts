import { Column, Entity, Index } from 'typeorm';
import type { Actor } from '../../common/actor/actor';
import { EntityBase } from '../../database/columns';
import type { DecisionAction } from '@app/contracts';

export type { DecisionAction } from '@app/contracts';

/** one step in a batch's history — who, when, at which stage, what, why. */
@Entity('batch_decisions')
@Index(['batchId', 'id'])
// The home page's newest decisions: read newest first and stopped at a page, not sorted whole.
@Index('IDX_batch_decisions_created', ['createdAt', 'id'])
// first submissions per month read a range of this index (submit decisions taken in draft), not every decision.
@Index('IDX_batch_decisions_submissions', ['action', 'stage', 'createdAt'])
// 待我处理 leaves out batches the reader authored, looked up in this index alone.
@Index('IDX_batch_decisions_authoring', ['batchId', 'actorId', 'action'])
export class BatchDecision extends EntityBase {
  @Column({ type: 'int' })
  batchId!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: DecisionAction;

  /** The batch status when the step was taken. */
  @Column({ type: 'varchar', length: 24 })
  stage!: string;

  /** The status the step led to. */
  @Column({ type: 'varchar', length: 24 })
  resultStatus!: string;

  @Column({ type: 'int' })
  actorId!: number;

  @Column({ type: 'varchar', length: 64 })
  actorName!: string;

  @Column({ type: 'varchar', length: 64 })
  actorRole!: string;

  @Column({ type: 'int' })
  organisationId!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;

  /** How many records the step concerned (all, or those returned). */
  @Column({ type: 'int', default: 0 })
  recordCount!: number;

  /** Partial return: the child batch the returned records moved to. */
  @Column({ type: 'int', nullable: true })
  childBatchId!: number | null;

  /** The stage's due date when decided, and whether the decision came late. */
  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  /** a step copied into a child batch from the batch its records came from (the child's own trail). */
  @Column({ type: 'int', nullable: true })
  inheritedFromBatchId!: number | null;
}

/** per-record reasons of a partial return. */
@Entity('batch_decision_records')
@Index(['decisionId'])
export class BatchDecisionRecord extends EntityBase {
  @Column({ type: 'int' })
  decisionId!: number;

  @Column({ type: 'int' })
  certificateId!: number;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;
}

/** The decision columns that say who acted. */
export function decidedBy(actor: Actor) {
  return {
    actorId: actor.userId,
    actorName: actor.displayName,
    actorRole: actor.roles.join(','),
    organisationId: actor.organisationId,
  };
}
