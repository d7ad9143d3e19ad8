import { Column, Entity, PrimaryColumn } from 'typeorm';

/** queries of others one account made on one Beijing day; raised only by a conditional UPDATE. */
@Entity('lookup_quotas')
export class LookupQuota {
  @PrimaryColumn({ type: 'int' })
  accountId!: number;

  /** Beijing day, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'int', default: 0 })
  used!: number;
}
