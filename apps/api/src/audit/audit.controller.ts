import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../auth/auth.decorators';
import { parseListQuery, RawListQuery, setContentRange } from '../common/http/list-query';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';

/** only auditors and the national administrator read the trail. */
@ApiTags('audit-logs 审计日志')
@ApiBearerAuth()
@Controller('api/admin/audit-logs')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly queries: AuditQueryService,
  ) {}

  @Get()
  @RequirePermission('audit.read')
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, { field: 'id', order: 'DESC' });
    const { rows, total } = await this.queries.list(query);
    setContentRange(res, 'audit-logs', query, rows.length, total);
    return rows;
  }

  @Get('verify')
  @RequirePermission('audit.read')
  verify() {
    return this.audit.verify();
  }
}
