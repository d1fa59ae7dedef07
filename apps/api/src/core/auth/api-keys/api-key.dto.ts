import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageOf } from '../../http/paging.js';
import { BoundedDate } from '../../http/validators.js';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'erp-sync', description: '2–40 letters, digits, dots, dashes or underscores' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{2,40}$/, {
    message: 'name must be 2–40 letters, digits, dots, dashes or underscores',
  })
  name: string;

  @ApiProperty({ example: 'viewer', description: 'Role code: the key may do what this role may' })
  @IsString()
  @MaxLength(50)
  role: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'After this moment the key answers 401; none: it lasts until revoked',
  })
  @IsOptional()
  @BoundedDate()
  @IsDate()
  expiresAt?: Date;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ example: 'kpk_1a2b3c4d', description: 'The visible start of the secret' })
  prefix: string;
  @ApiProperty({ description: 'Role code' })
  role: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Last request with the key, to the minute',
  })
  lastUsedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The whole secret, shown this once: send it as the x-api-key header' })
  secret: string;
}

export const ApiKeyPage = PageOf(ApiKeyResponse, 'ApiKeyPage');
export type ApiKeyPage = InstanceType<typeof ApiKeyPage>;
