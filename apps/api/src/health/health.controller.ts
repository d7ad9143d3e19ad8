import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Liveness plus database readiness, for the load balancer. */
  @Get()
  @Public()
  async health() {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new HttpException({ statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: '数据库不可用', database: { status: 'down' } }, 503);
    }
    return { status: 'ok', database: { status: 'up', type: this.dataSource.options.type, latencyMs: Date.now() - started } };
  }
}
