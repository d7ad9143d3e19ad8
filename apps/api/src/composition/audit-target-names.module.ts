import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { BatchesModule } from '../batches/batches.module';
import { BatchesRepository } from '../batches/batches.repository';
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

  /** One read of the page's batches with their institutions (no jurisdiction: the reader saw the record). */
  private async batchNames(ids: number[]): Promise<Map<string, string>> {
    const names = await this.batches.institutionNamesByIds(ids);
    return new Map([...names].map(([id, name]) => [String(id), name ? `#${id} · ${name}` : `#${id}`]));
  }
}

@Module({ imports: [BatchesModule, JobsModule], providers: [AuditTargetNamesWiring] })
export class AuditTargetNamesModule {}
