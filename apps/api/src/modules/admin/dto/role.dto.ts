import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMISSIONS, type Permission } from '@kapok/contracts';
import { Type } from 'class-transformer';
import { PageOf } from '../../../core/http/paging.js';
import {
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Matches,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** A new role: its own permissions, or a copy of another role's (`copyFrom`), never both. */
export class CreateRoleRequest {
  @ApiProperty({ example: 'line_planner', description: 'Lower case letters, digits and _; unique' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,49}$/, {
    message: 'code must start with a letter and hold 2–50 lower case letters, digits or _',
  })
  code: string;

  @ApiProperty({ example: 'Line planner', description: 'Unique, ignoring case' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  @ValidateIf((body: CreateRoleRequest) => body.copyFrom === undefined || body.permissions !== undefined)
  @IsArray()
  @ArrayUnique()
  @IsIn(PERMISSIONS, { each: true })
  permissions?: Permission[];

  @ApiPropertyOptional({
    example: 'ppic_admin',
    description: 'The role whose permissions the new one starts with',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  copyFrom?: string;
}

export class UpdateRoleRequest {
  @ApiPropertyOptional({ description: 'The version you read; a stale one is refused with 409' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(PERMISSIONS, { each: true })
  permissions: Permission[];
}

export class RoleResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'warehouse_admin' })
  code: string;
  @ApiProperty({ example: 'Warehouse admin' })
  name: string;
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions: Permission[];
  @ApiProperty({ description: 'How many users hold the role' })
  userCount: number;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const RolePage = PageOf(RoleResponse, 'RolePage');
export type RolePage = InstanceType<typeof RolePage>;
