import { Column, Entity, Index } from 'typeorm';
import { EntityBase } from '../../database/columns';
import type { InstitutionStatus } from '@app/contracts';

/**
 * an institution's dated status history — one row each time its status changes, effective from that day —
 * so screening can tell whether it was active on a certificate's issue date.
 */
@Entity('organisation_status_history')
@Index(['organisationId', 'effectiveFrom'])
export class OrganisationStatusChange extends EntityBase {
  @Column({ type: 'int' })
  organisationId!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: InstitutionStatus;

  @Column({ type: 'date' })
  effectiveFrom!: string;
}
