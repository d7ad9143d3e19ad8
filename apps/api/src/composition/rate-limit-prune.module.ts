import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs/job-registry';
import { JobsModule } from '../jobs/jobs.module';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';

/**
 * The `rate-limit-prune` job. Rate limits lie below the jobs feature (every feature may count with them), so the job
 * that prunes their counters is wired here, where both are in reach.
 */
@Injectable()
class RateLimitPruneWiring implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly limits: RateLimitService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'rate-limit-prune',
      description: '清理一天内未再使用的限流计数（每个网络地址、账号各一行）',
      scheduleKey: 'rate-limit-prune',
      run: async (context) => ({ ...(await this.limits.prune(context.signal)) }),
    });
  }
}

@Module({ imports: [RateLimitsModule, JobsModule], providers: [RateLimitPruneWiring] })
export class RateLimitPruneModule {}
