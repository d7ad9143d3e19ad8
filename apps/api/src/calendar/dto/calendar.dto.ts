import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class DeadlineQueryDto {
  @ApiProperty({ example: 'provincial_review' })
  @IsString()
  rule!: string;

  @ApiProperty({ example: '2026-02-12', description: '起算日（不计入），或工单的提交时间（带时区）' })
  @IsString()
  @MaxLength(40)
  from!: string;

  @ApiPropertyOptional({ enum: ['national', 'guangdong'] })
  @IsOptional()
  @IsString()
  profile?: string;
}

export class YearQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class AddCalendarDayDto {
  @ApiProperty({ example: '2027-01-01' })
  @Matches(ISO_DATE)
  date!: string;

  @ApiProperty({ enum: ['holiday', 'workday'], description: 'holiday 放假；workday 调休上班' })
  @IsIn(['holiday', 'workday'])
  kind!: 'holiday' | 'workday';

  @ApiProperty({ example: '元旦' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '依据国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class RemoveCalendarDayDto {
  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class PublishYearDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  notice!: string;

  @ApiPropertyOptional({ example: '国办发明电〔2026〕x号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  noticeNumber?: string;

  @ApiPropertyOptional({ example: '2026-11-10' })
  @IsOptional()
  @Matches(ISO_DATE)
  publishedOn?: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}
