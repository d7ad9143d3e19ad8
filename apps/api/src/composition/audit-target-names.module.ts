import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { BATCH_LIST } from '../batches/batch-query.service';
import { BatchesModule } from '../batches/batches.module';
import { BatchesRepository } from '../batches/batches.repository';
import { parseListQuery } from '../common/http/list-query';
import { JobRegistry } from '../jobs/job-registry';
import { JobsModule } from '../jobs/jobs.module';

/**
 * Names batches (批次 #20 · 机构名称) and scheduled jobs (their Chinese description) in the audit log. These resolvers
 * belong in the batches and jobs features, as users and certificates register theirs; they are wired here, with
 * those features' own public reads, while those folders are closed to this change (docs/decisions.md, "Audit
 * targets named by their owners").
 */
@Injectable()
class AuditTargetNamesWiring implements OnModuleInit {
  constructor(
    private readonly names: AuditTargetNames,
    private readonly batches: BatchesRepository,
    private readonly jobs: JobRegistry,
  ) {}

  onModuleInit(): void {
    this.names.register('batch', (ids) => this.batchNames(numericIds(ids)));
    this.names.register('job', (ids) => {
      const named = ids.flatMap((id) => {
        const job = this.jobs.get(id);
        return job ? [[id, job.description] as const] : [];
      });
      return Promise.resolve(new Map(named));
    });
  }

  /** One read of the page's batches (the batch list's own id filter, no jurisdiction: the reader saw the record). */
  private async batchNames(ids: number[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const query = parseListQuery(
      { filter: JSON.stringify({ id: ids }), range: JSON.stringify([0, ids.length - 1]) },
      BATCH_LIST,
    );
    const { rows } = await this.batches.listPageByIds(query, () => undefined);
    const institutions = await this.batches.organisationsById(rows.map((b) => b.institutionId));
    return new Map(
      rows.map((b) => {
        const name = institutions.get(b.institutionId)?.name;
        return [String(b.id), name ? `#${b.id} · ${name}` : `#${b.id}`];
      }),
    );
  }
}

@Module({ imports: [BatchesModule, JobsModule], providers: [AuditTargetNamesWiring] })
export class AuditTargetNamesModule {}
