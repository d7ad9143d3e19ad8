import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A decision's reason: required, not blank, at most what the column keeps. */
export const REASON_MAX_LENGTH = 500;
export const NOT_BLANK = /\S/;

/** `POST /api/admin/flags/:id/dismiss`: why the finding is not a problem. */
export class DismissFlagDto {
  @ApiProperty({ example: '经核实为同名同姓的不同人员，证件号码无误' })
  @IsString()
  @Matches(NOT_BLANK)
  @MaxLength(REASON_MAX_LENGTH)
  reason!: string;
}
