import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ApproveDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ example: '数据核对无误' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;

  @ApiPropertyOptional({ description: '只检查能否审批（环节、角色、职责分离），不作任何变更' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export class ReturnedRecordDto {
  @ApiProperty()
  @IsInt()
  id!: number;

  @ApiProperty({ example: '证件号码与姓名不符' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class ReturnDto {
  @ApiProperty()
  @IsInt()
  version!: number;

  @ApiProperty({ example: '部分证书的职业等级超出机构备案范围' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ type: [ReturnedRecordDto], description: '只退回这些记录（各附理由）；不填则整批退回' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => ReturnedRecordDto)
  records?: ReturnedRecordDto[];
}

export class BulkApproveItemDto {
  @ApiProperty()
  @IsInt()
  id!: number;

  @ApiProperty()
  @IsInt()
  version!: number;
}

export class BulkApproveDto {
  @ApiProperty({ type: [BulkApproveItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BulkApproveItemDto)
  items!: BulkApproveItemDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
