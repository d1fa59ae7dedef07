import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PURCHASE_ORDER_STATES,
  UNITS,
  type PurchaseOrderAction,
  type PurchaseOrderState,
  type Unit,
} from '@kapok/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { PURCHASE_ORDER_SYNC } from '../purchasing.sql.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import { DateInRange, MaxDecimals } from '../../../core/http/validators.js';
import {
  OptionalText,
  OptionalUnit,
  OptionalUuid,
  PositiveQuantity,
  RequiredUuid,
} from '../../warehouse/dto/common.js';
import { toBoolean } from '../../warehouse/dto/product.dto.js';
import { PartnerRef } from '../../partners/dto/partners.dto.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PO_ACTIONS: PurchaseOrderAction[] = ['approve', 'cancel', 'close'];

export class PurchaseOrderQuery extends SyncPageQuery(Object.keys(PURCHASE_ORDER_SYNC.sort), '-createdAt') {
  @OptionalUuid('A SUPPLIER partner')
  supplierId?: string;

  @ApiPropertyOptional({ enum: PURCHASE_ORDER_STATES, enumName: 'PurchaseOrderState' })
  @IsOptional()
  @IsIn(PURCHASE_ORDER_STATES)
  state?: PurchaseOrderState;

  @OptionalUuid('Orders with a line for this product')
  productId?: string;

  @ApiPropertyOptional({ description: 'Only APPROVED and PARTIALLY_RECEIVED orders' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: 'Part of the order number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class PurchaseOrderLineRequest {
  @RequiredUuid()
  productId: string;

  @PositiveQuantity('In `uom`, the purchase unit')
  quantity: number;

  @ApiProperty({
    enum: UNITS,
    enumName: 'Unit',
    description: "Any unit convertible to the product's stock unit",
  })
  @IsIn(UNITS)
  uom: Unit;

  @ApiPropertyOptional({ type: Number, minimum: 0, description: 'IDR per `uom`' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0)
  @Max(9_999_999_999_999)
  unitPrice?: number;

  @ApiProperty({ example: '2026-12-18' })
  @Matches(DATE, { message: 'expectedDate must be a date YYYY-MM-DD' })
  @DateInRange()
  expectedDate: string;
}

export class PurchaseOrderFields {
  @RequiredUuid('A SUPPLIER or SUBCONTRACTOR partner')
  supplierId: string;

  @ApiPropertyOptional({ example: '2026-12-04', description: 'Default today (Asia/Jakarta)' })
  @IsOptional()
  @Matches(DATE, { message: 'orderDate must be a date YYYY-MM-DD' })
  @DateInRange()
  orderDate?: string;

  @OptionalText(1000)
  notes?: string;

  @ApiProperty({ type: PurchaseOrderLineRequest, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PurchaseOrderLineRequest)
  lines: PurchaseOrderLineRequest[];
}

export class CreatePurchaseOrderRequest extends PurchaseOrderFields {}

export class UpdatePurchaseOrderRequest extends PurchaseOrderFields {
  @ApiProperty({ description: 'The version read; a different current version answers 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version: number;
}

export class PurchaseTransitionRequest {
  @OptionalText(300)
  notes?: string;
}

export class PurchaseOrderLineResponse {
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
  @ApiProperty({ enum: UNITS, enumName: 'Unit', description: "The product's stock unit" })
  stockUom: Unit;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ type: Number, nullable: true })
  unitPrice: number | null;
  @ApiProperty({ example: '2026-12-18' })
  expectedDate: string;
  @ApiProperty({ description: 'In `uom`' })
  receivedQuantity: number;
  @ApiProperty({ description: 'In `uom`: ordered − received, at least 0' })
  openQuantity: number;
  @ApiProperty({ description: 'In `uom`: the most a receipt may still bring (open + 5 %)' })
  receivableQuantity: number;
}

export class GoodsReceiptLineResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  purchaseOrderLineId: string;
  @ApiProperty()
  lineNo: number;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ description: 'As entered, in `uom`' })
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ description: "In the PO line's unit" })
  lineQuantity: number;
  @ApiProperty({ description: 'In the stock unit, as moved' })
  stockQuantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  stockUom: Unit;
  @ApiProperty({ format: 'uuid' })
  lotId: string;
  @ApiProperty()
  lotNumber: string;
  @ApiProperty({ format: 'uuid' })
  locationId: string;
  @ApiProperty()
  locationCode: string;
  @ApiProperty({ format: 'uuid' })
  stockMoveId: string;
}

export class GoodsReceiptResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'GRN-20261204-0001' })
  number: string;
  @ApiProperty({ format: 'uuid' })
  purchaseOrderId: string;
  @ApiProperty()
  purchaseOrderNumber: string;
  @ApiProperty({
    enum: PURCHASE_ORDER_STATES,
    enumName: 'PurchaseOrderState',
    description: 'After the receipt',
  })
  purchaseOrderState: PurchaseOrderState;
  @ApiProperty({ type: PersonRef, nullable: true })
  receivedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({ type: GoodsReceiptLineResponse, isArray: true })
  lines: GoodsReceiptLineResponse[];
}

export class PurchaseOrderSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'PO-20261204-0001' })
  number: string;
  @ApiProperty({ type: PartnerRef })
  supplier: PartnerRef;
  @ApiProperty({ example: '2026-12-04' })
  orderDate: string;
  @ApiProperty({ enum: PURCHASE_ORDER_STATES, enumName: 'PurchaseOrderState' })
  state: PurchaseOrderState;
  @ApiProperty()
  lineCount: number;
  @ApiProperty({ type: String, nullable: true })
  firstExpectedDate: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'IDR, the lines with a price' })
  totalValue: number | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  createdBy: PersonRef | null;
  @ApiProperty({
    enum: PO_ACTIONS,
    isArray: true,
    description: 'What the signed-in user may do now (approve is never offered to the creator)',
  })
  actions: PurchaseOrderAction[];
  @ApiProperty({ description: 'DRAFT and the user may edit it' })
  editable: boolean;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PurchaseOrderResponse extends PurchaseOrderSummary {
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({ type: PurchaseOrderLineResponse, isArray: true })
  lines: PurchaseOrderLineResponse[];
  @ApiProperty({ type: PersonRef, nullable: true })
  approvedBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  approvedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
  @ApiProperty({ type: GoodsReceiptResponse, isArray: true })
  receipts: GoodsReceiptResponse[];
}

export const PurchaseOrderPage = PageOf(PurchaseOrderSummary, 'PurchaseOrderPage');

export class ReceiptLineRequest {
  @RequiredUuid('A line of this purchase order')
  lineId: string;

  @PositiveQuantity("In `uom`; default the line's unit")
  quantity: number;

  @OptionalUnit()
  uom?: Unit;

  @ApiPropertyOptional({ maxLength: 60, description: 'Default `<PO number>-<line no>`' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  lotNumber?: string;

  @RequiredUuid('A WAREHOUSE location (rack)')
  locationId: string;
}

export class CreateReceiptRequest {
  @ApiProperty({ type: ReceiptLineRequest, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineRequest)
  lines: ReceiptLineRequest[];

  @OptionalText(500)
  notes?: string;
}

export class ReceivableLineQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'A scanned or typed PO number, `<PO number>-<line no>`, product code or supplier name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @OptionalUuid()
  productId?: string;
}

export class ReceivableLineResponse extends PurchaseOrderLineResponse {
  @ApiProperty({ format: 'uuid' })
  purchaseOrderId: string;
  @ApiProperty()
  purchaseOrderNumber: string;
  @ApiProperty({ enum: PURCHASE_ORDER_STATES, enumName: 'PurchaseOrderState' })
  purchaseOrderState: PurchaseOrderState;
  @ApiProperty({ type: PartnerRef })
  supplier: PartnerRef;
  @ApiProperty({ description: 'Scan code of the line: `<PO number>-<line no>` (also the default lot)' })
  reference: string;
}

export const ReceivableLinePage = PageOf(ReceivableLineResponse, 'ReceivableLinePage');
