import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DESTINATIONS,
  SALES_ORDER_ACTIONS,
  SALES_ORDER_STATES,
  type Destination,
  type SalesOrderAction,
  type SalesOrderState,
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
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SyncPageQuery } from '../../../core/http/list-sync.js';
import { SALES_ORDER_SORT } from '../sales.sql.js';
import { PageOf } from '../../../core/http/paging.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import { DateInRange } from '../../../core/http/validators.js';
import { OptionalText, OptionalUuid, RequiredUuid } from '../../warehouse/dto/common.js';

const ISO_WEEK = /^\d{4}-W\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SalesOrderQuery extends SyncPageQuery(Object.keys(SALES_ORDER_SORT), '-createdAt') {
  @OptionalUuid('A CUSTOMER partner')
  customerId?: string;

  @ApiPropertyOptional({ enum: SALES_ORDER_STATES, enumName: 'SalesOrderState' })
  @IsOptional()
  @IsIn(SALES_ORDER_STATES)
  state?: SalesOrderState;

  @ApiPropertyOptional({ example: '2026-W22', description: 'Orders with a line for this delivery week' })
  @IsOptional()
  @Matches(ISO_WEEK, { message: 'week must be an ISO week YYYY-Www' })
  week?: string;

  @ApiPropertyOptional({ description: "Part of the order number or the customer's PO" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class SalesOrderLineRequest {
  @RequiredUuid('A FINISHED_GOOD')
  productId: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1200, description: 'Pieces (whole)' })
  @IsInt({ message: 'quantity must be a whole number of pieces' })
  @Min(1)
  @Max(100_000_000)
  quantity: number;

  @ApiProperty({ example: '2026-W22', description: 'ISO week of delivery' })
  @Matches(ISO_WEEK, { message: 'deliveryWeek must be an ISO week YYYY-Www' })
  deliveryWeek: string;

  @ApiProperty({ enum: DESTINATIONS, enumName: 'Destination' })
  @IsIn(DESTINATIONS)
  destination: Destination;
}

export class SalesOrderFields {
  @RequiredUuid('A CUSTOMER partner')
  customerId: string;

  @ApiProperty({ example: '4501234567', description: "The buyer's PO number, unique per customer" })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  customerPo: string;

  @ApiPropertyOptional({ example: '2026-12-04', description: 'Default today (Asia/Jakarta)' })
  @IsOptional()
  @Matches(DATE, { message: 'orderDate must be a date YYYY-MM-DD' })
  @DateInRange()
  orderDate?: string;

  @OptionalText(1000)
  notes?: string;

  @ApiProperty({ type: SalesOrderLineRequest, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SalesOrderLineRequest)
  lines: SalesOrderLineRequest[];
}

export class CreateSalesOrderRequest extends SalesOrderFields {}

export class UpdateSalesOrderRequest extends SalesOrderFields {
  @ApiProperty({ description: 'The version read; a different current version answers 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version: number;
}

export class TransitionRequest {
  @OptionalText(300)
  notes?: string;
}

export class CustomerRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  transitDays: number;
}

export class PeggedManufacturingOrder {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty()
  state: string;
  @ApiProperty()
  plannedQuantity: number;
}

export class SalesOrderLineResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  lineNo: number;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ type: 'integer' })
  quantity: number;
  @ApiProperty({ example: '2026-W22' })
  deliveryWeek: string;
  @ApiProperty({ enum: DESTINATIONS, enumName: 'Destination' })
  destination: Destination;
  @ApiProperty({ example: '2026-05-18', description: 'Monday of the delivery week minus transit days' })
  exFactoryDate: string;
  @ApiProperty({ type: 'integer' })
  shippedQuantity: number;
  @ApiProperty({ type: 'integer' })
  openQuantity: number;
  @ApiProperty({ type: PeggedManufacturingOrder, isArray: true, description: 'MOs pegged to this line' })
  manufacturingOrders: PeggedManufacturingOrder[];
}

export class SalesOrderSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SO-20261204-0001' })
  number: string;
  @ApiProperty({ type: CustomerRef })
  customer: CustomerRef;
  @ApiProperty()
  customerPo: string;
  @ApiProperty({ example: '2026-12-04' })
  orderDate: string;
  @ApiProperty({ enum: SALES_ORDER_STATES, enumName: 'SalesOrderState' })
  state: SalesOrderState;
  @ApiProperty()
  lineCount: number;
  @ApiProperty({ type: 'integer' })
  totalQuantity: number;
  @ApiProperty({ type: String, nullable: true, description: 'Earliest delivery week' })
  firstDeliveryWeek: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Latest delivery week' })
  lastDeliveryWeek: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Earliest ex-factory date' })
  firstExFactoryDate: string | null;
  @ApiProperty({
    enum: SALES_ORDER_ACTIONS,
    isArray: true,
    description: 'What the signed-in user may do with the order now',
  })
  actions: SalesOrderAction[];
  @ApiProperty({ description: 'DRAFT and the user may edit it' })
  editable: boolean;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SalesOrderResponse extends SalesOrderSummary {
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({ type: SalesOrderLineResponse, isArray: true })
  lines: SalesOrderLineResponse[];
  @ApiProperty({ type: PersonRef, nullable: true })
  createdBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  confirmedBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  cancelledBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  closedBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
}

export const SalesOrderPage = PageOf(SalesOrderSummary, 'SalesOrderPage');
