import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@kapok/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageOf } from '../../core/http/paging.js';

export class CreateWebhookRequest {
  @ApiProperty({ example: 'https://erp.example.com/kapok/webhooks', maxLength: 2048 })
  @IsString()
  @MinLength(8)
  @MaxLength(2048)
  url: string;

  @ApiProperty({
    type: [String],
    example: ['kanban_card.*', 'manufacturing_order.completed'],
    description: 'Event patterns: `*`, `<entity>.*` or an event type (libs/contracts events.ts)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  events: string[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'ERP stock sync' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateWebhookRequest extends CreateWebhookRequest {
  @ApiProperty({ description: 'The version read; a newer one in the database answers 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version: number;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  url: string;
  @ApiProperty({ type: [String] })
  events: string[];
  @ApiProperty({ type: String, nullable: true })
  description: string | null;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ type: 'integer', description: 'Deliveries of the last 24 hours that arrived' })
  delivered24h: number;
  @ApiProperty({ type: 'integer', description: 'Deliveries of the last 24 hours given up' })
  failed24h: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastDeliveryAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CreatedWebhookResponse extends WebhookResponse {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The signing secret (Standard Webhooks), shown this once',
  })
  secret: string;
}

export const WebhookPage = PageOf(WebhookResponse, 'WebhookPage');
export type WebhookPage = InstanceType<typeof WebhookPage>;

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;
  @ApiProperty({ description: 'The webhook-id header: the same on every attempt and redelivery' })
  messageId: string;
  @ApiProperty({ example: 'kanban_card.approved' })
  eventType: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' })
  status: WebhookDeliveryStatus;
  @ApiProperty({ type: 'integer' })
  attempts: number;
  @ApiProperty({ type: 'integer', nullable: true })
  lastStatusCode: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The start of the last answer (at most 1 KB)' })
  lastResponse: string | null;
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the next retry is due',
  })
  nextAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  redeliveryOfId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The body sent: {type, timestamp, data}',
  })
  payload: object;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export const WebhookDeliveryPage = PageOf(WebhookDeliveryResponse, 'WebhookDeliveryPage');
export type WebhookDeliveryPage = InstanceType<typeof WebhookDeliveryPage>;
