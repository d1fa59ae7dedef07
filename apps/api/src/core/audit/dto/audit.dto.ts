import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { PageOf, PageQuery } from '../../http/paging.js';
import { UserRef } from '../../http/refs.dto.js';
import { BoundedDate } from '../../http/validators.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'Username or user id of whoever made the change' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ example: 'user.updated' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @BoundedDate()
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @BoundedDate()
  to?: Date;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Sign-ins (auth.login) are left out unless this is true or `action` names them',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeLogins?: boolean;
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: UserRef, nullable: true })
  actor: UserRef | null;
  @ApiProperty({ example: 'user.updated' })
  action: string;
  @ApiProperty({ example: 'user' })
  entityType: string;
  @ApiProperty()
  entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: unknown;
  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;
}

export const AuditPage = PageOf(AuditEntryResponse, 'AuditPage');
export type AuditPage = InstanceType<typeof AuditPage>;
