import { Module, OnModuleInit } from '@nestjs/common';
import { AttachmentReach } from '../attachments/attachment-reach';
import { AttachmentsModule } from '../attachments/attachments.module';
import { AuditTargetNames, numericIds } from '../audit/audit-target-names';
import { BatchesModule } from '../batches/batches.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { RecheckConfirmations } from '../rechecks/recheck-confirmations';
import { RechecksModule } from '../rechecks/rechecks.module';
import { ReminderSources } from '../reminders/reminder-sources';
import { RemindersModule } from '../reminders/reminders.module';
import { DeadlineSources } from '../reviews/deadline-sources';
import { ReviewsModule } from '../reviews/reviews.module';
import { UsersModule } from '../users/users.module';
import { CertificateVersionsService } from './certificate-versions.service';
import { CorrectionDeadlines } from './correction-deadlines';
import { CorrectionViews } from './correction-views';
import { CertificateVersionsController, CorrectionsController } from './corrections.controller';
import { CorrectionsRepository } from './corrections.repository';
import { CorrectionsService } from './corrections.service';

/**
 * correction and deletion requests and certificate versions. Sits above attachments and re-checks: it
 * opens cited attachments to the reviewing centres, takes over confirmed re-checks, and puts its stages on the
 * deadline board and in the reminders.
 */
@Module({
  imports: [
    BatchesModule,
    AttachmentsModule,
    RechecksModule,
    ReviewsModule,
    RemindersModule,
    UsersModule,
    OrganisationsModule,
  ],
  controllers: [CorrectionsController, CertificateVersionsController],
  providers: [
    CorrectionsRepository,
    CorrectionsService,
    CorrectionViews,
    CertificateVersionsService,
    CorrectionDeadlines,
  ],
  exports: [CorrectionsRepository],
})
export class CorrectionsModule implements OnModuleInit {
  constructor(
    private readonly reach: AttachmentReach,
    private readonly confirmations: RecheckConfirmations,
    private readonly deadlines: DeadlineSources,
    private readonly reminders: ReminderSources,
    private readonly auditNames: AuditTargetNames,
    private readonly corrections: CorrectionsService,
    private readonly repository: CorrectionsRepository,
    private readonly correctionDeadlines: CorrectionDeadlines,
    private readonly views: CorrectionViews,
  ) {}

  onModuleInit(): void {
    this.reach.register((attachmentId) => this.repository.pathsCiting(attachmentId));
    this.confirmations.onConfirmed((manager, confirmed) => this.corrections.openFromRecheck(manager, confirmed));
    this.deadlines.register({ kind: 'correction_request', items: (query) => this.correctionDeadlines.items(query) });
    this.reminders.register((context) => this.correctionDeadlines.reminderItems(context));
    // The audit log names a request by its number and certificate (#7 · 证书编号 S…).
    this.auditNames.register('correction', async (ids) => {
      const rows = await this.repository.findByIds(numericIds(ids));
      const views = await this.views.rows(rows);
      return new Map(views.map((r) => [String(r.id), `#${r.id} · 证书编号 ${r.certificateNumber}`]));
    });
  }
}
