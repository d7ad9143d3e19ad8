import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class TemplateQueryDto {
  @ApiProperty({ enum: ['skill_level', 'qualification'] })
  @IsIn(['skill_level', 'qualification'])
  kind!: 'skill_level' | 'qualification';
}

export class UploadBatchDto {
  @ApiProperty({ enum: ['skill_level', 'qualification'] })
  @IsIn(['skill_level', 'qualification'])
  kind!: 'skill_level' | 'qualification';

  @ApiPropertyOptional({ description: '技能中心代评价机构上传时必填' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  institutionId?: number;

  @ApiPropertyOptional({ description: '技能中心代评价机构上传的原因（代已主体灭失机构上传时可不填，R-44）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  proxyReason?: string;
}

/** R-13 re-upload of a corrected sheet; a centre acting for an institution records why. */
export class ReuploadBatchDto {
  @ApiPropertyOptional({ description: '技能中心代评价机构重新上传的原因' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  proxyReason?: string;
}

/** R-16 附件3 逾期上报情况说明. */
export class OverdueStatementDto {
  @ApiProperty({ example: '因考点系统故障，证书数据未能按时整理上报' })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: '周敏' })
  @IsString()
  @MinLength(2)
  @MaxLength(32)
  responsiblePerson!: string;

  @ApiProperty({ example: '020-12345678' })
  @IsString()
  @MinLength(5)
  @MaxLength(64)
  contact!: string;
}

export class SubmitBatchDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ type: OverdueStatementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverdueStatementDto)
  overdueStatement?: OverdueStatementDto;
}

export class ExemptionDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiProperty({ example: '因疫情封控，考点数据延迟，经省中心研究同意受理' })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason!: string;
}
