import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AuditService } from './audit/audit.service';
import { bearerToken } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { Clock } from './common/clock';
import { errorBody, errorSpec } from './composition/error-registry';
import { ErrorFilter } from './common/errors/error.filter';
import { createValidationPipe } from './common/http/validation';
import { AppConfig, projectRoot } from './config/app-config';
import { FieldCipher } from './crypto/field-cipher';
import { databaseKind } from './database/data-source-options';
import { migrateEmbedded } from './database/schema';
import { applyHeapTuning } from './runtime/heap-tuning';
import { loadDemoData } from './seeds/demo-data';
import { fileDemoCorrections } from './seeds/demo-corrections';
import { runDemoScreening } from './seeds/demo-screening-run';

const JSON_LIMIT = '1mb';

/** Builds the configured application (not yet listening): used by main.ts and the end-to-end tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  applyHeapTuning(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  if (config.server.trustProxy) app.set('trust proxy', 1);
  app.disable('x-powered-by');
  // API answers are never cached (Cache-Control: no-store below), so an ETag (a SHA-1 of every JSON body) buys
  // nothing; static files keep theirs (serve-static sets its own).
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MUI/emotion injects styles at run time; QR codes are data: images.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // Provincial intranets often serve plain HTTP; forcing https would break the console there.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Request-Id');
    // API answers carry tokens and personal data; no browser or proxy may keep a copy. Nothing
    // under /api/ is meant to be cached; a handler that is can override this.
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(express.json({ limit: JSON_LIMIT }));
  app.use(malformedBodyHandler);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(app.get(AuditService), errorSpec, config.import.maxBytes));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('证书数据监管平台 API')
      .setDescription('技能人才评价证书数据上报、审核、发布与监管')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  if (config.nodeEnv === 'production') {
    app.use(['/api/docs', '/api/docs-json', '/api/docs-yaml'], staffOnly(app.get(AuthService)));
  }
  SwaggerModule.setup('api/docs', app, document);
  serveConsole(app);
  return app;
}

/**
 * In production the API description (every route, field and error code) is for staff only: a request needs
 * a valid staff session (`Authorization: Bearer …`, as for the API itself). Outside production it stays open.
 */
function staffOnly(auth: AuthService) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    const body = errorBody('AUTH_REQUIRED', 'API 文档仅对已登录的工作人员开放，请携带登录令牌访问');
    const refuse = () => res.status(body.statusCode).json(body);
    if (!token) return refuse();
    auth.authenticate(token, req.ip ?? '').then(() => next(), refuse);
  };
}

/** Malformed JSON and oversized bodies answer in the product's error shape instead of Express's HTML. */
function malformedBodyHandler(
  error: Error & { type?: string; status?: number },
  _req: Request,
  res: Response,
  next: NextFunction,
) {
  if (error.type === 'entity.parse.failed') {
    res.status(400).json(errorBody('MALFORMED_JSON'));
  } else if (error.type === 'entity.too.large') {
    res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', `请求内容超过 ${JSON_LIMIT} 上限`));
  } else {
    next(error);
  }
}

/**
 * The built console (dist/console) at "/", with client-side routes falling back to index.html; the public lookup
 * site of the same build at "/lookup" and its client-side routes (lookup.html).
 */
function serveConsole(app: NestExpressApplication): void {
  const root = join(projectRoot(), 'dist', 'console');
  if (!existsSync(join(root, 'index.html'))) return;
  // Static serving looks the path up on disk (an asynchronous stat) before passing on; API paths never name a
  // console file, so they skip it instead of paying that look-up on every request.
  const assets = express.static(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/')) next();
    else assets(req, res, next);
  });
  const server = app.getHttpAdapter().getInstance();
  const page = (file: string) => (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(root, file));
  };
  if (existsSync(join(root, 'lookup.html'))) server.get(/^\/lookup(?:\/.*)?$/, page('lookup.html'));
  server.get(/^\/(?!api\/).*/, page('index.html'));
}

/**
 * Readies the database before serving: MySQL/MariaDB must have every committed migration applied (an operator
 * runs `npm run migration:run`); the embedded SQLite default applies its pending migrations itself and gets the
 * demo data on first start, so `npm start` stays one command.
 */
/** Brings the database up to date; says whether the embedded demo data is in use (for the start-up line). */
export async function prepareDatabase(app: INestApplication, config: AppConfig): Promise<{ demoData: boolean }> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if (databaseKind(config.database.url) === 'mysql') {
    if (await dataSource.showMigrations()) {
      throw new Error('数据库有尚未执行的迁移，请先运行 npm run migration:run');
    }
    return { demoData: false };
  }
  await migrateEmbedded(dataSource);
  if (config.database.loadDemoData) {
    const clock = app.get(Clock);
    const cipher = app.get(FieldCipher);
    if (await loadDemoData(dataSource, { today: clock.today(), clock, cipher, onlyIfEmpty: true })) {
      // a new demo is screened once, so 疑似问题 shows its flags from the start (jobs register on init); then
      // its correction requests are filed through the application, so every queue has work.
      await app.init();
      await runDemoScreening(app);
      await fileDemoCorrections(app);
    }
  }
  return { demoData: config.database.loadDemoData };
}
