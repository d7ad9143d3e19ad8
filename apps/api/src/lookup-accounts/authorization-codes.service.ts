import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AUTHORIZATION_CODE_RANDOM_BYTES,
  authorizationCodeExpiry,
  authorizationCodeState,
  DomainError,
  formatAuthorizationCode,
  groupAuthorizationCode,
  normalizeAuthorizationCode,
  normalizeOldModeValue,
  type LookupKind,
} from '@app/domain';
import type { AuthorizationCodeView } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import { FieldCipher } from '../crypto/field-cipher';
import { isUniqueViolation } from '../database/unique-violation';
import { UnitOfWork } from '../database/unit-of-work';
import { LookupCertificatesRepository } from '../lookup/lookup-certificates.repository';
import { AuthorizationCode } from './entities/authorization-code.entity';
import { AuthorizationCodesRepository } from './authorization-codes.repository';
import { lookupSubject } from './lookup-auth.service';
import type { LookupPrincipal } from './lookup-principal';

/** Codes are indexed apart from ID numbers (same key, own prefix), so the two kinds of value never meet. */
export const codeIndexInput = (normalized: string) => `code:${normalized}`;

export const personsOnly = () => new DomainError('LOOKUP_PERSONS_ONLY', '该功能仅向个人用户开放');

/**
 * a person's authorization codes, one per certificate kind. 80 random bits (node:crypto), shown in groups
 * of four; stored encrypted (the holder copies it again) with a blind index for `by-code`. Valid one year from
 * generation; stop takes effect at once, resume restores the same code and expiry. Generating again for a kind
 * replaces its code (the old one stops working at once) with a new year.
 */
@Injectable()
export class AuthorizationCodesService {
  constructor(
    private readonly codes: AuthorizationCodesRepository,
    private readonly certificates: LookupCertificatesRepository,
    private readonly cipher: FieldCipher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async create(principal: LookupPrincipal, kind: LookupKind): Promise<AuthorizationCodeView<Date>> {
    if (principal.type !== 'person') throw personsOnly();
    const held = heldBy(principal.name, await this.certificates.byIdNumberHash(principal.identifierHash, kind));
    if (held.length === 0) {
      throw new DomainError('LOOKUP_CODE_NO_CERTIFICATE', '您名下没有可查询的该类证书，无法生成授权码');
    }
    const code = normalizeAuthorizationCode(formatAuthorizationCode(randomBytes(AUTHORIZATION_CODE_RANDOM_BYTES)))!;
    const issuedAt = this.clock.now();
    const fields = {
      codeEnc: this.cipher.encrypt(code),
      codeHash: this.cipher.blindIndex(codeIndexInput(code)),
      issuedAt,
      expiresAt: authorizationCodeExpiry(issuedAt),
      stopped: false,
    };
    const save = () =>
      this.uow.run(async (manager) => {
        const existing = await this.codes.findOfKind(manager, principal.accountId, kind);
        const id = existing
          ? (await this.codes.update(manager, existing.id, fields), existing.id)
          : await this.codes.insert(manager, { accountId: principal.accountId, kind, ...fields });
        await this.audit.record(manager, lookupSubject(principal.accountId, principal.ip), {
          action: 'lookup.code.create',
          targetType: 'lookup_authorization_code',
          targetId: id,
          detail: kind,
        });
        return this.codes.findById(manager, id);
      });
    // Two requests at once (a double click) both found no code: the second insert meets the first's row, so it
    // replaces that code as a later request would.
    const row = await save().catch((error: unknown) => {
      if (isUniqueViolation(error)) return save();
      throw error;
    });
    return this.view(row);
  }

  async list(principal: LookupPrincipal): Promise<AuthorizationCodeView<Date>[]> {
    if (principal.type !== 'person') throw personsOnly();
    return (await this.codes.listOf(principal.accountId)).map((c) => this.view(c));
  }

  stop(principal: LookupPrincipal, id: number): Promise<AuthorizationCodeView<Date>> {
    return this.setStopped(principal, id, true);
  }

  resume(principal: LookupPrincipal, id: number): Promise<AuthorizationCodeView<Date>> {
    return this.setStopped(principal, id, false);
  }

  private async setStopped(principal: LookupPrincipal, id: number, stopped: boolean) {
    if (principal.type !== 'person') throw personsOnly();
    const own = await this.codes.findOwn(principal.accountId, id);
    if (!own) throw notFound('授权码');
    const row = await this.uow.run(async (manager) => {
      await this.codes.update(manager, id, { stopped });
      await this.audit.record(manager, lookupSubject(principal.accountId, principal.ip), {
        action: stopped ? 'lookup.code.stop' : 'lookup.code.resume',
        targetType: 'lookup_authorization_code',
        targetId: id,
      });
      return this.codes.findById(manager, id);
    });
    return this.view(row);
  }

  /**
   * The holder and kind behind a typed code, or null for a wrong, malformed, stopped or expired one (the caller
   * answers them all alike).
   */
  /** The active code's kind and holder; null for anything else, a value that is no code at all included. */
  async resolve(
    typed: unknown,
  ): Promise<{ kind: LookupKind; holderIdentifierHash: string; holderName: string } | null> {
    if (typeof typed !== 'string' || typed.length > MAX_TYPED_CODE_LENGTH) return null;
    const normalized = normalizeAuthorizationCode(typed);
    if (!normalized) return null;
    const found = await this.codes.findByHash(this.cipher.blindIndex(codeIndexInput(normalized)));
    if (!found || authorizationCodeState(found.code, this.clock.now()) !== 'active') return null;
    return { kind: found.code.kind, holderIdentifierHash: found.holderIdentifierHash, holderName: found.holderName };
  }

  private view(row: AuthorizationCode): AuthorizationCodeView<Date> {
    return {
      id: row.id,
      kind: row.kind,
      code: groupAuthorizationCode(this.cipher.decrypt(row.codeEnc)),
      createdAt: row.issuedAt,
      expiresAt: row.expiresAt,
      status: authorizationCodeState(row, this.clock.now()),
    };
  }
}

/** A typed code longer than this is no code: it is answered as a wrong one. */
const MAX_TYPED_CODE_LENGTH = 64;

/**
 * The certificates of an ID number that carry the account's registered name: the local identity provider does not
 * verify that the ID number is the registrant's own (the 人社用户中心 does), so a person's own certificates are
 * those of both their ID number and their name.
 */
export function heldBy<T extends { holderName: string }>(name: string, certificates: T[]): T[] {
  const registered = normalizeOldModeValue('name', name);
  return certificates.filter((c) => normalizeOldModeValue('name', c.holderName) === registered);
}
