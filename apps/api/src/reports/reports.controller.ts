import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor/actor';
import { setXlsxDownload } from '../common/http/xlsx-download';
import { Area, CurrentActor, RequirePermission } from '../common/http/route-access';
import { QualityReportService } from './quality-report.service';
import { writeQualityReportXlsx } from './quality-report.xlsx';

/** 质量通报: per institution of a jurisdiction over a period, as JSON or a printable workbook. */
@ApiTags('reports 质量通报')
@ApiBearerAuth()
@Area('admin')
@Controller('api/admin/reports')
export class ReportsController {
  constructor(private readonly reports: QualityReportService) {}

  @Get('quality')
  @RequirePermission('reports.read')
  @ApiQuery({ name: 'from', example: '2026-01-01' })
  @ApiQuery({ name: 'to', example: '2026-12-31' })
  @ApiQuery({ name: 'regionCode', required: false, example: '440000' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'xlsx'] })
  async quality(
    @CurrentActor() actor: Actor,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.quality(actor, query);
    if (query.format !== 'xlsx') return report;
    setXlsxDownload(res, `质量通报_${report.regionName}_${report.from}_${report.to}.xlsx`);
    await writeQualityReportXlsx(report, res);
    res.end();
    return undefined;
  }
}
