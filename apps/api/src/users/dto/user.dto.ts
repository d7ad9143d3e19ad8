import { IsOptionalNotNull } from '../../common/http/validation';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '@app/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'gz_reviewer2' })
  @Matches(/^[a-zA-Z][a-zA-Z0-9_.-]{2,63}$/, { message: 'username' })
  username!: string;

  @ApiProperty({ example: '张晓明' })
  @IsString()
  @MaxLength(64)
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty()
  @IsInt()
  organisationId!: number;

  @ApiProperty({ description: '初始密码：至少 8 位，含大写、小写、数字、符号中的 3 类' })
  @IsString()
  @MaxLength(128)
  password!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  email?: string | null;
}

export class UpdateUserDto {
  @ApiProperty()
  @IsInt()
  version!: number;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(64)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsInt()
  organisationId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  email?: string | null;

  // Read-only fields echoed back by react-admin edit forms; accepted and ignored.
  @Allow() id?: unknown;
  @Allow() username?: unknown;
  @Allow() organisationName?: unknown;
  @Allow() disabled?: unknown;
  @Allow() lockedUntil?: unknown;
  @Allow() totpEnabled?: unknown;
  @Allow() lastLoginAt?: unknown;
  @Allow() mustChangePassword?: unknown;
  @Allow() createdAt?: unknown;
  @Allow() updatedAt?: unknown;
}

export class UserVersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  version?: number;
}
