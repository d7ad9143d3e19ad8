import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, Matches } from 'class-validator';
import { LOOKUP_KINDS, type LookupKind } from '@app/domain';
import type { LookupLogMode, OldModeQuery } from '@app/contracts';
import { LOOKUP_LOG_MODE_LABELS } from '@app/contracts';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * `POST /api/lookup/old`. Only the kind is validated here: the mode is decided before any field is looked at, so the
 * four fields are accepted as they come and checked by the service afterwards.
 */
export class OldModeQueryDto implements OldModeQuery {
  @ApiProperty({ enum: LOOKUP_KINDS })
  @IsIn(LOOKUP_KINDS)
  kind!: LookupKind;

  @ApiPropertyOptional({ description: '证书编号' })
  @Allow()
  certificateNumber?: string;

  @ApiPropertyOptional({ description: '证件号码' })
  @Allow()
  idNumber?: string;

  @ApiPropertyOptional({ description: '姓名' })
  @Allow()
  name?: string;

  @ApiPropertyOptional({ description: '准考证号（仅职业资格证书）' })
  @Allow()
  admissionTicket?: string;
}

/** `GET /api/admin/lookup-stats` filters: a Beijing day range (default the last 30 days) and one mode. */
export class LookupStatsQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DATE)
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31' })
  @IsOptional()
  @Matches(ISO_DATE)
  to?: string;

  @ApiPropertyOptional({ enum: Object.keys(LOOKUP_LOG_MODE_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(LOOKUP_LOG_MODE_LABELS))
  mode?: LookupLogMode;
}
