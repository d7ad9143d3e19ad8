import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/actor/actor';
import { Certificate } from './entities/certificate.entity';
import { CertificateHistory } from './entities/certificate-history.entity';

const CHUNK = 500;

/** before a record changes or is replaced, its previous version goes to certificate_history. */
@Injectable()
export class CertificateHistoryService {
  async keep(manager: EntityManager, certificate: Certificate, actor: Actor, change: 'edit' | 'reupload', reason: string | null): Promise<void> {
    await manager.getRepository(CertificateHistory).insert(this.row(certificate, actor, change, reason));
  }

  /** Moves every record of a batch to history (a re-upload replaces them whole). */
  async supersedeBatch(manager: EntityManager, batchId: number, actor: Actor, change: 'reupload', reason: string): Promise<void> {
    const repo = manager.getRepository(Certificate);
    for (;;) {
      const chunk = await repo.find({ where: { batchId }, order: { id: 'ASC' }, take: CHUNK });
      if (chunk.length === 0) break;
      await manager.getRepository(CertificateHistory).insert(chunk.map((c) => this.row(c, actor, change, reason)));
      await repo.delete(chunk.map((c) => c.id));
    }
  }

  private row(certificate: Certificate, actor: Actor, change: 'edit' | 'reupload', reason: string | null) {
    return {
      certificateId: certificate.id,
      batchId: certificate.batchId,
      change,
      snapshot: JSON.stringify(certificate),
      changedById: actor.userId,
      reason,
    };
  }
}
