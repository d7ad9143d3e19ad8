import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// Shared column shapes that map identically on MySQL/MariaDB and SQLite (ARCHITECTURE.md "Data").
export const TIMESTAMP = { type: 'datetime', precision: 3 } as const;

export abstract class EntityBase {
  @PrimaryGeneratedColumn()
  id!: number;

  // Precision 6 matches TypeORM's CURRENT_TIMESTAMP(6) default, so MySQL/MariaDB show no schema drift.
  @CreateDateColumn({ type: 'datetime', precision: 6 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6 })
  updatedAt!: Date;
}

/** Mutable aggregates: `version` backs optimistic locking of workflow actions and edits. */
export abstract class VersionedEntityBase extends EntityBase {
  @VersionColumn()
  version!: number;
}
