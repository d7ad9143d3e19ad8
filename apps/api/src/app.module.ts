import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BatchesModule } from './batches/batches.module';
import { CalendarModule } from './calendar/calendar.module';
import { CertificatesModule } from './certificates/certificates.module';
import { AppConfig } from './config/app-config';
import { RateLimitPruneModule } from './composition/rate-limit-prune.module';
import { AuditTargetNamesModule } from './composition/audit-target-names.module';
import { resolveDataSourceOptions } from './composition/data-source';
import { CoreModule } from './core.module';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { JurisdictionModule } from './jurisdiction/jurisdiction.module';
import { MailModule } from './mail/mail.module';
import { OrganisationAdminModule } from './organisation-admin/organisation-admin.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { RemindersModule } from './reminders/reminders.module';
import { ScreeningModule } from './screening/screening.module';
import { RechecksModule } from './rechecks/rechecks.module';
import { CorrectionsModule } from './corrections/corrections.module';
import { ReportsModule } from './reports/reports.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DataAdminsModule } from './data-admins/data-admins.module';
import { ReviewsModule } from './reviews/reviews.module';
import { UsersModule } from './users/users.module';
import { LookupModule } from './lookup/lookup.module';
import { LookupAccountsModule } from './lookup-accounts/lookup-accounts.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.nodeEnv === 'test' ? 'warn' : 'info',
            // One request id through a request (ARCHITECTURE.md "logs").
            genReqId: (req, res) => {
              const id = (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // Request id, method, URL and status only: no headers, bodies or personal data in logs.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...(await resolveDataSourceOptions(config.database.url, config.database.replicaUrls)),
            retryAttempts: 3,
            retryDelay: 2000,
          }),
        }),
        DatabaseModule,
        JurisdictionModule,
        AuditModule,
        JobsModule,
        AuthModule,
        CalendarModule,
        OrganisationsModule,
        OrganisationAdminModule,
        UsersModule,
        DataAdminsModule,
        BatchesModule,
        CertificatesModule,
        AttachmentsModule,
        ReviewsModule,
        MailModule,
        RemindersModule,
        ScreeningModule,
        RechecksModule,
        CorrectionsModule,
        ReportsModule,
        ComplaintsModule,
        DashboardModule,
        LookupModule,
        LookupAccountsModule,
        AuditTargetNamesModule,
        RateLimitPruneModule,
      ],
      controllers: [HealthController],
    };
  }
}
