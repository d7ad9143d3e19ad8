import { Module, OnModuleInit } from '@nestjs/common';
import { SCREENING_RULES } from '@app/domain';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { JobRegistry } from '../jobs/job-registry';
import { JobsModule } from '../jobs/jobs.module';
import { FlagsController } from './flags.controller';
import { FlagsRepository } from './flags.repository';
import { FlagsService } from './flags.service';
import { ScreeningRepository } from './screening.repository';
import { ScreeningService } from './screening.service';

/** the `screening` job and its flags as national and the centres read and decide them. */
@Module({
  imports: [JobsModule],
  controllers: [FlagsController],
  providers: [ScreeningService, ScreeningRepository, FlagsService, FlagsRepository],
  exports: [ScreeningService, FlagsService, FlagsRepository],
})
export class ScreeningModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly screening: ScreeningService,
    private readonly auditNames: AuditTargetNames,
    private readonly flags: FlagsRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'screening',
      description: '疑似问题筛查：按规则检查已提交的证书数据，生成疑似问题线索',
      scheduleKey: 'screening',
      run: (context) => this.screening.run(context),
    });
    // The audit log names a flag by its number and rule (疑似问题 #12 · 同一证件号码短期内多次取证).
    this.auditNames.register('flag', async (ids) => {
      const rules = await this.flags.rulesByIds(numericIds(ids));
      return new Map([...rules].map(([id, rule]) => [String(id), `#${id} · ${SCREENING_RULES[rule]}`]));
    });
  }
}
