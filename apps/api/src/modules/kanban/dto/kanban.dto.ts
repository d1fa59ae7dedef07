import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEPARTMENTS,
  KANBAN_STATUSES,
  PRIORITIES,
  UNITS,
  type Department,
  type KanbanAction,
  type KanbanStatus,
  type Priority,
  type Unit,
} from '@kapok/contracts';
import {
  IsBoolean,
  IsIn,
  IsNumber,
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
import { PersonRef } from '../../../core/http/refs.dto.js';
import { BoundedDate } from '../../../core/http/validators.js';

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

export class ApproveCardRequest {
  @OptionalText(300)
  notes?: string;
}

export class RejectCardRequest {
  @ApiProperty({ example: 'Use the cartons already on the line first' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  reason: string;
}

export class ShipCardRequest {}

export class CancelCardRequest {}

export class ReceiveCardRequest {
  @ApiPropertyOptional({
    description: 'What arrived, in the stock unit; default everything shipped. Less records a short receipt.',
  })
  @IsOptional()
  @NonNegativeQuantity()
  receivedQuantity?: number;
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
