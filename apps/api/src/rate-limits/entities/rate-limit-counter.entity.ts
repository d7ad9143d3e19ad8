import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One fixed-window counter per bucket (e.g. "certificates.id-search:user:12"). Rows are updated in place, so the
 * table holds one row per bucket ever used, never one per request.
 */
@Entity('rate_limits')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  bucket!: string;

  /** Start of the current window, in epoch milliseconds. */
  @Column({ type: 'bigint' })
  windowStart!: number;

  @Column({ type: 'int' })
  hits!: number;
}
