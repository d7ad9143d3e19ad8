import { errorSpec } from '../../apps/api/src/composition/error-registry';
import { Controller, Get, INestApplication, Module } from '@nestjs/common';
import { APP_GUARD, MetadataScanner, ModulesContainer, NestFactory, Reflector } from '@nestjs/core';
import { PathsExplorer } from '@nestjs/core/router/paths-explorer';
import { RequestMethod } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { DomainError } from '@app/domain';
import { AREAS, AreaGuard, LookupAreaGuard } from '../../apps/api/src/auth/area.guard';
import { Area, AREA, AreaName } from '../../apps/api/src/common/http/route-access';
import { ErrorFilter } from '../../apps/api/src/common/errors/error.filter';
import { loadConfig } from '../../apps/api/src/config/app-config';

// Every route of the application and the area that guards it (area.guard.ts). A new route must be added here with
// its area; a route in no area makes this test fail (and AreaGuard refuses it at run time).
const EXPECTED: Record<string, AreaName> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'auth',
  'POST /api/auth/logout': 'auth',
  'POST /api/auth/password': 'auth',
  'POST /api/auth/totp/setup': 'auth',
  'POST /api/auth/totp/enable': 'auth',
  'POST /api/auth/totp/disable': 'auth',
  'GET /api/admin/audit-logs': 'admin',
  'GET /api/admin/audit-logs/verify': 'admin',
  'GET /api/admin/outbox': 'admin',
  'GET /api/admin/outbox/:id': 'admin',
  'POST /api/admin/outbox/:id/retry': 'admin',
  'GET /api/admin/batches/template': 'admin',
  'GET /api/admin/batches/error-reports/:id': 'admin',
  'GET /api/admin/batches': 'admin',
  'GET /api/admin/batches/:id': 'admin',
  'GET /api/admin/batches/:id/history': 'admin',
  'GET /api/admin/batches/:id/submission-check': 'admin',
  'POST /api/admin/batches': 'admin',
  'POST /api/admin/batches/:id/reupload': 'admin',
  'POST /api/admin/batches/:id/submit': 'admin',
  'POST /api/admin/batches/:id/exemption': 'admin',
  'POST /api/admin/batches/bulk-approve': 'admin',
  'POST /api/admin/batches/:id/approve': 'admin',
  'POST /api/admin/batches/:id/return': 'admin',
  'GET /api/admin/deadlines': 'admin',
  'GET /api/admin/calendar/deadline': 'admin',
  'GET /api/admin/calendar/days': 'admin',
  'POST /api/admin/calendar/years': 'admin',
  'POST /api/admin/calendar/days': 'admin',
  'DELETE /api/admin/calendar/days/:date': 'admin',
  'GET /api/admin/attachments': 'admin',
  'GET /api/admin/attachments/:id': 'admin',
  'GET /api/admin/attachments/:id/content': 'admin',
  'POST /api/admin/attachments': 'admin',
  'GET /api/admin/certificates': 'admin',
  'GET /api/admin/certificates/:id': 'admin',
  'POST /api/admin/certificates/:id/reveal-id': 'admin',
  'PUT /api/admin/certificates/:id': 'admin',
  'POST /api/admin/certificates/:id/suspend': 'admin',
  'GET /api/admin/certificates/:id/history': 'admin',
  'GET /api/admin/flags': 'admin',
  'GET /api/admin/flags/summary': 'admin',
  'GET /api/admin/flags/:id': 'admin',
  'POST /api/admin/flags/:id/dismiss': 'admin',
  'POST /api/admin/flags/:id/suspend': 'admin',
  'GET /api/admin/rechecks': 'admin',
  'GET /api/admin/rechecks/:id': 'admin',
  'POST /api/admin/rechecks/:id/restore': 'admin',
  'POST /api/admin/rechecks/:id/confirm': 'admin',
  'GET /api/admin/certificates/:id/versions': 'admin',
  'GET /api/admin/data-administrators': 'admin',
  'GET /api/admin/data-administrators/coverage': 'admin',
  'GET /api/admin/data-administrators/:id': 'admin',
  'POST /api/admin/data-administrators': 'admin',
  'POST /api/admin/data-administrators/:id/approve': 'admin',
  'POST /api/admin/data-administrators/:id/reject': 'admin',
  'POST /api/admin/data-administrators/:id/reveal-mobile': 'admin',
  'GET /api/admin/corrections': 'admin',
  'GET /api/admin/corrections/:id': 'admin',
  'POST /api/admin/corrections': 'admin',
  'POST /api/admin/corrections/:id/approve': 'admin',
  'POST /api/admin/corrections/:id/resubmit': 'admin',
  'POST /api/admin/corrections/:id/return': 'admin',
  'POST /api/admin/corrections/:id/withdraw': 'admin',
  'POST /api/admin/corrections/overrides': 'admin',
  'GET /api/admin/reports/quality': 'admin',
  'GET /api/admin/complaints': 'admin',
  'POST /api/admin/complaints': 'admin',
  'GET /api/admin/complaints/:id': 'admin',
  'POST /api/admin/complaints/:id/reply': 'admin',
  'POST /api/admin/complaints/:id/close': 'admin',
  'POST /api/admin/complaints/:id/reopen': 'admin',
  'GET /api/admin/organisations': 'admin',
  'GET /api/admin/organisations/:id': 'admin',
  'POST /api/admin/organisations': 'admin',
  'PUT /api/admin/organisations/:id': 'admin',
  'GET /api/admin/occupations': 'admin',
  'GET /api/admin/jobs': 'admin',
  'POST /api/admin/jobs/:name/run': 'admin',
  'GET /api/admin/my-reminders': 'admin',
  'GET /api/admin/dashboard': 'admin',
  'GET /api/admin/dashboard/work': 'admin',
  'GET /api/admin/dashboard/monthly': 'admin',
  'GET /api/admin/dashboard/overdue-by-region': 'admin',
  'GET /api/admin/dashboard/screening': 'admin',
  'GET /api/admin/dashboard/lookup-volumes': 'admin',
  'GET /api/admin/job-runs': 'admin',
  'GET /api/admin/users': 'admin',
  'GET /api/admin/users/:id': 'admin',
  'POST /api/admin/users': 'admin',
  'PUT /api/admin/users/:id': 'admin',
  'POST /api/admin/users/:id/disable': 'admin',
  'POST /api/admin/users/:id/enable': 'admin',
  'POST /api/admin/users/:id/reset-password': 'admin',
  'POST /api/admin/users/:id/reset-totp': 'admin',
  'POST /api/admin/users/:id/unlock': 'admin',
  'GET /api/admin/query-mode': 'admin',
  'GET /api/admin/query-mode/history': 'admin',
  'PUT /api/admin/query-mode/:kind': 'admin',
  'GET /api/lookup/modes': 'public',
  'POST /api/lookup/old': 'public',
  'GET /api/lookup/coverage': 'public',
  'GET /api/admin/lookup-stats': 'admin',
  'POST /api/lookup/auth/register': 'public',
  'POST /api/lookup/auth/login': 'public',
  'GET /api/lookup/auth/me': 'lookup',
  'POST /api/lookup/auth/logout': 'lookup',
  'GET /api/lookup/quota': 'lookup',
  'GET /api/lookup/mine': 'lookup',
  'POST /api/lookup/others': 'lookup',
  'POST /api/lookup/by-code': 'lookup',
  'POST /api/lookup/codes': 'lookup',
  'GET /api/lookup/codes': 'lookup',
  'POST /api/lookup/codes/:id/stop': 'lookup',
  'POST /api/lookup/codes/:id/resume': 'lookup',
  'GET /api/lookup/batch/template': 'lookup',
  'POST /api/lookup/batch': 'lookup',
  'GET /api/lookup/batch/:id': 'lookup',
  'GET /api/lookup/batch/:id/export': 'lookup',
};

interface Route {
  route: string;
  path: string;
  area: AreaName | undefined;
}

/** The routes Nest's router registers, read from the module graph with Nest's own paths explorer. */
function routesOf(app: INestApplication): Route[] {
  const reflector = new Reflector();
  const explorer = new PathsExplorer(new MetadataScanner());
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prefixes: string[] = [Reflect.getMetadata('path', controller) ?? '/'].flat();
      for (const definition of explorer.scanForPaths(Object.create(controller.prototype) as object)) {
        const area = reflector.getAllAndOverride<AreaName | undefined>(AREA, [definition.targetCallback, controller]);
        for (const prefix of prefixes) {
          for (const suffix of definition.path) {
            const path = `/${[prefix, suffix]
              .map((p) => p.replace(/^\/+|\/+$/g, ''))
              .filter(Boolean)
              .join('/')}`;
            routes.push({ route: `${RequestMethod[definition.requestMethod]} ${path}`, path, area });
          }
        }
      }
    }
  }
  return routes;
}

describe('route areas', () => {
  let routes: Route[];

  beforeAll(async () => {
    // Preview mode builds the module graph without instantiating providers: no database, no listening.
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', APP_TODAY: '2026-11-23' });
    const app = await NestFactory.create(AppModule.forRoot(config), {
      preview: true,
      logger: false,
      abortOnError: false,
    });
    routes = routesOf(app);
    await app.close();
  });

  it('lists every route of the application with its area, as expected', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(Object.fromEntries(routes.map((r) => [r.route, r.area ?? '(no area)']))).toEqual(EXPECTED);
    expect(routes).toHaveLength(new Set(routes.map((r) => r.route)).size);
  });

  it('puts every route of a guarded area under that area’s path prefix', () => {
    const misplaced = routes.filter(
      (r) => r.area && r.area !== 'public' && !`${r.path}/`.startsWith(AREAS[r.area].prefix),
    );
    expect(misplaced).toEqual([]);
    // Nothing under the staff administration prefix is public.
    expect(routes.filter((r) => r.path.startsWith(AREAS.admin.prefix) && r.area !== 'admin')).toEqual([]);
  });
});

@Controller('api/admin/forgotten')
class ForgottenController {
  @Get()
  list() {
    return [];
  }
}

@Area('lookup')
@Controller('api/lookup/early')
class EarlyLookupController {
  @Get()
  find() {
    return [];
  }
}

@Area('public')
@Controller('api/open')
class OpenController {
  @Get()
  hello() {
    return { ok: true };
  }
}

/** Stands in for the lookup-account session guard, which registers itself under LookupAreaGuard. */
class RefusingLookupGuard extends LookupAreaGuard {
  canActivate(): Promise<boolean> {
    return Promise.reject(new DomainError('AUTH_REQUIRED', '请先登录'));
  }
}

@Module({
  controllers: [ForgottenController, EarlyLookupController, OpenController],
  providers: [
    { provide: APP_GUARD, useClass: AreaGuard },
    { provide: LookupAreaGuard, useClass: RefusingLookupGuard },
  ],
})
class AreaTestModule {}

describe('AreaGuard', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AreaTestModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ErrorFilter({ recordStandalone: () => Promise.resolve() }, errorSpec, 1));
    await app.init();
  });

  afterAll(() => app.close());

  it('refuses a route in no area', async () => {
    const res = await request(app.getHttpServer()).get('/api/admin/forgotten');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, code: 'ROUTE_NOT_IN_AREA', message: '该接口未开放访问' });
  });

  it('hands a lookup route to the guard registered as the lookup area’s', async () => {
    const res = await request(app.getHttpServer()).get('/api/lookup/early');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('lets a public route through', async () => {
    expect((await request(app.getHttpServer()).get('/api/open')).body).toEqual({ ok: true });
  });
});
