import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENTS, PASSWORD_MIN_LENGTH, type Department } from '@kapok/contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';

const toBool = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the username or full name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'Role code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  role?: string;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  active?: boolean;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'sewing2', description: 'Lower-case letters, digits, dot, dash, underscore' })
  @IsString()
  @Matches(/^[a-z0-9._-]{3,50}$/, {
    message: 'username must be 3–50 lower-case letters, digits, dots, dashes or underscores',
  })
  username: string;

  @ApiProperty({ example: 'Rina Marlina' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  fullName: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'dept_admin', description: 'Role code' })
  @IsString()
  @MaxLength(50)
  role: string;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department', nullable: true, type: String })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department | null;
}

export class UpdateUserRequest {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  fullName?: string;

  @ApiPropertyOptional({ description: 'A new password; every session of the user ends' })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: 'Role code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  role?: string;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(DEPARTMENTS)
  department?: Department | null;

  @ApiPropertyOptional({ description: 'false disables the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  username: string;
  @ApiProperty()
  fullName: string;
  @ApiProperty({ description: 'Role code' })
  role: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', nullable: true, type: String })
  department: Department | null;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastLoginAt: string | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const UserPage = PageOf(UserResponse, 'UserPage');
export type UserPage = InstanceType<typeof UserPage>;
