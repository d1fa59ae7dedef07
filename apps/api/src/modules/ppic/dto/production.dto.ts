import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENTS, WORK_ORDER_STATES, type Department, type WorkOrderState } from '@kapok/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { NonNegativeQuantity, OptionalText, PositiveQuantity } from '../../warehouse/dto/common.js';
import { WorkOrderResponse } from './mo.dto.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import { SyncQuery } from '../../../core/http/list-sync.js';
import { WORK_ORDER_SYNC } from '../ppic.sql.js';

/** Unpaged: an order has one work order per department of its route. */
export class WorkOrderQuery extends SyncQuery(
  Object.keys(WORK_ORDER_SYNC.sort),
  'batchNumber, then sequence',
) {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  moId?: string;

  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ enum: WORK_ORDER_STATES, enumName: 'WorkOrderState' })
  @IsOptional()
  @IsIn(WORK_ORDER_STATES)
  state?: WorkOrderState;
}

export class WorkOrderList {
  @ApiProperty({ type: WorkOrderResponse, isArray: true })
  items: WorkOrderResponse[];
  @ApiProperty()
  total: number;
}

export class OutputRequest {
  @NonNegativeQuantity('Good pieces in this output')
  goodQuantity: number;

  @ApiPropertyOptional({ description: 'Rejected pieces in this output' })
  @IsOptional()
  @NonNegativeQuantity()
  rejectedQuantity?: number;

  @OptionalText(300, 'Required when there are rejects')
  rejectReason?: string;
}

export class HandoverRequest {
  @PositiveQuantity('Good pieces sent to the next department')
  quantity: number;
}

export class AcceptHandoverRequest {
  @NonNegativeQuantity('What the receiving department counted')
  receivedQuantity: number;
}

export class HandoverQuery {
  @ApiPropertyOptional({ enum: DEPARTMENTS, enumName: 'Department', description: 'Receiving department' })
  @IsOptional()
  @IsIn(DEPARTMENTS)
  department?: Department;

  @ApiPropertyOptional({ enum: ['PENDING', 'ACCEPTED'] })
  @IsOptional()
  @IsIn(['PENDING', 'ACCEPTED'])
  state?: 'PENDING' | 'ACCEPTED';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  moId?: string;
}

export class HandoverResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'HO-20261126-0001' })
  number: string;
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ format: 'uuid' })
  fromWorkOrderId: string;
  @ApiProperty({ format: 'uuid' })
  toWorkOrderId: string;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  fromDepartment: Department;
  @ApiProperty({ enum: DEPARTMENTS, enumName: 'Department' })
  toDepartment: Department;
  @ApiProperty({ nullable: true, type: String })
  productCode: string | null;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ nullable: true, type: Number })
  receivedQuantity: number | null;
  @ApiProperty({ enum: ['PENDING', 'ACCEPTED'] })
  state: 'PENDING' | 'ACCEPTED';
  @ApiProperty({ nullable: true, type: Number, description: '(received − sent) / sent × 100' })
  differencePercent: number | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  sentBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  acceptedBy: PersonRef | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acceptedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class HandoverList {
  @ApiProperty({ type: HandoverResponse, isArray: true })
  items: HandoverResponse[];
  @ApiProperty()
  total: number;
}
