import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_LEVELS,
  ALERT_STATUSES,
  UNITS,
  type AlertLevel,
  type AlertStatus,
  type Unit,
} from '@kapok/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { NonNegativeQuantity, OptionalText, OptionalUuid, PositiveQuantity, RequiredUuid } from './common.js';
import { UserRef } from '../../../core/http/refs.dto.js';

export class ThresholdQuery extends PageQuery {
  @OptionalUuid()
  productId?: string;
  @OptionalUuid()
  locationId?: string;
}

export class SetThresholdRequest {
  @RequiredUuid()
  productId: string;
  @OptionalUuid(
    'A location of its own; without it the threshold applies to the stock over all warehouse racks',
  )
  locationId?: string;
  @PositiveQuantity('LOW at or below this available quantity (stock unit)')
  minimumQuantity: number;
  @ApiPropertyOptional({ description: 'CRITICAL at or below this; default 15% of minimumQuantity' })
  @IsOptional()
  @NonNegativeQuantity()
  criticalQuantity?: number;
}

export class ThresholdResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  locationId: string | null;
  @ApiProperty({ nullable: true, type: String })
  locationCode: string | null;
  @ApiProperty()
  minimumQuantity: number;
  @ApiProperty()
  criticalQuantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const ThresholdPage = PageOf(ThresholdResponse, 'ThresholdPage');
export type ThresholdPage = InstanceType<typeof ThresholdPage>;

export class AlertQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, enumName: 'AlertStatus' })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;
  @OptionalUuid()
  productId?: string;
  @ApiPropertyOptional({ enum: ALERT_LEVELS, enumName: 'AlertLevel' })
  @IsOptional()
  @IsIn(ALERT_LEVELS)
  level?: AlertLevel;
}

export class AcknowledgeAlertRequest {
  @OptionalText(300)
  note?: string;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  locationId: string | null;
  @ApiProperty({ nullable: true, type: String })
  locationCode: string | null;
  @ApiProperty({ enum: ALERT_LEVELS, enumName: 'AlertLevel' })
  level: AlertLevel;
  @ApiProperty({ enum: ALERT_STATUSES, enumName: 'AlertStatus' })
  status: AlertStatus;
  @ApiProperty()
  availableAtOpen: number;
  @ApiProperty()
  availableNow: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ format: 'date-time' })
  openedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acknowledgedAt: string | null;
  @ApiProperty({ type: UserRef, nullable: true })
  acknowledgedBy: UserRef | null;
  @ApiProperty({ nullable: true, type: String })
  acknowledgeNote: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  resolvedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const AlertPage = PageOf(AlertResponse, 'AlertPage');
export type AlertPage = InstanceType<typeof AlertPage>;
