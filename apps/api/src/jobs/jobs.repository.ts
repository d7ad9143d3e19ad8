import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { JobCounts, JobOutcome, JobTrigger } from '@app/contracts';
import { applyFilters, fetchPage, ListQuery, FilterDef } from '../common/http/list-query';
import { JobLease } from './entities/job-lease.entity';
import { JobRun } from './entities/job-run.entity';

/** A lease row that was never taken: free since the epoch. */
const NEVER = new Date(0);

/**
 * Leases and run records; writes take the caller's unit of work (UnitOfWork serialises them on SQLite). Every lease step is one conditional statement on one row: atomic on SQLite (writes are
 * serialised) and on InnoDB (an UPDATE re-reads the row it locked), so of several instances exactly one wins —
 * no GET_LOCK, no SKIP LOCKED.
 */
@Injectable()
export class JobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates the job's lease row, free, unless it exists. Its own statement and transaction: an INSERT IGNORE that
   * meets an existing row keeps a shared lock on it to the end of its transaction, and two of those followed by
   * UPDATEs of the row would deadlock on InnoDB.
   */
  async ensureLease(manager: EntityManager, job: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(JobLease)
      .values({ job, holder: '', token: '', acquiredAt: NEVER, expiresAt: NEVER })
      .orIgnore()
      .execute();
  }

  /** Takes the job's lease when it is free (expired or released); false when another run holds it. */
  async takeLease(
    manager: EntityManager,
    lease: { job: string; holder: string; token: string; now: Date; expiresAt: Date },
  ): Promise<boolean> {
    const { job, holder, token, now, expiresAt } = lease;
    const taken = await manager
      .createQueryBuilder()
      .update(JobLease)
      .set({ holder, token, acquiredAt: now, expiresAt })
      .where('job = :job AND expires_at <= :now', { job, now })
      .execute();
    return taken.affected === 1;
  }

  /**
   * Moves the expiry on while this run (its token) still holds the lease; false when it lost it. A lease that
   * expired but was not taken is still this run's: whoever takes it replaces the token.
   */
  async renewLease(manager: EntityManager, job: string, token: string, expiresAt: Date): Promise<boolean> {
    const renewed = await manager
      .createQueryBuilder()
      .update(JobLease)
      .set({ expiresAt })
      .where('job = :job AND token = :token', { job, token })
      .execute();
    return renewed.affected === 1;
  }

  /** Frees the lease at `now` if this run still holds it. */
  async releaseLease(manager: EntityManager, job: string, token: string, now: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(JobLease)
      .set({ expiresAt: now })
      .where('job = :job AND token = :token', { job, token })
      .execute();
  }

  findLease(job: string): Promise<JobLease | null> {
    return this.dataSource.getRepository(JobLease).findOneBy({ job });
  }

  async startRun(
    manager: EntityManager,
    job: string,
    instance: string,
    trigger: JobTrigger,
    startedAt: Date,
  ): Promise<JobRun> {
    return manager.getRepository(JobRun).save({
      job,
      instance,
      trigger,
      startedAt,
      finishedAt: null,
      outcome: null,
      counts: null,
      error: null,
    });
  }

  async finishRun(
    manager: EntityManager,
    id: number,
    result: { finishedAt: Date; outcome: JobOutcome; counts: JobCounts | null; error: string | null },
  ): Promise<void> {
    await manager.getRepository(JobRun).update(
      { id },
      {
        finishedAt: result.finishedAt,
        outcome: result.outcome,
        counts: result.counts === null ? null : JSON.stringify(result.counts),
        error: result.error,
      },
    );
  }

  findRun(id: number): Promise<JobRun | null> {
    return this.dataSource.getRepository(JobRun).findOneBy({ id });
  }

  /**
   * The newest run of each of `jobs` that took the lease (one query): skipped runs, which every other instance
   * records at each tick, would hide it.
   */
  async lastRuns(jobs: string[]): Promise<Map<string, JobRun>> {
    if (jobs.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(JobRun)
      .createQueryBuilder('r')
      .where('r.job IN (:...jobs)', { jobs })
      .andWhere((qb) => {
        const newest = qb
          .subQuery()
          .select('MAX(n.id)')
          .from(JobRun, 'n')
          .where('n.job = r.job')
          .andWhere("(n.outcome IS NULL OR n.outcome <> 'skipped')")
          .getQuery();
        return `r.id = ${newest}`;
      })
      .getMany();
    return new Map(rows.map((r) => [r.job, r]));
  }

  /**
   * Deletes up to `limit` runs started before `before`, never one of `keep`; answers how many it deleted. The
   * oldest first: ids grow with time, so the scan stops at the first `limit` old rows.
   */
  async deleteRunsBefore(
    manager: EntityManager,
    before: Date,
    keep: readonly number[],
    limit: number,
  ): Promise<number> {
    const qb = manager
      .getRepository(JobRun)
      .createQueryBuilder('r')
      .select('r.id', 'id')
      .where('r.startedAt < :before', { before })
      .orderBy('r.id', 'ASC')
      .limit(limit);
    if (keep.length > 0) qb.andWhere('r.id NOT IN (:...keep)', { keep });
    const ids = (await qb.getRawMany<{ id: number }>()).map((r) => Number(r.id));
    if (ids.length === 0) return 0;
    await manager.getRepository(JobRun).delete(ids);
    return ids.length;
  }

  /** The newest run that took the lease, of every job that has one (the runs pruning keeps). */
  async latestRunIds(): Promise<number[]> {
    const rows: { id: number }[] = await this.dataSource
      .getRepository(JobRun)
      .createQueryBuilder('r')
      .select('MAX(r.id)', 'id')
      .where("r.outcome IS NULL OR r.outcome <> 'skipped'")
      .groupBy('r.job')
      .getRawMany();
    return rows.map((r) => Number(r.id));
  }

  listRunsPage(query: ListQuery<Record<string, FilterDef>>): Promise<{ rows: JobRun[]; total: number }> {
    const qb = this.dataSource.getRepository(JobRun).createQueryBuilder('r');
    return fetchPage(applyFilters(qb, query), query);
  }
}
