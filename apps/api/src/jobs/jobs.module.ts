import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobRegistry } from './job-registry';
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
    { provide: JOB_INSTANCE, useFactory: processInstanceId },
  ],
  exports: [JobRegistry, JobRunner],
})
export class JobsModule {}
