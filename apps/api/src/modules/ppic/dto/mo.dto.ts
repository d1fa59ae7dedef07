import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENTS,
  MO_ACTIONS,
  MO_STATES,
  ROUTES,
  UNITS,
  type Department,
  type MoAction,
  type MoState,
  type Route,
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
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SyncPageQuery } from '../../../core/http/list-sync.js';
import { PageOf } from '../../../core/http/paging.js';
import { MO_SYNC } from '../ppic.sql.js';
import { OptionalText, OptionalUuid, PositiveQuantity, RequiredUuid } from '../../warehouse/dto/common.js';
import { toBoolean } from '../../warehouse/dto/product.dto.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import { DateInRange } from '../../../core/http/validators.js';

const ROUTE_NAMES = Object.keys(ROUTES) as Route[];

export class CreateMoRequest {
  @RequiredUuid('A WIP or finished good with an active BOM')
  productId: string;

  @PositiveQuantity('Pieces to make')
  plannedQuantity: number;

  @ApiProperty({ enum: ROUTE_NAMES, enumName: 'Route' })
  @IsIn(ROUTE_NAMES)
  route: Route;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-18' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @DateInRange()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date like 2026-12-18' })
  dueDate?: string;

  @ApiPropertyOptional({ example: '05-2026', description: 'Production week WW-YYYY' })
  @IsOptional()
  @Matches(/^(0[1-9]|[1-4]\d|5[0-3])-\d{4}$/, { message: 'week must look like 05-2026' })
  week?: string;

  @OptionalText(60, 'Buyer destination, e.g. Belgium / EU')
  destination?: string;

  @OptionalUuid('The sales-order line this MO makes (pegging)')
  salesOrderLineId?: string;

  @OptionalText(500)
  notes?: string;
}

/** The whole plan again (PUT), with the version it was read at. */
export class UpdateMoRequest extends CreateMoRequest {
  @ApiProperty({ description: 'The version read; a different current version answers 409 STALE_VERSION' })
  @IsInt()
  @Min(0)
  version: number;
}

export class ReturnMoRequest {
  @ApiProperty({ example: 'Quantity must follow the revised buyer forecast' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class MoQuery extends SyncPageQuery(Object.keys(MO_SYNC.sort), '-createdAt') {
  @ApiPropertyOptional({ enum: MO_STATES, enumName: 'MoState' })
  @IsOptional()
  @IsIn(MO_STATES)
  state?: MoState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  productId?: string;

  @ApiPropertyOptional({ enum: ROUTE_NAMES, enumName: 'Route' })
  @IsOptional()
  @IsIn(ROUTE_NAMES)
  route?: Route;

  @ApiPropertyOptional({ description: 'Part of the batch number, product code or name, week or destination' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ description: 'Only orders past their due date and not finished' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  late?: boolean;
}

export class NotesRequest {
  @OptionalText(500)
  notes?: string;
}

export class CompleteMoRequest {
  @PositiveQuantity('Good pieces actually made')
  actualQuantity: number;

  @OptionalText(500)
  qualityNotes?: string;
}

export class CancelMoRequest {
  @ApiProperty({ example: 'Buyer moved the order to week 07' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class BatchRequest {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];

  @ApiPropertyOptional({
    default: true,
    description: 'All or nothing (409 naming the first failing id), or a result per id',
  })
  @IsOptional()
  @IsBoolean()
  atomic?: boolean;

  @OptionalText(500, 'approve / start')
  notes?: string;

  @OptionalText(500, 'cancel: required')
  reason?: string;

  @ApiPropertyOptional({
    description: 'complete: good pieces per order; default each order completes at its plan',
  })
  @IsOptional()
  @Type(() => Number)
  actualQuantity?: number;

  @OptionalText(500, 'complete')
  qualityNotes?: string;
}

export class BatchError {
  @ApiProperty()
  code: string;
  @ApiProperty()
  message: string;
}

export class BatchItemResult {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  ok: boolean;
  @ApiPropertyOptional({ enum: MO_STATES, enumName: 'MoState' })
  state?: MoState;
  @ApiPropertyOptional({ type: BatchError })
  error?: BatchError;
}

export class BatchResponse {
  @ApiProperty({ type: BatchItemResult, isArray: true })
  results: BatchItemResult[];
}

export class MoResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'MO-20261126-001' })
  batchNumber: string;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  plannedQuantity: number;
  @ApiProperty({ enum: ROUTE_NAMES, enumName: 'Route' })
  route: Route;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate: string | null;
  @ApiProperty({ nullable: true, type: String })
  week: string | null;
  @ApiProperty({ nullable: true, type: String })
  destination: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The sales-order line it is pegged to',
  })
  salesOrderLineId: string | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ enum: MO_STATES, enumName: 'MoState' })
  state: MoState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  bomId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The BOM revision frozen at approval' })
  bomRevision: number | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  createdBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  approvedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  approveNotes: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  startedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  startNotes: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  completedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  qualityNotes: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  cancelledBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  cancelReason: string | null;
  @ApiProperty({ nullable: true, type: Number })
  producedQuantity: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '(produced − planned) / planned × 100' })
  variancePercent: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set when the variance is above 10%' })
  varianceWarning: string | null;
  @ApiProperty({ description: 'Past the due date and not finished' })
  late: boolean;
  @ApiProperty({ enum: MO_ACTIONS, isArray: true, description: 'What the signed-in user may do now' })
  actions: MoAction[];
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const MoPage = PageOf(MoResponse, 'MoPage');
export type MoPage = InstanceType<typeof MoPage>;

export class MoMaterialResponse {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ description: 'For the plan, stock unit' })
  quantity: number;
  @ApiProperty()
  consumedQuantity: number;
  @ApiProperty({ description: 'Held for the order right now' })
  reservedQuantity: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'While APPROVED: free stock at the warehouse racks now (null in other states)',
  })
  available: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'While APPROVED: what is still missing to start (0 when covered; null in other states)',
  })
  shortage: number | null;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
}

export class WorkOrderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty()
  sequence: number;
  @ApiProperty({ enum: ['PENDING', 'READY', 'IN_PROGRESS', 'DONE', 'CANCELLED'], enumName: 'WorkOrderState' })
  state: 'PENDING' | 'READY' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  outputProductId: string | null;
  @ApiProperty({ nullable: true, type: String })
  outputProductCode: string | null;
  @ApiProperty()
  targetQuantity: number;
  @ApiProperty({ description: 'Accepted from the previous department' })
  inputQuantity: number;
  @ApiProperty()
  goodQuantity: number;
  @ApiProperty()
  rejectedQuantity: number;
  @ApiProperty()
  handedOverQuantity: number;
  @ApiProperty({ description: 'Good pieces not handed over yet' })
  availableToHandOver: number;
  @ApiProperty({ description: 'Sent by the previous department, not accepted yet' })
  incomingQuantity: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readyAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  endedAt: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  operator: PersonRef | null;
  @ApiProperty({ enum: ['start', 'output', 'handover'], isArray: true })
  actions: Array<'start' | 'output' | 'handover'>;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class TimelineEntry {
  @ApiProperty({ example: 'approved' })
  event: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ type: PersonRef, nullable: true })
  actor: PersonRef | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
}

/** The sales-order line an MO is pegged to, as its page links it. */
export class MoSalesOrderLineRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  salesOrderId: string;
  @ApiProperty({ example: 'SO-20261204-0001' })
  salesOrderNumber: string;
  @ApiProperty({ example: 1 })
  lineNo: number;
  @ApiProperty({ example: 1200, description: 'Pieces' })
  quantity: number;
  @ApiProperty({ example: '2027-W03' })
  deliveryWeek: string;
  @ApiProperty({ example: 'EU' })
  destination: string;
  @ApiProperty({ example: '2026-12-28' })
  exFactoryDate: string;
}

export class MoDetailResponse extends MoResponse {
  @ApiProperty({ type: MoSalesOrderLineRef, nullable: true, description: 'The sales-order line it serves' })
  salesOrderLine: MoSalesOrderLineRef | null;
  @ApiProperty({ type: WorkOrderResponse, isArray: true })
  workOrders: WorkOrderResponse[];
  @ApiProperty({ type: MoMaterialResponse, isArray: true })
  materials: MoMaterialResponse[];
  @ApiProperty({ type: TimelineEntry, isArray: true })
  timeline: TimelineEntry[];
}
