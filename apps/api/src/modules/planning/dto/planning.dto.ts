import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MRP_DEFAULT_HORIZON_WEEKS,
  MRP_EXCEPTION_REASONS,
  MRP_EXCEPTION_TYPES,
  MRP_MAX_HORIZON_WEEKS,
  MRP_PEG_KINDS,
  MRP_RUN_PHASES,
  MRP_RUN_STATES,
  MRP_SUPPLY_KINDS,
  PLANNED_ORDER_TYPES,
  UNITS,
  type MrpExceptionReason,
  type MrpExceptionType,
  type MrpPegKind,
  type MrpRunPhase,
  type MrpRunState,
  type MrpSupplyKind,
  type PlannedOrderType,
  type Unit,
} from '@kapok/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { UserRef } from '../../../core/http/refs.dto.js';
import { toBoolean } from '../../warehouse/dto/product.dto.js';

export class StartMrpRunRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MRP_MAX_HORIZON_WEEKS, default: MRP_DEFAULT_HORIZON_WEEKS })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MRP_MAX_HORIZON_WEEKS)
  horizonWeeks?: number;
}

export class MrpExceptionResponse {
  @ApiProperty({ enum: MRP_EXCEPTION_TYPES, enumName: 'MrpExceptionType' })
  type: MrpExceptionType;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ example: '2026-W51' })
  week: string;
  @ApiProperty({
    enum: MRP_EXCEPTION_REASONS,
    enumName: 'MrpExceptionReason',
    nullable: true,
    description: 'Why it was raised; null on runs saved before reasons were kept.',
  })
  reason: MrpExceptionReason | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'What the reason names (product code, dates, quantities as decimal text), to word it in any language.',
    example: {
      product: 'ALB40011',
      date: '2026-12-07',
      leadDays: '14',
      orderBy: '2026-11-17',
      arrives: '2026-12-25',
    },
  })
  params: Record<string, string>;
  @ApiProperty({ description: 'The same in English.' })
  message: string;
}

export class MrpRunErrorResponse {
  @ApiProperty({ example: 'INTERNAL_ERROR' })
  code: string;
  @ApiProperty()
  message: string;
}

export class MrpRunResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
  @ApiProperty({
    enum: MRP_RUN_STATES,
    enumName: 'MrpRunState',
    description: 'RUNNING after a 202 answer until the plan is saved (FINISHED) or the run fails (FAILED)',
  })
  state: MrpRunState;
  @ApiProperty({
    enum: MRP_RUN_PHASES,
    enumName: 'MrpRunPhase',
    nullable: true,
    description: 'While RUNNING: the phase of its latest progress event',
  })
  phase: MrpRunPhase | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'While RUNNING: 0–100 from its latest progress event',
  })
  percent: number | null;
  @ApiProperty({ type: MrpRunErrorResponse, nullable: true, description: 'Why a FAILED run stopped' })
  error: MrpRunErrorResponse | null;
  @ApiProperty({ format: 'date-time' })
  startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while RUNNING' })
  finishedAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the inputs were read (one snapshot)' })
  asOf: string;
  @ApiProperty({ format: 'date', description: 'The factory day (Asia/Jakarta) planned from' })
  today: string;
  @ApiProperty()
  horizonWeeks: number;
  @ApiProperty({ type: String, isArray: true, example: ['2026-W50', '2026-W51'] })
  weeks: string[];
  @ApiProperty()
  makeCount: number;
  @ApiProperty()
  buyCount: number;
  @ApiProperty()
  exceptionCount: number;
  @ApiProperty({ description: 'Products in the time-phased grid' })
  productCount: number;
  @ApiProperty({ description: 'The latest run: the only one whose planned orders can be released' })
  latest: boolean;
  @ApiProperty({ type: UserRef, nullable: true })
  createdBy: UserRef | null;
  @ApiProperty({ type: MrpExceptionResponse, isArray: true, description: 'Empty for a replaced run' })
  exceptions: MrpExceptionResponse[];
}

export class MrpPegResponse {
  @ApiProperty({ enum: MRP_PEG_KINDS, enumName: 'MrpPegKind' })
  kind: MrpPegKind;
  @ApiProperty({ type: String, nullable: true, description: 'Sales-order line, MO or planned-order key' })
  refId: string | null;
  @ApiProperty()
  label: string;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ format: 'date' })
  date: string;
}

export class MrpSupplyResponse {
  @ApiProperty({ enum: MRP_SUPPLY_KINDS, enumName: 'MrpSupplyKind' })
  kind: MrpSupplyKind;
  @ApiProperty({ type: String, nullable: true })
  refId: string | null;
  @ApiProperty()
  label: string;
  @ApiProperty()
  quantity: number;
}

export class PlannedOrderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  runId: string;
  @ApiProperty({ example: 'P12', description: 'Pegs of component orders name it' })
  key: string;
  @ApiProperty({ enum: PLANNED_ORDER_TYPES, enumName: 'PlannedOrderType' })
  type: PlannedOrderType;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ description: 'In the stock unit' })
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ type: Number, nullable: true, description: 'BUY: in the purchase unit' })
  purchaseQuantity: number | null;
  @ApiProperty({ enum: UNITS, enumName: 'Unit', nullable: true })
  purchaseUom: Unit | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  supplierId: string | null;
  @ApiProperty({ type: String, nullable: true })
  supplierName: string | null;
  @ApiProperty({ format: 'date', description: 'MAKE: start; BUY: order-by' })
  startDate: string;
  @ApiProperty({ format: 'date' })
  dueDate: string;
  @ApiProperty({ example: '2026-W51' })
  week: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  salesOrderLineId: string | null;
  @ApiProperty({ type: String, nullable: true })
  destination: string | null;
  @ApiProperty({ type: String, nullable: true })
  deliveryWeek: string | null;
  @ApiProperty()
  late: boolean;
  @ApiProperty({ type: MrpPegResponse, isArray: true })
  pegs: MrpPegResponse[];
  @ApiProperty()
  released: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  releasedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The DRAFT MO or PO it became' })
  releasedDocumentId: string | null;
  @ApiProperty({ type: String, nullable: true })
  releasedDocumentNumber: string | null;
}

export const PlannedOrderPage = PageOf(PlannedOrderResponse, 'PlannedOrderPage');
export type PlannedOrderPage = InstanceType<typeof PlannedOrderPage>;

export class PlannedOrderQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLANNED_ORDER_TYPES, enumName: 'PlannedOrderType' })
  @IsOptional()
  @IsIn(PLANNED_ORDER_TYPES)
  type?: PlannedOrderType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  productId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  released?: boolean;

  @ApiPropertyOptional({ description: 'Only orders that start (MAKE) or must be ordered (BUY) late' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  late?: boolean;
}

export class GridQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  productId: string;
}

export class MrpGridBucketResponse {
  @ApiProperty({ example: '2026-W51' })
  week: string;
  @ApiProperty({ format: 'date', description: 'Monday of the week' })
  start: string;
  @ApiProperty()
  grossDemand: number;
  @ApiProperty()
  scheduledReceipts: number;
  @ApiProperty()
  plannedReceipts: number;
  @ApiProperty()
  projectedOnHand: number;
  @ApiProperty({ type: MrpPegResponse, isArray: true, description: 'What the demand serves' })
  demand: MrpPegResponse[];
  @ApiProperty({ type: MrpSupplyResponse, isArray: true, description: 'Open MOs and PO lines due this week' })
  supply: MrpSupplyResponse[];
}

export class MrpGridResponse {
  @ApiProperty({ format: 'uuid' })
  runId: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({ description: '0 = no parent; components are planned after every parent' })
  lowLevelCode: number;
  @ApiProperty()
  safetyStock: number;
  @ApiProperty({ description: 'Free stock when the run started' })
  onHand: number;
  @ApiProperty({ type: MrpGridBucketResponse, isArray: true })
  buckets: MrpGridBucketResponse[];
  @ApiProperty({ type: PlannedOrderResponse, isArray: true })
  plannedOrders: PlannedOrderResponse[];
}

export class ReleasePlannedOrdersRequest {
  @ApiProperty({ type: String, format: 'uuid', isArray: true, minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  @Type(() => String)
  plannedOrderIds: string[];
}

export class ReleasedMoResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ format: 'uuid' })
  plannedOrderId: string;
}

export class ReleasedPoResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  number: string;
  @ApiProperty({ format: 'uuid' })
  supplierId: string;
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  plannedOrderIds: string[];
}

export class ReleaseResponse {
  @ApiProperty({ type: ReleasedMoResponse, isArray: true })
  manufacturingOrders: ReleasedMoResponse[];
  @ApiProperty({ type: ReleasedPoResponse, isArray: true })
  purchaseOrders: ReleasedPoResponse[];
}
