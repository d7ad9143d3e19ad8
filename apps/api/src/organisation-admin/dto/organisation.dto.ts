import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ORGANISATION_LEVELS, type OrganisationLevel } from '@app/domain';
import type {
  DeadlineProfileName,
  InstitutionKind,
  InstitutionStatus,
} from '../../organisations/entities/organisation.entity';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const INSTITUTION_KINDS = ['employer', 'technical_school', 'social_training'] as const;
export const INSTITUTION_STATUSES = ['active', 'ceased', 'dissolved'] as const;
export const DEADLINE_PROFILES = ['national', 'guangdong'] as const;

export class ScopeEntryDto {
  @ApiProperty({ example: '6-18-02-04' })
  @Matches(/^\d-\d{2}-\d{2}-\d{2}$/)
  occupationCode!: string;

  @ApiProperty({ example: '焊工' })
  @IsString()
  @MaxLength(50)
  occupationName!: string;

  @ApiProperty({ example: [5, 4, 3] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(5, { each: true })
  levels!: number[];

  @ApiProperty({ example: '2023-01-01' })
  @Matches(ISO_DATE)
  validFrom!: string;

  @ApiPropertyOptional({ example: null, nullable: true })
  @IsOptional()
  @Matches(ISO_DATE)
  validTo!: string | null;
}

class InstitutionFieldsDto {
  @ApiPropertyOptional({ example: '91440101MA59XXXXXX' })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  creditCode?: string | null;

  @ApiPropertyOptional({ enum: INSTITUTION_KINDS })
  @IsOptional()
  @IsIn(INSTITUTION_KINDS)
  kind?: InstitutionKind | null;

  @ApiPropertyOptional({ enum: INSTITUTION_STATUSES })
  @IsOptional()
  @IsIn(INSTITUTION_STATUSES)
  status?: InstitutionStatus;

  @ApiPropertyOptional({ example: '2021-06-01' })
  @IsOptional()
  @Matches(ISO_DATE)
  registeredAt?: string | null;

  @ApiPropertyOptional({ enum: DEADLINE_PROFILES, description: '仅省级机构可设置；下级机构继承所属省份' })
  @IsOptional()
  @IsIn(DEADLINE_PROFILES)
  deadlineProfile?: DeadlineProfileName;

  @ApiPropertyOptional({ type: [ScopeEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ScopeEntryDto)
  scope?: ScopeEntryDto[] | null;
}

export class CreateOrganisationDto extends InstitutionFieldsDto {
  @ApiProperty({ enum: ORGANISATION_LEVELS })
  @IsIn(ORGANISATION_LEVELS)
  level!: OrganisationLevel;

  @ApiProperty()
  @IsInt()
  parentId!: number;

  @ApiProperty({ example: '440100', description: '行政区划代码' })
  @Matches(/^\d{6}$/)
  regionCode!: string;

  @ApiProperty({ example: '广州市某某职业培训学校' })
  @IsString()
  @MaxLength(100)
  name!: string;
}

export class UpdateOrganisationDto extends InstitutionFieldsDto {
  @ApiProperty({ description: '用户看到的版本号（乐观锁）' })
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{6}$/)
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  // Read-only fields that react-admin echoes back in an edit form; accepted and ignored.
  @Allow() id?: unknown;
  @Allow() level?: unknown;
  @Allow() parentId?: unknown;
  @Allow() parentName?: unknown;
  @Allow() path?: unknown;
  @Allow() childCount?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}
