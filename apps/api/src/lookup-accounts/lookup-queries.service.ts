import { Inject, Injectable } from '@nestjs/common';
import {
  canonicalIdNumberForSearch,
  DomainError,
  LOOKUP_KINDS,
  normalizeOldModeValue,
  type LookupKind,
} from '@app/domain';
import type { LookupResults, OthersQuery } from '@app/contracts';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { LookupCertificatesRepository } from '../lookup/lookup-certificates.repository';
import { LookupLogService } from '../lookup/lookup-log.service';
import { toLookupCertificate } from '../lookup/lookup-view';
import { QueryModeService } from '../query-mode/query-mode.service';
import { LoginThrottlesRepository } from '../users/login-throttles.repository';
import { AuthorizationCodesService, heldBy, personsOnly } from './authorization-codes.service';
import { LookupQuotaService } from './lookup-quota.service';
import type { LookupPrincipal } from './lookup-principal';

const OTHERS_FIELDS = ['name', 'idNumber', 'certificateNumber'];
/** Wrong codes are counted on the staff throttle table, per account, under a key of their own. */
const codeAttemptsKey = (accountId: number) => `lookup:code:${accountId}`;
const invalidCode = () => new DomainError('LOOKUP_CODE_INVALID', '授权码无效、已停止授权或已过期');

/**
 * R-28 new mode (logged in, while the kind's mode is `new` or `both`): one's own certificates in full, another's
 * masked by all three of name, ID number and certificate number, or in full with an authorization code.
 * Queries of others count against the daily quota; every query is logged, never with the searched values.
 */
@Injectable()
export class LookupQueriesService {
  constructor(
    private readonly certificates: LookupCertificatesRepository,
    private readonly modes: QueryModeService,
    private readonly log: LookupLogService,
    private readonly quotas: LookupQuotaService,
    private readonly codes: AuthorizationCodesService,
    private readonly throttles: LoginThrottlesRepository,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The person's own certificates of every kind whose new mode is open today, in full. A kind whose new mode is
   * closed is left out (its old mode is then open for it); with both closed the answer is 403 LOOKUP_MODE_DISABLED.
   */
  async mine(principal: LookupPrincipal): Promise<LookupResults> {
    if (principal.type !== 'person') throw personsOnly();
    const open: LookupKind[] = [];
    let closed: unknown = null;
    for (const kind of LOOKUP_KINDS) {
      try {
        await this.modes.requireOpen(kind, 'new');
        open.push(kind);
      } catch (error) {
        closed = error;
      }
    }
    if (open.length === 0) throw closed;
    const rows = heldBy(
      principal.name,
      await this.certificates.byIdNumberHash(principal.identifierHash, open.length === 1 ? open[0] : undefined),
    );
    const results = rows.map((r) => toLookupCertificate(r, { masked: false, cipher: this.cipher }));
    for (const kind of open) {
      await this.log.record({
        accountId: principal.accountId,
        clientAddress: principal.ip,
        mode: 'mine',
        kind,
        fields: [],
        found: results.filter((r) => r.kind === kind).length,
      });
    }
    return { results };
  }

  /** masked, and only when name, ID number and certificate number all match; else an empty list. */
  async others(principal: LookupPrincipal, query: OthersQuery): Promise<LookupResults> {
    await this.modes.requireOpen(query.kind, 'new');
    // The typed values as the import stores them, as the old mode takes them (full-width, case, spaces).
    const criteria = {
      holderName: normalizeOldModeValue('name', query.name),
      idNumberHash: this.cipher.blindIndex(canonicalIdNumberForSearch(query.idNumber)),
      certificateNumber: normalizeOldModeValue('certificateNumber', query.certificateNumber),
    };
    // The answer is withheld unless the quota takes it; the count and the log commit together with other queries'.
    const rows = await this.certificates.find(query.kind, criteria);
    await this.quotas.takeAndLog(principal, 1, {
      accountId: principal.accountId,
      clientAddress: principal.ip,
      mode: 'others',
      kind: query.kind,
      fields: OTHERS_FIELDS,
      found: rows.length,
    });
    return { results: rows.map((r) => toLookupCertificate(r, { masked: true })) };
  }

  /**
   * the holder's certificates of the code's kind, in full. Wrong, malformed, stopped and expired codes get the
   * same 404; wrong ones are counted per account (a slot is claimed before the code is checked, as logins do) and
   * above `codeFailureLimit` code queries are refused for `codeLockMinutes`. A valid code counts against the quota.
   */
  async byCode(principal: LookupPrincipal, typed: unknown): Promise<LookupResults> {
    const { codeFailureLimit, codeLockMinutes } = this.config.lookupAccounts;
    const key = codeAttemptsKey(principal.accountId);
    const now = this.clock.now();
    const windowMs = codeLockMinutes * 60_000;
    if (!(await this.throttles.claimAttempt(key, now, codeFailureLimit, windowMs))) {
      throw new DomainError(
        'LOOKUP_CODE_ATTEMPTS_EXCEEDED',
        `授权码输入错误次数过多，请 ${codeLockMinutes} 分钟后再试`,
      );
    }
    const resolved = await this.codes.resolve(typed);
    if (!resolved) {
      await this.throttles.lockIfReached(key, codeFailureLimit, new Date(now.getTime() + windowMs));
      throw invalidCode();
    }
    await this.throttles.releaseAttempt(key);
    await this.modes.requireOpen(resolved.kind, 'new');
    const rows = await this.quotas.takeWith(principal, 1, async (manager) => {
      const found = heldBy(
        resolved.holderName,
        await this.certificates.byIdNumberHash(resolved.holderIdentifierHash, resolved.kind, manager),
      );
      await this.log.record(
        {
          accountId: principal.accountId,
          clientAddress: principal.ip,
          mode: 'code',
          kind: resolved.kind,
          fields: ['code'],
          found: found.length,
        },
        manager,
      );
      return found;
    });
    return { results: rows.map((r) => toLookupCertificate(r, { masked: false, cipher: this.cipher })) };
  }
}
