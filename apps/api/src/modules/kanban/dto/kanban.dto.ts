import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENTS,
  KANBAN_REMAINDER,
  KANBAN_STATUSES,
  PRIORITIES,
  UNITS,
  type Department,
  type KanbanAction,
  type KanbanRemainder,
  type KanbanStatus,
  type Priority,
  type Unit,
} from '@kapok/contracts';
import { applyDecorators } from '@nestjs/common';
import {
  IsBoolean,
  IsIn,
  IsNumber,
  IsPositive,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  NonNegativeQuantity,
  OptionalText,
  OptionalUuid,
  PositiveQuantity,
  RequiredUuid,
} from '../../warehouse/dto/common.js';
import { SyncPageQuery } from '../../../core/http/list-sync.js';
import { PageOf } from '../../../core/http/paging.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import { CARD_SYNC } from '../kanban.sql.js';
import { BoundedDate, MaxDecimals } from '../../../core/http/validators.js';

export const KANBAN_ACTIONS: KanbanAction[] = ['approve', 'reject', 'ship', 'receive', 'cancel'];

export class CreateCardRequest {
  @RequiredUuid()
  productId: string;

  @PositiveQuantity("In the product's stock unit")
  quantity: number;

  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'Priority', default: 'NORMAL' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @BoundedDate()
  neededBy?: Date;

  @OptionalText(300, 'Why the line needs it')
  reason?: string;

  @OptionalUuid('The work order the material is for')
  workOrderId?: string;

  @OptionalUuid('Warehouse rack to take it from; default any rack, oldest lot first')
  sourceLocationId?: string;
}

export class BoardQuery {
  @ApiPropertyOptional({ enum: KANBAN_STATUSES, enumName: 'KanbanStatus' })
  @IsOptional()
  @IsIn(KANBAN_STATUSES)
  status?: KanbanStatus;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;
}

/** An optional quantity > 0 with at most 4 decimals. */
const OptionalQuantity = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, exclusiveMinimum: true, minimum: 0, description }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
    MaxDecimals(4),
    IsPositive(),
    Max(99_999_999_999_999),
  );

export class ApproveCardRequest {
  @OptionalText(300)
  notes?: string;

  @OptionalQuantity(
    'What is granted, in the stock unit; default everything requested. Less needs `remainder`.',
  )
  quantity?: number;

  @ApiPropertyOptional({
    enum: KANBAN_REMAINDER,
    enumName: 'KanbanRemainder',
    description: 'A partial approval: REQUEST keeps the rest requested on a new card, REJECT refuses it',
  })
  @IsOptional()
  @IsIn(KANBAN_REMAINDER)
  remainder?: KanbanRemainder;

  @ApiPropertyOptional({ maxLength: 300, description: 'Required with remainder REJECT' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  remainderReason?: string;
}

export class RejectCardRequest {
  @ApiProperty({ example: 'Use the cartons already on the line first' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  reason: string;
}

export class ShipCardRequest {
  @OptionalQuantity('What leaves, in the stock unit; default everything approved. The rest is released.')
  quantity?: number;

  @OptionalUuid('The rack it leaves from; default where it was reserved')
  locationId?: string;

  @OptionalUuid('The lot it leaves in; default oldest first (FIFO). Another lot must be free.')
  lotId?: string;
}

export class CancelCardRequest {}

export class ReceiveCardRequest {
  @ApiPropertyOptional({
    description: 'What arrived, in the stock unit; default everything shipped. Less records a short receipt.',
  })
  @IsOptional()
  @NonNegativeQuantity()
  receivedQuantity?: number;

  @ApiPropertyOptional({ maxLength: 300, description: 'Required when less arrived than was shipped' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  shortReason?: string;
}

export class PositionRequest {
  @ApiProperty({ description: 'Order within the column; see positionBetween in @kapok/contracts' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(1e15)
  position: number;
}

export class CardResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'KB-20261126-0001' })
  number: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ type: PersonRef, nullable: true })
  requestedBy: PersonRef | null;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ enum: PRIORITIES, enumName: 'Priority' })
  priority: Priority;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  neededBy: string | null;
  @ApiProperty({ nullable: true, type: String })
  reason: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  workOrderId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  sourceLocationId: string | null;
  @ApiProperty({ nullable: true, type: String })
  sourceLocationCode: string | null;
  @ApiProperty({ enum: KANBAN_STATUSES, enumName: 'KanbanStatus' })
  status: KanbanStatus;
  @ApiProperty()
  position: number;
  @ApiProperty({ description: 'Made by a replenishment rule' })
  automatic: boolean;
  @ApiProperty({ type: PersonRef, nullable: true })
  approvedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  approvedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  approveNotes: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  rejectedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  rejectedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  rejectReason: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'What the approver granted of `quantity`' })
  approvedQuantity: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the part not granted was rejected' })
  remainderReason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The card this one was split off by a partial approval',
  })
  splitFromId: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  shippedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  shippedAt: string | null;
  @ApiProperty({ nullable: true, type: Number })
  shippedQuantity: number | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  receivedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  receivedAt: string | null;
  @ApiProperty({ nullable: true, type: Number })
  receivedQuantity: number | null;
  @ApiProperty({
    description: 'Shipped minus received, returned to the warehouse',
    nullable: true,
    type: Number,
  })
  shortQuantity: number | null;
  @ApiProperty({ nullable: true, type: String })
  shortReason: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  cancelledBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  cancelledAt: string | null;
  @ApiProperty({
    enum: KANBAN_ACTIONS,
    isArray: true,
    description: 'What the signed-in user may do with the card now',
  })
  actions: KanbanAction[];
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const CardPage = PageOf(CardResponse, 'CardPage');
export type CardPage = InstanceType<typeof CardPage>;

/** The card history: every card, closed ones too, paged; other programs sync from it. */
export class CardQuery extends SyncPageQuery(Object.keys(CARD_SYNC.sort), '-createdAt') {
  @ApiPropertyOptional({ enum: KANBAN_STATUSES, enumName: 'KanbanStatus' })
  @IsOptional()
  @IsIn(KANBAN_STATUSES)
  status?: KanbanStatus;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @OptionalUuid()
  productId?: string;
}

export class CardStockRow {
  @ApiProperty({ format: 'uuid' })
  locationId: string;
  @ApiProperty()
  locationCode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  lotId: string | null;
  @ApiProperty({ nullable: true, type: String })
  lotNumber: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  receivedAt: string | null;
  @ApiProperty()
  onHand: number;
  @ApiProperty({ description: 'Free to this card: free stock plus what the card itself holds' })
  free: number;
  @ApiProperty({ description: 'Reserved for this card' })
  held: number;
}

export class CardStockResponse {
  @ApiProperty({ format: 'uuid' })
  cardId: string;
  @ApiProperty({
    type: CardStockRow,
    isArray: true,
    description: 'Per rack and lot, oldest lot first (FIFO)',
  })
  items: CardStockRow[];
  @ApiProperty({ description: 'Free to this card over every rack listed' })
  totalFree: number;
  @ApiProperty({
    type: CardStockRow,
    nullable: true,
    description: 'What FIFO takes first: the oldest lot the card holds, else the oldest free one',
  })
  suggested: CardStockRow | null;
}

export class BoardResponse {
  @ApiProperty({
    type: CardResponse,
    isArray: true,
    description: 'Open cards and the cards closed in the last 7 days, in board order',
  })
  items: CardResponse[];
  @ApiProperty()
  total: number;
}

export class RuleQuery {
  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  productId?: string;
}

export class SetRuleRequest {
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsIn(DEPARTMENTS)
  department: Department;

  @RequiredUuid()
  productId: string;

  @NonNegativeQuantity('Below this on the line (counting open cards) a card is made')
  reorderPoint: number;

  @PositiveQuantity('How much one automatic card asks for')
  orderQuantity: number;

  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'Priority', default: 'NORMAL' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class RuleResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  productName: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty()
  reorderPoint: number;
  @ApiProperty()
  orderQuantity: number;
  @ApiProperty({ enum: PRIORITIES, enumName: 'Priority' })
  priority: Priority;
  @ApiProperty()
  active: boolean;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class RuleList {
  @ApiProperty({ type: RuleResponse, isArray: true })
  items: RuleResponse[];
  @ApiProperty()
  total: number;
}
