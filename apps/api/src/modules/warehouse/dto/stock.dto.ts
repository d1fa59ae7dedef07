import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ALERT_LEVELS,
  LOT_QUALITY_STATUSES,
  MOVE_TYPES,
  PRODUCT_TYPES,
  UNITS,
  type AlertLevel,
  type LotQualityStatus,
  type MoveType,
  type ProductType,
  type Unit,
} from '@kapok/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SyncPageQuery } from '../../../core/http/list-sync.js';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { MOVE_SYNC } from '../stock/stock.queries.js';
import {
  NonNegativeQuantity,
  OptionalDate,
  OptionalText,
  OptionalUnit,
  OptionalUuid,
  PositiveQuantity,
  RequiredUuid,
} from './common.js';
import { UserRef } from '../../../core/http/refs.dto.js';

export class StockQuery extends PageQuery {
  @OptionalUuid()
  productId?: string;
  @OptionalUuid()
  locationId?: string;
  @OptionalUuid()
  lotId?: string;
}

export class StockSummaryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  @IsOptional()
  @IsIn(PRODUCT_TYPES)
  type?: ProductType;

  @ApiPropertyOptional({
    enum: ALERT_LEVELS,
    enumName: 'AlertLevel',
    description: 'Only products whose open alert has this level',
  })
  @IsOptional()
  @IsIn(ALERT_LEVELS)
  alertLevel?: AlertLevel;
}

export class BalanceResponse {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ format: 'uuid' })
  locationId: string;
  @ApiProperty()
  locationCode: string;
  @ApiProperty()
  locationName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  lotId: string | null;
  @ApiProperty({ nullable: true, type: String })
  lotNumber: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lotReceivedAt: string | null;
  @ApiProperty({
    enum: LOT_QUALITY_STATUSES,
    enumName: 'LotQualityStatus',
    nullable: true,
    description: 'The lot’s quality status; stock of a lot that is not RELEASED is not available',
  })
  qualityStatus: LotQualityStatus | null;
  @ApiProperty()
  onHand: number;
  @ApiProperty()
  reserved: number;
  @ApiProperty()
  available: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const BalancePage = PageOf(BalanceResponse, 'BalancePage');
export type BalancePage = InstanceType<typeof BalancePage>;

export class ProductStockResponse {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ description: 'Summed over internal locations (warehouse racks, lines, transit)' })
  onHand: number;
  @ApiProperty()
  reserved: number;
  @ApiProperty({ description: 'Reserved excluded, and stock of lots QC has not released' })
  available: number;
  @ApiProperty({ description: 'On hand in lots that are not RELEASED (quarantine, rejected, blocked)' })
  onHold: number;
  @ApiProperty({ type: BalanceResponse, isArray: true })
  balances: BalanceResponse[];
}

export class StockSummaryItem {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: PRODUCT_TYPES, enumName: 'ProductType' })
  type: ProductType;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  onHand: number;
  @ApiProperty()
  reserved: number;
  @ApiProperty()
  available: number;
  @ApiProperty({
    enum: ALERT_LEVELS,
    enumName: 'AlertLevel',
    nullable: true,
    type: String,
    description: 'Worst level of the open alerts; null when none is open',
  })
  alertLevel: AlertLevel | null;
}

export const StockSummaryPage = PageOf(StockSummaryItem, 'StockSummaryPage');
export type StockSummaryPage = InstanceType<typeof StockSummaryPage>;

export class ReceiptRequest {
  @RequiredUuid()
  productId: string;
  @RequiredUuid('An internal location (rack, line)')
  locationId: string;
  @PositiveQuantity('In `uom`')
  quantity: number;
  @OptionalUnit()
  uom?: Unit;
  @ApiPropertyOptional({
    example: 'LOT-PO2611-IKHR504-01',
    description: 'Lot (roll) number; a new lot is created on first receipt',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/, {
    message: 'lotNumber must be 1–60 letters, digits, dots, dashes, slashes or underscores',
  })
  lotNumber?: string;
  @OptionalDate('Received date of a new lot; default now')
  receivedAt?: Date;
  @OptionalText(120, 'Supplier delivery note, roll number')
  supplierReference?: string;
  @OptionalText(120, 'Document number (PO, delivery note)')
  reference?: string;
}

export class IssueRequest {
  @RequiredUuid()
  productId: string;
  @RequiredUuid()
  fromLocationId: string;
  @OptionalUuid('Where the goods go; default the virtual PRODUCTION location')
  toLocationId?: string;
  @PositiveQuantity('In `uom`')
  quantity: number;
  @OptionalUnit()
  uom?: Unit;
  @OptionalUuid('Take this lot; default oldest lot first (FIFO)')
  lotId?: string;
  @OptionalText(120)
  reference?: string;
}

export class TransferRequest {
  @RequiredUuid()
  productId: string;
  @RequiredUuid()
  fromLocationId: string;
  @RequiredUuid()
  toLocationId: string;
  @PositiveQuantity('In `uom`')
  quantity: number;
  @OptionalUnit()
  uom?: Unit;
  @OptionalUuid('Take this lot; default oldest lot first (FIFO)')
  lotId?: string;
  @OptionalText(120)
  reference?: string;
}

export class AdjustmentRequest {
  @RequiredUuid()
  productId: string;
  @RequiredUuid()
  locationId: string;
  @OptionalUuid('Count of this lot; without it, of everything at the location')
  lotId?: string;
  @NonNegativeQuantity('What was counted, in `uom`')
  countedQuantity: number;
  @OptionalUnit()
  uom?: Unit;
  @ApiProperty({ example: 'Cycle count rack A1' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  reason: string;
}

export class MovesQuery extends SyncPageQuery(Object.keys(MOVE_SYNC.sort), '-createdAt') {
  @OptionalUuid()
  productId?: string;
  @OptionalUuid('Moves from or to this location')
  locationId?: string;
  @ApiPropertyOptional({ enum: MOVE_TYPES, enumName: 'MoveType' })
  @IsOptional()
  @IsIn(MOVE_TYPES)
  type?: MoveType;
  @OptionalText(120)
  reference?: string;
  @OptionalUuid()
  lotId?: string;
  @OptionalDate()
  from?: Date;
  @OptionalDate()
  to?: Date;
}

export class MoveResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ description: 'In the stock unit' })
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ format: 'uuid' })
  fromLocationId: string;
  @ApiProperty()
  fromLocationCode: string;
  @ApiProperty({ format: 'uuid' })
  toLocationId: string;
  @ApiProperty()
  toLocationCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  lotId: string | null;
  @ApiProperty({ nullable: true, type: String })
  lotNumber: string | null;
  @ApiProperty({ enum: MOVE_TYPES, enumName: 'MoveType' })
  type: MoveType;
  @ApiProperty({ nullable: true, type: String })
  reference: string | null;
  @ApiProperty({ nullable: true, type: String })
  documentType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;
  @ApiProperty({ nullable: true, type: Number })
  enteredQuantity: number | null;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', nullable: true, type: String })
  enteredUom: Unit | null;
  @ApiProperty({ nullable: true, type: String })
  note: string | null;
  @ApiProperty({ type: UserRef, nullable: true })
  actor: UserRef | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const MovePage = PageOf(MoveResponse, 'MovePage');
export type MovePage = InstanceType<typeof MovePage>;

export class PostingResponse {
  @ApiProperty({ type: MoveResponse, isArray: true })
  moves: MoveResponse[];
}
