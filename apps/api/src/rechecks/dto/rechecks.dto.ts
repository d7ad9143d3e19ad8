import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { RecheckOutcome } from '@app/contracts';
import { NOT_BLANK, REASON_MAX_LENGTH } from '../../screening/dto/flags.dto';

/** `POST /api/admin/certificates/:id/suspend`: why; the flag it answers, if any. */
export class SuspendCertificateDto {
  @ApiProperty({ example: '同一证件号码30天内取得3本证书，暂停查询待省级复核' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;

  @ApiPropertyOptional({ description: '所依据的疑似问题编号' })
  @IsOptional()
  @IsInt()
  @Min(1)
  flagId?: number;
}

/** `POST /api/admin/flags/:id/suspend`: every certificate of the flag that can be suspended. */
export class SuspendFlagDto {
  @ApiProperty({ example: '机构当月发证量异常，暂停查询待省级复核' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

/** `POST /api/admin/rechecks/:id/restore`. */
export class RestoreRecheckDto {
  @ApiProperty({ example: '经核实证书信息真实有效' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;

  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;
}

/** `POST /api/admin/rechecks/:id/confirm`: the problem is real; a deletion or a correction follows. */
export class ConfirmRecheckDto extends RestoreRecheckDto {
  @ApiProperty({ enum: ['delete', 'correct'] })
  @IsIn(['delete', 'correct'])
  outcome!: RecheckOutcome;
}
