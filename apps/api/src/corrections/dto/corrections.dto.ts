import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CORRECTION_TYPES, WORK_ORDER_URGENCIES, type CorrectionType, type WorkOrderUrgency } from '@app/domain';
import { WORK_ORDER_CHANGE_TYPES, type WorkOrderChangeType } from '@app/contracts';
import { NOT_BLANK, REASON_MAX_LENGTH } from '../../screening/dto/flags.dto';

/** At most this many attachments back one request (statements, commitments, scans of supporting papers). */
const MAX_ATTACHMENTS = 20;

/** 附件4 运维管理变更申请表: the work order's own fields. */
export class WorkOrderFieldsDto {
  @ApiProperty({ enum: WORK_ORDER_URGENCIES, description: '要求完成时间：紧急 24 小时、急 48 小时、普通 5 个工作日' })
  @IsIn(WORK_ORDER_URGENCIES)
  urgency!: WorkOrderUrgency;

  @ApiProperty({ enum: WORK_ORDER_CHANGE_TYPES })
  @IsIn(WORK_ORDER_CHANGE_TYPES)
  changeType!: WorkOrderChangeType;

  @ApiProperty({ example: '职业技能等级认定监管' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(100)
  module!: string;

  @ApiProperty({ example: '考生姓名录入错误' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

/** `POST /api/admin/corrections` (R-19 – R-23). The changes' keys and values are judged by the rules (R-8). */
export class CreateCorrectionDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  certificateId!: number;

  @ApiProperty({ enum: CORRECTION_TYPES })
  @IsIn(CORRECTION_TYPES)
  type!: CorrectionType;

  @ApiPropertyOptional({ description: '修改：新值，字段名同 PUT /api/admin/certificates/:id，另可含 idNumber' })
  @IsOptional()
  @IsObject()
  changes?: Record<string, string | number | null>;

  @ApiProperty({ example: '出生日期录入错误，按身份证更正' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds!: number[];

  @ApiPropertyOptional({ type: WorkOrderFieldsDto, description: '证书数据在审核中时必填（附件4）' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkOrderFieldsDto)
  workOrder?: WorkOrderFieldsDto;
}

/** `POST /api/admin/corrections/:id/resubmit`: omitted fields keep their earlier values. */
export class ResubmitCorrectionDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsObject()
  changes?: Record<string, string | number | null>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @IsInt({ each: true })
  @Min(1, { each: true })
  attachmentIds?: number[];

  @ApiPropertyOptional({ type: WorkOrderFieldsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkOrderFieldsDto)
  workOrder?: WorkOrderFieldsDto;
}

export class ApproveCorrectionDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;
}

export class ReturnCorrectionDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiProperty({ example: '勘误说明未加盖公章，请补充后重新提交' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}

export class WithdrawCorrectionDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX_LENGTH)
  reason?: string;
}

/** `POST /api/admin/corrections/overrides`: the province allows one more modification of a certificate. */
export class CorrectionOverrideDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  certificateId!: number;

  @ApiProperty({ example: '持证人身份证换发后出生日期更正，经省中心核实同意再次修改' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}
