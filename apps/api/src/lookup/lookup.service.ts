import { Inject, Injectable } from '@nestjs/common';
import {
  addDaysIso,
  canonicalIdNumberForSearch,
  checkOldModeFields,
  DomainError,
  OLD_MODE_FIELDS,
  type OldModeInput,
  clientAddressKey,
} from '@app/domain';
import { LOOKUP_KIND_LABELS } from '@app/contracts';
import type { LookupCoverageRow, LookupDailyCount, LookupLogMode, LookupResults, OldModeQuery } from '@app/contracts';
import { Clock } from '../common/clock';
import { badInput } from '../common/errors/app-errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { QueryModeService } from '../query-mode/query-mode.service';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { LookupCertificatesRepository, LookupCriteria } from './lookup-certificates.repository';
import { LookupLogService } from './lookup-log.service';
import { toLookupCertificate } from './lookup-view';

/** How far back the staff statistics look by default, and at most (days). */
const STATS_DEFAULT_DAYS = 30;
const STATS_MAX_DAYS = 366;

/**
 * The anonymous old-mode lookup, the public coverage table and the staff's daily counts.
 * Nothing found is `{ results: [] }`, the same body whatever the reason: unknown, unpublished, suspended or deleted.
 */
@Injectable()
export class LookupService {
  constructor(
    private readonly queryMode: QueryModeService,
    private readonly certificates: LookupCertificatesRepository,
    private readonly log: LookupLogService,
    private readonly rateLimits: RateLimitService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `POST /api/lookup/old`: the mode first (403 while the kind's old mode is closed, before any field is looked
   * at), then the per-address limit, then the field rule (400 naming it); masked results, logged.
   */
  async oldMode(query: OldModeQuery, clientAddress: string): Promise<LookupResults> {
    await this.queryMode.requireOpen(query.kind, 'old');
    const limit = this.config.lookupOldMode.perMinute;
    await this.rateLimits.enforce(
      `lookup.old:address:${clientAddressKey(clientAddress)}`,
      { limit, windowSeconds: 60 },
      `查询过于频繁：每个网络地址每分钟最多查询 ${limit} 次，请稍后再试`,
    );
    const input: OldModeInput = {};
    for (const field of OLD_MODE_FIELDS) {
      const value: unknown = query[field];
      if (value !== undefined && value !== null && typeof value !== 'string') throw badInput('查询条件应为文本');
      input[field] = value;
    }
    const check = checkOldModeFields(query.kind, input);
    if (!check.ok) {
      throw new DomainError('LOOKUP_FIELDS_RULE', check.message, { kind: LOOKUP_KIND_LABELS[query.kind] });
    }
    const { values } = check;
    const criteria: LookupCriteria = {
      certificateNumber: values.certificateNumber,
      idNumberHash:
        values.idNumber === undefined ? undefined : this.cipher.blindIndex(canonicalIdNumberForSearch(values.idNumber)),
      holderName: values.name,
      admissionTicket: values.admissionTicket,
    };
    const rows = await this.certificates.find(query.kind, criteria);
    await this.log.record({ clientAddress, mode: 'old', kind: query.kind, fields: check.fields, found: rows.length });
    return { results: rows.map((row) => toLookupCertificate(row, { masked: true })) };
  }

  /** `GET /api/lookup/coverage`: by kind, then province (region code order), then institution. */
  async coverage(): Promise<LookupCoverageRow[]> {
    const rows = await this.certificates.coverage();
    rows.sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.provinceRegionCode.localeCompare(b.provinceRegionCode) ||
        a.institutionName.localeCompare(b.institutionName, 'zh-CN'),
    );
    return rows.map(({ provinceRegionCode: _code, ...row }) => row);
  }

  /** `GET /api/admin/lookup-stats`: queries per Beijing day and mode (default the last 30 days, at most a year). */
  async dailyCounts(filter: { from?: string; to?: string; mode?: LookupLogMode }): Promise<LookupDailyCount[]> {
    const to = filter.to ?? this.clock.today();
    const from = filter.from ?? addDaysIso(to, -(STATS_DEFAULT_DAYS - 1));
    if (from > to) throw badInput('开始日期不能晚于结束日期');
    if (addDaysIso(from, STATS_MAX_DAYS) <= to) throw badInput(`统计区间不能超过 ${STATS_MAX_DAYS} 天`);
    return this.log.dailyCounts({ from, to, mode: filter.mode });
  }
}
