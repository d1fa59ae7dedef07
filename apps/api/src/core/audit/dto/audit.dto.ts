import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMISSION_MODULES, type PermissionModule } from '@kapok/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { PageOf, PageQuery } from '../../http/paging.js';
import { PersonRef } from '../../http/refs.dto.js';
import { BoundedDate } from '../../http/validators.js';

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: PERMISSION_MODULES,
    enumName: 'PermissionModule',
    description: 'Entries of the entity types this module owns',
  })
  @IsOptional()
  @IsIn(PERMISSION_MODULES)
  module?: PermissionModule;

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

/** The record an entry is about, as people know it. */
export class AuditLinkRef {
  @ApiProperty({ example: 'MO-2026-0001', description: 'Document number or code' })
  label: string;
  @ApiProperty({ type: String, nullable: true, example: '/ppic/orders/3f0c…', description: 'Web page' })
  path: string | null;
}

export class AuditEntryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: PersonRef, nullable: true })
  actor: PersonRef | null;
  @ApiProperty({ example: 'user.updated' })
  action: string;
  @ApiProperty({ example: 'user' })
  entityType: string;
  @ApiProperty()
  entityId: string;
  @ApiProperty({
    type: AuditLinkRef,
    nullable: true,
    description: 'Null when the record is gone or its module names none',
  })
  link: AuditLinkRef | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: unknown;
  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;
}

export const AuditPage = PageOf(AuditEntryResponse, 'AuditPage');
export type AuditPage = InstanceType<typeof AuditPage>;
