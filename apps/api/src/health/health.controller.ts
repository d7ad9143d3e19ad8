import { randomBytes } from 'node:crypto';
import { Controller, Get, Logger } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { Area } from '../common/http/route-access';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { fetchPage, parseListQuery } from '../common/http/list-query';
import { Organisation } from '../organisations/entities/organisation.entity';
import { ORGANISATION_LIST } from '../organisation-admin/organisations.service';

/**
 * Liveness and readiness for the load balancer. Beyond `SELECT 1` it walks the paths every request takes —
 * the session lookup of the auth guard and a list query through the shared parser and query builder — so a
 * process that can no longer serve requests (a polluted Object.prototype, a broken ORM state) answers 503
 * and is taken out of rotation instead of looking healthy.
 */
@ApiTags('health')
@Area('public')
@Controller('api/health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async health() {
    const started = this.clock.now().getTime();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('DATABASE_UNAVAILABLE', '数据库不可用', { database: { status: 'down' } });
    }
    const failed = await this.firstFailingCheck();
    if (failed) {
      this.logger.error({ check: failed }, 'health check failed: the process cannot serve requests');
      throw new DomainError('SERVICE_UNHEALTHY', '服务异常，无法处理请求', { failed });
    }
    return {
      status: 'ok',
      database: { status: 'up', type: this.dataSource.options.type, latencyMs: this.clock.now().getTime() - started },
    };
  }

  /** The name of the first request path that does not work, or null. */
  private async firstFailingCheck(): Promise<string | null> {
    // A property assigned onto Object.prototype shows up in every object of the process.
    if (Object.keys(Object.prototype).length > 0) return 'prototype';
    try {
      // The auth guard's lookup of an unknown session must answer "please log in", nothing else.
      await this.auth.authenticate(randomBytes(32).toString('base64url'), '');
      return 'session';
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'AUTH_REQUIRED') return 'session';
    }
    try {
      const query = parseListQuery({ sort: '["id","ASC"]', range: '[0,0]' }, ORGANISATION_LIST);
      await fetchPage(this.dataSource.getRepository(Organisation).createQueryBuilder('o'), query);
    } catch {
      return 'list';
    }
    return null;
  }
}
