import { Module, OnModuleInit } from '@nestjs/common';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { ReminderSources } from '../reminders/reminder-sources';
import { RemindersModule } from '../reminders/reminders.module';
import { DeadlineSources } from '../reviews/deadline-sources';
import { ReviewsModule } from '../reviews/reviews.module';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsRepository } from './complaints.repository';
import { ComplaintsService } from './complaints.service';
import { QualityReportSources } from '../reports/quality-report-sources';
import { ReportsModule } from '../reports/reports.module';

/**
 * complaints that certificate data is not online — recorded by a centre, answered by the institution, closed by
 * the centre — on the deadline board and in the reminders; their counts feed the quality report.
 */
@Module({
  imports: [ReviewsModule, RemindersModule, ReportsModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsRepository, ComplaintsService],
  exports: [ComplaintsService, ComplaintsRepository],
})
export class ComplaintsModule implements OnModuleInit {
  constructor(
    private readonly reportSources: QualityReportSources,
    private readonly deadlines: DeadlineSources,
    private readonly reminders: ReminderSources,
    private readonly complaints: ComplaintsService,
    private readonly repository: ComplaintsRepository,
    private readonly auditNames: AuditTargetNames,
  ) {}

  onModuleInit(): void {
    // the quality report counts the complaints recorded in its period per institution.
    this.reportSources.register('complaints', async (path, period) => {
      const counts = await this.repository.countsByInstitution(period.from, period.to, path);
      return new Map(counts.map((c) => [c.institutionId, c.recorded]));
    });
    this.deadlines.register({ kind: 'complaint', items: (query) => this.complaints.deadlineItems(query) });
    this.reminders.register((context) => this.complaints.reminderItems(context));
    // The audit log names a complaint by its number and institution (#3 · 机构名称).
    this.auditNames.register('complaint', async (ids) => {
      const complaints = await this.repository.findByIds(numericIds(ids));
      const facts = await this.repository.facts(complaints);
      return new Map(complaints.map((c) => [String(c.id), `#${c.id} · ${facts.get(c.id)?.institutionName ?? ''}`]));
    });
  }
}
