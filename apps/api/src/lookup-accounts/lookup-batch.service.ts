import { unlink } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  canonicalIdNumberForSearch,
  DomainError,
  lookupBatchWarning,
  maskCertificateNumber,
  maskIdNumber,
  maskName,
  normalizeOldModeValue,
  type LookupKind,
} from '@app/domain';
import type { LookupBatchRow, LookupBatchView } from '@app/contracts';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/app-errors';
import { defineList, ListQuery } from '../common/http/list-query';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { UnitOfWork } from '../database/unit-of-work';
import { LookupCertificatesRepository } from '../lookup/lookup-certificates.repository';
import { LookupLogService } from '../lookup/lookup-log.service';
import { toLookupCertificate } from '../lookup/lookup-view';
import { QueryModeService } from '../query-mode/query-mode.service';
import { LookupBatchRowEntity } from './entities/lookup-batch.entity';
import { buildBatchQueryExport, buildBatchQueryTemplate, readBatchQuerySheet } from './lookup-batch-sheet';
import { LookupBatchesRepository } from './lookup-batches.repository';
import { LookupQuotaService } from './lookup-quota.service';
import type { LookupPrincipal } from './lookup-principal';

export const LOOKUP_BATCH_ROWS = defineList({
  resource: 'lookup-batch-rows',
  sort: { id: 'r.id', rowNumber: 'r.rowNumber' },
  defaultSort: { field: 'rowNumber', order: 'ASC' },
  tieBreaker: 'r.id',
  filters: {},
});

/** Stored values never exceed their columns; a longer typed value found nothing anyway. */
const fit = (value: string) => Array.from(value).slice(0, 40).join('');

const entitiesOnly = () => new DomainError('LOOKUP_LEGAL_ENTITIES_ONLY', '批量查询仅向法人用户开放');

/**
 * R-31 batch query of legal entities: every line is a three-field query of another's certificate, masked.
 * The whole batch counts against the quota and is refused whole when the quota left cannot cover it; the
 * results are stored masked (never the queried ID numbers in full), to be paged and exported.
 */
@Injectable()
export class LookupBatchService {
  constructor(
    private readonly batches: LookupBatchesRepository,
    private readonly certificates: LookupCertificatesRepository,
    private readonly modes: QueryModeService,
    private readonly quotas: LookupQuotaService,
    private readonly log: LookupLogService,
    private readonly cipher: FieldCipher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  template(principal: LookupPrincipal, kind: LookupKind): Promise<Buffer> {
    if (principal.type !== 'legal_entity') throw entitiesOnly();
    return buildBatchQueryTemplate(kind);
  }

  async upload(principal: LookupPrincipal, filePath: string, kind: LookupKind): Promise<LookupBatchView> {
    try {
      if (principal.type !== 'legal_entity') throw entitiesOnly();
      await this.modes.requireOpen(kind, 'new');
      const lines = await readBatchQuerySheet(filePath, {
        maxBytes: this.config.import.maxBytes,
        maxRows: this.config.lookupAccounts.batchMaxRows,
      });
      await this.quotas.take(principal, lines.length);
      const rows: Omit<LookupBatchRowEntity, 'id' | 'batchId'>[] = [];
      for (const line of lines) {
        const complete = line.name !== '' && line.idNumber !== '' && line.certificateNumber !== '';
        const found = complete
          ? await this.certificates.find(kind, {
              holderName: normalizeOldModeValue('name', line.name),
              idNumberHash: this.cipher.blindIndex(canonicalIdNumberForSearch(line.idNumber)),
              certificateNumber: normalizeOldModeValue('certificateNumber', line.certificateNumber),
            })
          : [];
        rows.push({
          rowNumber: line.rowNumber,
          // Seed 000's result table shows the queried line masked too (R-10).
          queriedName: fit(maskName(line.name)),
          queriedIdNumberMasked: fit(maskIdNumber(line.idNumber)),
          queriedCertificateNumber: fit(maskCertificateNumber(line.certificateNumber)),
          results: found.map((r) => toLookupCertificate(r, { masked: true })),
          certificateIds: found.map((r) => r.id),
        });
      }
      const found = rows.filter((r) => r.results.length > 0).length;
      const id = await this.uow.run(async (manager) => {
        const batchId = await this.batches.insert(
          manager,
          { accountId: principal.accountId, kind, rows: rows.length, found, queriedAt: this.clock.now() },
          rows,
        );
        await this.log.record(
          {
            accountId: principal.accountId,
            clientAddress: principal.ip,
            mode: 'batch',
            kind,
            fields: ['name', 'idNumber', 'certificateNumber'],
            found,
          },
          manager,
        );
        return batchId;
      });
      const warning = lookupBatchWarning(rows.length);
      return { id, kind, rows: rows.length, found, ...(warning ? { warning } : {}) };
    } finally {
      await unlink(filePath).catch(() => undefined);
    }
  }

  async page(principal: LookupPrincipal, id: number, query: ListQuery) {
    const batch = await this.own(principal, id);
    const page = await this.batches.page(batch, query);
    return { rows: await this.stillVisible(page.rows), total: page.total };
  }

  async export(principal: LookupPrincipal, id: number): Promise<{ fileName: string; content: Buffer }> {
    const batch = await this.own(principal, id);
    const rows = await this.stillVisible(await this.batches.all(batch.id));
    return { fileName: `批量查询结果-${batch.id}.xlsx`, content: await buildBatchQueryExport(rows) };
  }

  /** A stored answer shows a certificate only while lookup still finds it (suspended or deleted since: gone). */
  private async stillVisible(rows: LookupBatchRowEntity[]): Promise<LookupBatchRow[]> {
    const visible = await this.certificates.visibleIds(rows.flatMap((r) => r.certificateIds ?? []));
    return rows.map((r) => rowView(r, visible));
  }

  private async own(principal: LookupPrincipal, id: number) {
    if (principal.type !== 'legal_entity') throw entitiesOnly();
    const batch = await this.batches.findOwn(principal.accountId, id);
    if (!batch) throw notFound('批量查询');
    return batch;
  }
}

/** The rows as stored, with only the results whose certificates are still visible now. */
function rowView(row: LookupBatchRowEntity, visible: Set<number>): LookupBatchRow {
  const ids = row.certificateIds;
  return {
    rowNumber: row.rowNumber,
    queriedName: row.queriedName,
    queriedIdNumberMasked: row.queriedIdNumberMasked,
    queriedCertificateNumber: row.queriedCertificateNumber,
    results: ids ? row.results.filter((_, i) => visible.has(ids[i])) : [],
  };
}
