import { Module, OnModuleInit } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobRegistry } from './job-registry';
import { JobRunsPruningService } from './job-runs-pruning.service';
import { JOB_INSTANCE, JobRunner, processInstanceId } from './job-runner';
import { JobScheduler } from './job-scheduler';
import { JobsController } from './jobs.controller';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

/**
 * The one mechanism for scheduled jobs: features import this module and register their jobs with JobRegistry in
 * their onModuleInit. Holds @nestjs/schedule's root module (global), which also serves other features' @Interval.
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController],
  providers: [
    JobRegistry,
    JobRunner,
    JobScheduler,
    JobsRepository,
    JobsService,
    JobRunsPruningService,
    { provide: JOB_INSTANCE, useFactory: processInstanceId },
  ],
  exports: [JobRegistry, JobRunner],
})
export class JobsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly pruning: JobRunsPruningService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      name: 'job-runs-prune',
      description: '清理超过保留期限的定时任务运行记录（保留每个任务最近一次运行）',
      scheduleKey: 'job-runs-prune',
      run: async (context) => ({ ...(await this.pruning.prune(context)) }),
    });
  }
}
