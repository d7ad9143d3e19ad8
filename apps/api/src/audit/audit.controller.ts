import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import type { Actor } from '../common/actor/actor';
import { parseListQuery, RawListQuery, sendPage } from '../common/http/list-query';
import { AUDIT_LOG_LIST, AuditQueryService } from './audit-query.service';
import { AuditAnchorService } from './audit-anchor.service';

/** only auditors and the national administrator read the trail, each within their jurisdiction. */
@ApiTags('audit-logs 审计日志')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/audit-logs')
export class AuditController {
  constructor(
    private readonly anchors: AuditAnchorService,
    private readonly queries: AuditQueryService,
  ) {}

  @Get()
  @RequirePermission('audit.read')
  async list(@CurrentActor() actor: Actor, @Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const query = parseListQuery(raw, AUDIT_LOG_LIST);
    return sendPage(res, query, await this.queries.list(actor, query));
  }

  /**
   * Any audit reader may check the whole chain (tamper evidence is everyone's concern); readers below the
   * national centre learn only the verdict, not counts or ids of records outside their jurisdiction.
   */
  @Get('verify')
  @RequirePermission('audit.read')
  async verify(@CurrentActor() actor: Actor) {
    const result = await this.anchors.verify();
    if (actor.organisationLevel === 'national') return result;
    return { ok: result.ok, ...(result.reason ? { reason: result.reason } : {}) };
  }
}
