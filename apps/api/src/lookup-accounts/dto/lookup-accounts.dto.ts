import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LOOKUP_KINDS, type LookupKind } from '@app/domain';

/** `POST /api/lookup/auth/register` (LookupRegistration); the rules per account type are R-5's, in libs/domain. */
export class LookupRegistrationDto {
  @ApiProperty({ enum: ['person', 'legal_entity'] })
  @IsIn(['person', 'legal_entity'])
  type!: 'person' | 'legal_entity';

  @ApiProperty({ description: '个人：姓名；法人：单位名称' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ description: '个人：证件类型（居民身份证 … 或其代码）' })
  @IsOptional()
  @ValidateIf((_, v) => typeof v !== 'number')
  @IsString()
  @MaxLength(20)
  idType?: string | number;

  @ApiPropertyOptional({ description: '个人：证件号码' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  idNumber?: string;

  @ApiPropertyOptional({ description: '法人：统一社会信用代码' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  creditCode?: string;

  @ApiPropertyOptional({ description: '法人：联系人' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  contactName?: string;

  @ApiProperty()
  @IsString()
  @MaxLength(20)
  mobile!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;
}

export class LookupLoginDto {
  @ApiProperty({ description: '手机号码、证件号码或统一社会信用代码' })
  @IsString()
  @MaxLength(40)
  account!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(128)
  password!: string;
}

export class LookupKindDto {
  @ApiProperty({ enum: LOOKUP_KINDS })
  @IsIn(LOOKUP_KINDS)
  kind!: LookupKind;
}

export class OthersQueryDto extends LookupKindDto {
  @ApiProperty()
  @IsString()
  @MaxLength(40)
  name!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(40)
  idNumber!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(40)
  certificateNumber!: string;
}

export class ByCodeDto {
  /** Not validated here: a missing, malformed or overlong code is answered and counted as a wrong one (404). */
  @ApiProperty({ example: 'K7Q2-9MZP-AB3C-DEF4' })
  @Allow()
  code?: unknown;
}
