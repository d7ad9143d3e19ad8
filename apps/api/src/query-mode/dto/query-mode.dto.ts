import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, Matches } from 'class-validator';
import { LOOKUP_KINDS, type LookupKind } from '@app/domain';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class LookupKindParamDto {
  @ApiProperty({ enum: LOOKUP_KINDS })
  @IsIn(LOOKUP_KINDS)
  kind!: LookupKind;
}

export class QueryModeHistoryQueryDto {
  @ApiPropertyOptional({ enum: LOOKUP_KINDS })
  @IsOptional()
  @IsIn(LOOKUP_KINDS)
  kind?: LookupKind;
}

/**
 * `PUT /api/admin/query-mode/:kind`. Reason, announcement and version are checked by the service after the gap
 * (QUERY_MODE_GAP is answered first, whatever else is wrong).
 */
export class QueryModeUpdateDto {
  @ApiProperty({ example: '2025-12-01' })
  @Matches(ISO_DATE)
  newModeStart!: string;

  @ApiProperty({ example: '2026-02-28' })
  @Matches(ISO_DATE)
  oldModeLastDay!: string;

  // The fields below are checked by the service after the gap (Allow: typed as sent, whatever they hold).
  @ApiPropertyOptional({ description: '公告（不超过 1000 字）' })
  @Allow()
  announcement?: unknown;

  @ApiPropertyOptional({ description: '调整原因（必填，不超过 500 字）' })
  @Allow()
  reason?: unknown;

  @ApiPropertyOptional({ description: '读取时的版本号' })
  @Allow()
  version?: unknown;
}
