import { Module, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { BatchesModule } from '../batches/batches.module';
import { ReminderSources } from '../reminders/reminder-sources';
import { RemindersModule } from '../reminders/reminders.module';
import { DeadlineSources } from '../reviews/deadline-sources';
import { ReviewsModule } from '../reviews/reviews.module';
import { ScreeningModule } from '../screening/screening.module';
import { CertificateHistoryService } from './certificate-history.service';
import { RecheckConfirmations } from './recheck-confirmations';
import { RechecksController, SuspensionsController } from './rechecks.controller';
import { RechecksRepository } from './rechecks.repository';
import { RechecksService } from './rechecks.service';
import { SuspensionService } from './suspension.service';

/**
 * suspension from lookup (暂停查询) and the owning province's re-check (复核), on the deadline board and
 * in the reminders; a certificate's history of flags, suspensions and re-checks.
 */
@Module({
  imports: [BatchesModule, ScreeningModule, ReviewsModule, RemindersModule],
  controllers: [SuspensionsController, RechecksController],
  providers: [RechecksRepository, RechecksService, SuspensionService, CertificateHistoryService, RecheckConfirmations],
  exports: [RechecksService, RecheckConfirmations, RechecksRepository],
})
export class RechecksModule implements OnModuleInit {
  constructor(
    private readonly deadlines: DeadlineSources,
    private readonly reminders: ReminderSources,
    private readonly rechecks: RechecksService,
    private readonly repository: RechecksRepository,
    private readonly auditNames: AuditTargetNames,
  ) {}

  onModuleInit(): void {
    this.deadlines.register({ kind: 'recheck', items: (query) => this.rechecks.deadlineItems(query) });
    this.reminders.register((context) => this.rechecks.reminderItems(context));
    // The audit log names a re-check by its number and certificate (#7 · 证书编号 S…).
    this.auditNames.register('recheck', async (ids) => {
      const tasks = await this.repository.findByIds(numericIds(ids));
      const facts = await this.repository.facts(tasks);
      return new Map(
        tasks.map((r) => [
          String(r.id),
          `#${r.id} · 证书编号 ${facts.get(r.id)?.certificateNumber ?? r.certificateId}`,
        ]),
      );
    });
  }
}
