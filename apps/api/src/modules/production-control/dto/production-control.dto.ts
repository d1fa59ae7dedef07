import { ApiProperty } from '@nestjs/swagger';
import {
  CLEARANCE_METHODS,
  DEPARTMENTS,
  ESCALATION_RECIPIENTS,
  HANDOVER_CHECK_RESULTS,
  LINE_BLOCK_STATES,
  LINE_STATUSES,
  MO_STATES,
  SEGREGATION_ALARM_STATES,
  SEGREGATION_REASONS,
  UNITS,
  type ClearanceMethod,
  type Department,
  type EscalationRecipient,
  type HandoverCheckResult,
  type LineBlockState,
  type LineStatus,
  type MoState,
  type SegregationAlarmState,
  type SegregationReason,
  type Unit,
} from '@kapok/contracts';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PersonRef } from '../../../core/http/refs.dto.js';

export class LineItemResponse {
  @ApiProperty({ format: 'uuid' })
  productId: string;
  @ApiProperty()
  productCode: string;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
}

/** One order's WIP on a line. */
export class LineBatchResponse {
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ enum: MO_STATES, enumName: 'MoState' })
  moState: MoState;
  @ApiProperty({ format: 'uuid' })
  articleId: string;
  @ApiProperty()
  articleCode: string;
  @ApiProperty()
  articleName: string;
  @ApiProperty({ nullable: true, type: String })
  destination: string | null;
  @ApiProperty({ nullable: true, type: String })
  week: string | null;
  @ApiProperty({ description: 'Pieces of every WIP stage of the order on the line' })
  quantity: number;
  @ApiProperty({ type: LineItemResponse, isArray: true })
  items: LineItemResponse[];
}

/** A batch on a line as a block or alarm recorded it. */
export class OnLineSnapshotResponse {
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty()
  articleCode: string;
  @ApiProperty({ nullable: true, type: String })
  destination: string | null;
  @ApiProperty({ nullable: true, type: String })
  week: string | null;
  @ApiProperty()
  quantity: number;
}

export class EscalationStepResponse {
  @ApiProperty()
  step: number;
  @ApiProperty({ enum: ESCALATION_RECIPIENTS, enumName: 'EscalationRecipient' })
  recipient: EscalationRecipient;
  @ApiProperty({ format: 'date-time' })
  firedAt: string;
}

export class LineBlockResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', description: 'The receiving line' })
  department: Department;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  fromDepartment: Department;
  @ApiProperty({ format: 'uuid' })
  fromWorkOrderId: string;
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ type: OnLineSnapshotResponse, isArray: true, description: 'What blocked the line' })
  onLine: OnLineSnapshotResponse[];
  @ApiProperty({ enum: LINE_BLOCK_STATES, enumName: 'LineBlockState' })
  state: LineBlockState;
  @ApiProperty({ description: 'Refused sends so far' })
  attempts: number;
  @ApiProperty({
    description: 'The orders that blocked it have left the line: the sender may hand over again',
  })
  lineCleared: boolean;
  @ApiProperty({ type: PersonRef, nullable: true })
  sentBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  resolvedBy: PersonRef | null;
  @ApiProperty({ nullable: true, type: String })
  overrideReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  handoverId: string | null;
  @ApiProperty({ type: EscalationStepResponse, isArray: true })
  escalations: EscalationStepResponse[];
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  lastAttemptAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  resolvedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SegregationAlarmResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  handoverId: string;
  @ApiProperty()
  handoverNumber: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department', description: 'The receiving line' })
  department: Department;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  fromDepartment: Department;
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ nullable: true, type: String, description: 'Of the incoming batch' })
  destination: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Of the incoming batch' })
  week: string | null;
  @ApiProperty({ enum: SEGREGATION_REASONS, enumName: 'SegregationReason', isArray: true })
  reasons: SegregationReason[];
  @ApiProperty({ type: OnLineSnapshotResponse, isArray: true, description: 'What the line was running' })
  onLine: OnLineSnapshotResponse[];
  @ApiProperty({ enum: SEGREGATION_ALARM_STATES, enumName: 'SegregationAlarmState' })
  state: SegregationAlarmState;
  @ApiProperty({ enum: CLEARANCE_METHODS, enumName: 'ClearanceMethod', nullable: true })
  method: ClearanceMethod | null;
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  raisedBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  acknowledgedBy: PersonRef | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  acknowledgedAt: string | null;
  @ApiProperty({ type: EscalationStepResponse, isArray: true })
  escalations: EscalationStepResponse[];
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** One department line: what is on it and whether it is clear. */
export class LineResponse {
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty({ example: 'LINE-SEWING' })
  locationCode: string;
  @ApiProperty({
    enum: LINE_STATUSES,
    enumName: 'LineStatus',
    description:
      'BLOCKED: a refused handover waits; ALARM: a segregation to acknowledge; OCCUPIED: WIP on it',
  })
  status: LineStatus;
  @ApiProperty({ type: LineBatchResponse, isArray: true })
  batches: LineBatchResponse[];
  @ApiProperty({
    type: LineBlockResponse,
    isArray: true,
    description: 'Open blocks of handovers to this line',
  })
  blocks: LineBlockResponse[];
  @ApiProperty({ type: SegregationAlarmResponse, isArray: true, description: 'Open alarms on this line' })
  alarms: SegregationAlarmResponse[];
}

export class LineList {
  @ApiProperty({ type: LineResponse, isArray: true })
  items: LineResponse[];
}

export class SegregatingBatchResponse extends LineBatchResponse {
  @ApiProperty({ enum: SEGREGATION_REASONS, enumName: 'SegregationReason', isArray: true })
  reasons: SegregationReason[];
}

/** What a handover from this work order would meet on the receiving line, before it is sent. */
export class HandoverCheckResponse {
  @ApiProperty({ enum: HANDOVER_CHECK_RESULTS, enumName: 'HandoverCheckResult' })
  result: HandoverCheckResult;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  toDepartment: Department;
  @ApiProperty({ type: LineResponse })
  line: LineResponse;
  @ApiProperty({ type: LineBatchResponse, isArray: true, description: 'Batches of another article: refused' })
  blocking: LineBatchResponse[];
  @ApiProperty({
    type: SegregatingBatchResponse,
    isArray: true,
    description: 'Same article, other destination/week',
  })
  segregating: SegregatingBatchResponse[];
  @ApiProperty({ description: 'A supervisor overrode the block: the next handover goes through' })
  overridden: boolean;
}

export class OverrideBlockRequest {
  @ApiProperty({ description: 'Why the handover may come onto the line despite the block', maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class AcknowledgeAlarmRequest {
  @ApiProperty({ enum: CLEARANCE_METHODS, enumName: 'ClearanceMethod' })
  @IsIn(CLEARANCE_METHODS)
  method: ClearanceMethod;

  @ApiProperty({ description: 'What was done (gap, stop, inspection findings)', maxLength: 500 })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  notes: string;
}

export class ScrapLineWipRequest {
  @ApiProperty({ format: 'uuid', description: 'The order whose WIP on the line is scrapped' })
  @IsUUID('all')
  moId: string;

  @ApiProperty({ description: 'Why the pieces are scrapped', maxLength: 300 })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  reason: string;
}

export class EscalationResponse extends EscalationStepResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ['line_block', 'segregation_alarm'] })
  subjectType: 'line_block' | 'segregation_alarm';
  @ApiProperty({ format: 'uuid' })
  subjectId: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  department: Department;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ description: 'The block or alarm is still open' })
  open: boolean;
}

/** The shop-floor alerts: open blocks and alarms, and the escalations that fired. */
export class LineAlertsResponse {
  @ApiProperty({ type: LineBlockResponse, isArray: true })
  blocks: LineBlockResponse[];
  @ApiProperty({ type: SegregationAlarmResponse, isArray: true })
  alarms: SegregationAlarmResponse[];
  @ApiProperty({ type: EscalationResponse, isArray: true })
  escalations: EscalationResponse[];
}
