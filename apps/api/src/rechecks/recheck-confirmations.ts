import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RecheckOutcome } from '@app/contracts';
import type { Actor } from '../common/actor/actor';

/** A re-check the owning province confirmed: the certificate stays out of lookup. */
export interface ConfirmedRecheck {
  recheckId: number;
  certificateId: number;
  outcome: RecheckOutcome;
  reason: string;
  /** The provincial reviewer who confirmed it. */
  actor: Actor;
}

/** Opens what a confirmed re-check leads to, inside the confirming transaction. */
export type RecheckConfirmationHandler = (manager: EntityManager, confirmed: ConfirmedRecheck) => Promise<void>;

/**
 * The seam between the re-check and the corrections feature: a confirmed re-check leads to a deletion
 * (`delete`) or a correction (`correct`) request. Until corrections exist the outcome is only recorded on the task
 * and audited; the corrections module, which sits above this one, registers its handler here when it starts (as
 * reminder sources do) and then opens its request in the same transaction as the confirmation.
 */
@Injectable()
export class RecheckConfirmations {
  private readonly handlers: RecheckConfirmationHandler[] = [];

  onConfirmed(handler: RecheckConfirmationHandler): void {
    this.handlers.push(handler);
  }

  async confirmed(manager: EntityManager, confirmed: ConfirmedRecheck): Promise<void> {
    for (const handler of this.handlers) await handler(manager, confirmed);
  }
}
