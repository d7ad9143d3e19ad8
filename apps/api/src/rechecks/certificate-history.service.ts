import { Injectable } from '@nestjs/common';
import { hasPermission, SCREENING_RULES } from '@app/domain';
import {
  CERTIFICATE_HISTORY_LABELS,
  RECHECK_OUTCOME_LABELS,
  type CertificateHistoryEntry,
  type CertificateHistoryKind,
} from '@app/contracts';
import type { Actor } from '../common/actor/actor';
import { BatchesRepository } from '../batches/batches.repository';
import { CertificatesService } from '../certificates/certificates.service';
import { FlagsRepository } from '../screening/flags.repository';
import { RechecksRepository } from './rechecks.repository';

/** Same instant: the order in which the steps happen (a suspension follows the flag it answers). */
const KIND_ORDER: CertificateHistoryKind[] = [
  'published',
  'flag_raised',
  'flag_dismissed',
  'suspended',
  'restored',
  'confirmed',
];

type Entry = Omit<CertificateHistoryEntry, 'label' | 'actorName' | 'organisationName'> & { actorId: number | null };

/**
 * a certificate's life after publication in one history, newest first — publication, the flags raised about
 * it and their dismissal, its suspensions from lookup and the province's re-check decisions. Jurisdiction as the
 * certificate itself; the flags only for those who may read flags (an institution sees its certificate
 * suspended and restored, not what screening suspected).
 */
@Injectable()
export class CertificateHistoryService {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly batches: BatchesRepository,
    private readonly flags: FlagsRepository,
    private readonly rechecks: RechecksRepository,
  ) {}

  async history(actor: Actor, certificateId: number): Promise<CertificateHistoryEntry[]> {
    const { certificate } = await this.certificates.within(actor, certificateId);
    const seesFlags = hasPermission(actor.roles, 'flags.read');
    const [decisions, flags, rechecks] = await Promise.all([
      certificate.status === 'published' ? this.batches.decisionsOf(certificate.batchId) : Promise.resolve([]),
      seesFlags ? this.flags.flagsOfCertificate(certificateId) : Promise.resolve([]),
      this.rechecks.ofCertificate(certificateId),
    ]);
    const none = { reason: null, detail: null, flagId: null, recheckId: null };
    const entries: Entry[] = [];
    const publication = decisions.filter((d) => d.resultStatus === 'published').at(-1);
    if (publication) {
      entries.push({
        ...none,
        kind: 'published',
        at: publication.createdAt.toISOString(),
        actorId: publication.actorId,
      });
    } else if (certificate.publishedOn) {
      // Published before decisions were recorded (imported history): the day is all that is known.
      entries.push({ ...none, kind: 'published', at: certificate.publishedOn, actorId: null });
    }
    for (const f of flags) {
      const detail = SCREENING_RULES[f.rule];
      entries.push({ ...none, kind: 'flag_raised', at: f.raisedAt.toISOString(), actorId: null, detail, flagId: f.id });
      if (f.status === 'dismissed' && f.decidedAt) {
        entries.push({
          kind: 'flag_dismissed',
          at: f.decidedAt.toISOString(),
          actorId: f.decidedById,
          reason: f.decisionReason,
          detail,
          flagId: f.id,
          recheckId: null,
        });
      }
    }
    for (const r of rechecks) {
      const flag = flags.find((f) => f.id === r.flagId);
      entries.push({
        kind: 'suspended',
        at: r.suspendedAt.toISOString(),
        actorId: r.suspendedById,
        reason: r.suspendReason,
        detail: flag ? SCREENING_RULES[flag.rule] : null,
        flagId: seesFlags ? r.flagId : null,
        recheckId: r.id,
      });
      if (r.status !== 'open' && r.decidedAt) {
        entries.push({
          kind: r.status === 'restored' ? 'restored' : 'confirmed',
          at: r.decidedAt.toISOString(),
          actorId: r.decidedById,
          reason: r.decisionReason,
          detail: r.outcome ? RECHECK_OUTCOME_LABELS[r.outcome] : null,
          flagId: seesFlags ? r.flagId : null,
          recheckId: r.id,
        });
      }
    }
    const names = await this.flags.staffNames(entries.flatMap((e) => (e.actorId === null ? [] : [e.actorId])));
    return entries
      .sort((a, b) => b.at.localeCompare(a.at) || KIND_ORDER.indexOf(b.kind) - KIND_ORDER.indexOf(a.kind))
      .map(({ actorId, ...e }) => ({
        ...e,
        label: CERTIFICATE_HISTORY_LABELS[e.kind],
        actorName: actorId === null ? null : (names.get(actorId)?.displayName ?? null),
        organisationName: actorId === null ? null : (names.get(actorId)?.organisationName ?? null),
      }));
  }
}
