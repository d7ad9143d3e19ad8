import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs/job-registry';
import { JobsModule } from '../jobs/jobs.module';
import { RateLimitService } from '../rate-limits/rate-limit.service';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { LoginThrottlesService } from '../users/login-throttles.service';
import { UsersModule } from '../users/users.module';

/**
 * The `rate-limit-prune` job. Rate limits lie below the jobs feature (every feature may count with them), and the
 * staff login throttles belong to users, which neither of them may import; so the one nightly job that prunes
 * both kinds of counter is wired here, where all three are in reach.
 */
@Injectable()
class RateLimitPruneWiring implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly limits: RateLimitService,
    private readonly loginThrottles: LoginThrottlesService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'rate-limit-prune',
      description: '清理闲置一天以上的限流计数和登录失败计数（仍在锁定中的账号除外）',
      scheduleKey: 'rate-limit-prune',
      run: async (context) => {
        const { deleted } = await this.limits.prune(context.signal);
        return { rateLimitCounters: deleted, ...(await this.loginThrottles.prune(context.signal)) };
      },
    });
  }
}

@Module({ imports: [RateLimitsModule, UsersModule, JobsModule], providers: [RateLimitPruneWiring] })
export class RateLimitPruneModule {}
