import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DESTINATIONS,
  SHIPMENT_ACTIONS,
  SHIPMENT_STATES,
  type Destination,
  type SalesOrderState,
  type ShipmentAction,
  type ShipmentState,
} from '@kapok/contracts';
import { Type } from 'class-transformer';
import {
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
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import { OptionalText, OptionalUuid, RequiredUuid } from '../../warehouse/dto/common.js';

const ISO_WEEK = /^\d{4}-W\d{2}$/;

export class ShipmentQuery extends PageQuery {
  @OptionalUuid('A CUSTOMER partner')
  customerId?: string;

  @ApiPropertyOptional({ enum: SHIPMENT_STATES, enumName: 'ShipmentState' })
  @IsOptional()
  @IsIn(SHIPMENT_STATES)
  state?: ShipmentState;

  @OptionalUuid('Shipments with a line of this sales order')
  salesOrderId?: string;

  @ApiPropertyOptional({ description: 'Part of the shipment number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class OpenLineQuery {
  @RequiredUuid('A CUSTOMER partner')
  customerId: string;

  @ApiPropertyOptional({ example: '2026-W22', description: 'Only lines of this delivery week' })
  @IsOptional()
  @Matches(ISO_WEEK, { message: 'week must be an ISO week YYYY-Www' })
  week?: string;

  @ApiPropertyOptional({ enum: DESTINATIONS, enumName: 'Destination' })
  @IsOptional()
  @IsIn(DESTINATIONS)
  destination?: Destination;

  @OptionalUuid('Only lines of this sales order')
  salesOrderId?: string;
}

export class ShipmentLineRequest {
  @RequiredUuid('A line of a CONFIRMED or PARTIALLY_SHIPPED sales order of the customer')
  salesOrderLineId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 450,
    description: 'Pieces (whole), ≤ the open quantity',
  })
  @IsInt({ message: 'quantity must be a whole number of pieces' })
  @Min(1)
  @Max(100_000_000)
  quantity: number;
}

export class CreateShipmentRequest {
  @RequiredUuid('A CUSTOMER partner')
  customerId: string;

  @OptionalText(1000)
  notes?: string;

  @ApiProperty({ type: ShipmentLineRequest, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ShipmentLineRequest)
  lines: ShipmentLineRequest[];
}

export class ShipmentTransitionRequest {
  @OptionalText(300)
  notes?: string;
}

export class ShipmentCustomerRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
}

/** What a line says of the sales-order line it stands for: the order, the article, where and when. */
abstract class SalesOrderLineFields {
  @ApiProperty({ format: 'uuid' })
  salesOrderId: string;
  @ApiProperty({ example: 'SO-20261204-0001' })
  soNumber: string;
  @ApiProperty()
  customerPo: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: DESTINATIONS, enumName: 'Destination' })
  destination: Destination;
  @ApiProperty({ example: '2026-W22' })
  deliveryWeek: string;
}

export class OpenSalesOrderLineResponse extends SalesOrderLineFields {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['CONFIRMED', 'PARTIALLY_SHIPPED'] })
  state: SalesOrderState;
  @ApiProperty()
  lineNo: number;
  @ApiProperty({ type: 'integer', description: 'Ordered' })
  quantity: number;
  @ApiProperty({ type: 'integer' })
  shippedQuantity: number;
  @ApiProperty({ type: 'integer', description: 'Ordered − shipped − held by open shipments' })
  availableQuantity: number;
}

export class ShipmentPickResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  lotId: string | null;
  @ApiProperty({ type: String, nullable: true })
  lotNumber: string | null;
  @ApiProperty({ example: '2026-W05', description: 'Production week of the lot' })
  productionWeek: string;
  @ApiProperty({ type: 'integer' })
  quantity: number;
}

export class ShipmentLineResponse extends SalesOrderLineFields {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  lineNo: number;
  @ApiProperty({ format: 'uuid' })
  salesOrderLineId: string;
  @ApiProperty()
  salesOrderLineNo: number;
  @ApiProperty({ type: 'integer', description: 'In this shipment' })
  quantity: number;
  @ApiProperty({
    type: ShipmentPickResponse,
    isArray: true,
    description: 'Reserved (PICKED) or shipped lots',
  })
  picks: ShipmentPickResponse[];
}

export class ShipmentCartonResponse {
  @ApiProperty({ description: 'Carton number, 1…N in the shipment' })
  no: number;
  @ApiProperty()
  lineNo: number;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ enum: DESTINATIONS, enumName: 'Destination' })
  destination: Destination;
  @ApiProperty({ example: '2026-W05' })
  week: string;
  @ApiProperty({ type: 'integer' })
  quantity: number;
  @ApiProperty({ description: 'The last carton of a line, not full' })
  partial: boolean;
  @ApiProperty()
  palletNo: number;
  @ApiProperty({ example: 'EU0540551542000001', description: 'Code 128 content' })
  barcode: string;
}

export class ShipmentPalletResponse {
  @ApiProperty()
  no: number;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: DESTINATIONS, enumName: 'Destination' })
  destination: Destination;
  @ApiProperty({ example: '2026-W05' })
  week: string;
  @ApiProperty()
  cartons: number;
  @ApiProperty({ type: 'integer' })
  quantity: number;
}

export class ShipmentSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SH-20261204-0001' })
  number: string;
  @ApiProperty({ type: ShipmentCustomerRef })
  customer: ShipmentCustomerRef;
  @ApiProperty({ enum: SHIPMENT_STATES, enumName: 'ShipmentState' })
  state: ShipmentState;
  @ApiProperty()
  lineCount: number;
  @ApiProperty({ type: 'integer' })
  totalQuantity: number;
  @ApiProperty()
  cartonCount: number;
  @ApiProperty()
  palletCount: number;
  @ApiProperty({ enum: SHIPMENT_ACTIONS, isArray: true, description: 'What the signed-in user may do now' })
  actions: ShipmentAction[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  shippedAt: string | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ShipmentResponse extends ShipmentSummary {
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({ type: ShipmentLineResponse, isArray: true })
  lines: ShipmentLineResponse[];
  @ApiProperty({
    type: ShipmentCartonResponse,
    isArray: true,
    description: 'The packing plan (from the pick on)',
  })
  cartons: ShipmentCartonResponse[];
  @ApiProperty({ type: ShipmentPalletResponse, isArray: true })
  pallets: ShipmentPalletResponse[];
  @ApiProperty({ type: PersonRef, nullable: true })
  createdBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  pickedBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  pickedAt: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  shippedBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  cancelledBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
}

export const ShipmentPage = PageOf(ShipmentSummary, 'ShipmentPage');
