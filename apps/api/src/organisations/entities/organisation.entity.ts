import { Column, Entity, Index } from 'typeorm';
import type { OrganisationLevel } from '@app/domain';
import { VersionedEntityBase } from '../../database/columns';
import type { DeadlineProfileName, InstitutionKind, InstitutionStatus, ScopeEntry } from '@app/contracts';

// The kinds, statuses, profiles and registered scope are part of the organisations API's contract (libs/contracts).
export type { DeadlineProfileName, InstitutionKind, InstitutionStatus, ScopeEntry } from '@app/contracts';

/** every centre and evaluation institution, as one tree. */
@Entity('organisations')
export class Organisation extends VersionedEntityBase {
  @Column({ type: 'varchar', length: 16 })
  level!: OrganisationLevel;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  /** Materialised path "/1/4/9/" — jurisdiction is a prefix test on it. */
  @Index()
  @Column({ type: 'varchar', length: 255, default: '' })
  path!: string;

  @Index()
  @Column({ type: 'varchar', length: 6 })
  regionCode!: string;

  @Index()
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  kind!: InstitutionKind | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: InstitutionStatus;

  @Column({ type: 'date', nullable: true })
  registeredAt!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'national' })
  deadlineProfile!: DeadlineProfileName;

  @Column({ type: 'simple-json', nullable: true })
  scope!: ScopeEntry[] | null;
}
