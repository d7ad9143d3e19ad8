import { Column, Entity, Index } from 'typeorm';
import type { OrganisationLevel } from '@app/domain';
import { VersionedEntityBase } from '../../database/columns';

export type InstitutionKind = 'employer' | 'technical_school' | 'social_training';
export type InstitutionStatus = 'active' | 'ceased' | 'dissolved';
export type DeadlineProfileName = 'national' | 'guangdong';

/** one registered (备案) occupation and its levels, valid over a period. */
export interface ScopeEntry {
  occupationCode: string;
  occupationName: string;
  levels: number[];
  validFrom: string;
  validTo: string | null;
}

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
