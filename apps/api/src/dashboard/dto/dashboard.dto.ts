import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DASHBOARD_MAX_MONTHS } from '@app/domain';

/** `GET /api/admin/dashboard/monthly`: how many Beijing months back, the current one included (default 12). */
export class MonthlyQueryDto {
  @ApiPropertyOptional({ example: 12, minimum: 1, maximum: DASHBOARD_MAX_MONTHS })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DASHBOARD_MAX_MONTHS)
  months?: number;
}

/** `GET /api/admin/dashboard/lookup-volumes`: how many Beijing days back, today included (default 30). */
export class LookupVolumesQueryDto {
  @ApiPropertyOptional({ example: 30, minimum: 1, maximum: 366 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;
}
