import { DomainError, maintenanceRefusal } from '@app/domain';
import type { Actor } from '../common/actor/actor';
import type { Organisation } from './entities/organisation.entity';

/**
 * the one check every maintenance action on an institution's data calls — upload, re-upload, record edit,
 * submission, ID-number reveal. A dissolved institution's own operators are refused (403); its parent centre
 * maintains the data. Ceased institutions keep their duties.
 */
export function assertMaintains(actor: Actor, institution: Pick<Organisation, 'status'>): void {
  const refusal = maintenanceRefusal(institution.status, actor.organisationLevel);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
}
