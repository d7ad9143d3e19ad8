import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { BatchStatus } from '@app/domain';
import type { StoredDue } from '../calendar/calendar.service';
import { Certificate } from '../certificates/entities/certificate.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { Batch } from './entities/batch.entity';

/** The reads and writes of recomputing open batches' due dates after a calendar change (R-15). */
@Injectable()
export class BatchDueDatesRepository {
  /** Batches in an `open` status whose due period reaches `year`: not ended before it, not starting after it. */
  openBatchesReaching(manager: EntityManager, year: number, open: BatchStatus[]): Promise<Batch[]> {
    return manager
      .getRepository(Batch)
      .createQueryBuilder('b')
      .where('b.status IN (:...open)', { open })
      .andWhere('b.dueRule IS NOT NULL AND b.dueDate IS NOT NULL')
      .andWhere('b.dueDate >= :first', { first: `${year}-01-01` })
      .andWhere('(b.dueFrom IS NULL OR b.dueFrom <= :last)', { last: `${year}-12-31` })
      .getMany();
  }

  /** The deadline profile of each institution. */
  async deadlineProfiles(
    manager: EntityManager,
    institutionIds: number[],
  ): Promise<Map<number, Organisation['deadlineProfile']>> {
    const institutions = await manager.getRepository(Organisation).findBy({ id: In([...new Set(institutionIds)]) });
    return new Map(institutions.map((o) => [o.id, o.deadlineProfile]));
  }

  /** The earliest issue date in a batch (the start of a draft's upload period), or null when it holds no record. */
  async earliestIssueDate(manager: EntityManager, batchId: number): Promise<string | null> {
    const row = await manager
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select('MIN(c.issueDate)', 'first')
      .where('c.batchId = :id', { id: batchId })
      .getRawOne<{ first: string | null }>();
    return row?.first ? String(row.first).slice(0, 10) : null;
  }

  /**
   * Writes a recomputed due date while the batch is still in `status`. Not a new version: no decision changed, so a
   * reviewer holding the batch's version can still act on it.
   */
  async setDue(manager: EntityManager, batchId: number, status: BatchStatus, due: StoredDue): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Batch)
      .set({ ...due, version: () => 'version' })
      .where('id = :id AND status = :status', { id: batchId, status })
      .execute();
  }
}
