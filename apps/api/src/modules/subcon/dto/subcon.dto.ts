import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GATE_PASS_DIRECTIONS,
  GATE_PASS_STATES,
  UNITS,
  type GatePassDirection,
  type GatePassState,
  type Unit,
} from '@kapok/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageOf, PageQuery } from '../../../core/http/paging.js';
import { PersonRef } from '../../../core/http/refs.dto.js';
import {
  NonNegativeQuantity,
  OptionalText,
  OptionalUuid,
  PositiveQuantity,
  RequiredUuid,
} from '../../warehouse/dto/common.js';

const RequiredText = (max: number, example: string, description: string) =>
  applyDecorators(
    ApiProperty({ maxLength: max, example, description }),
    IsString(),
    MinLength(1),
    MaxLength(max),
  );

export class GatePassQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GATE_PASS_DIRECTIONS, enumName: 'GatePassDirection' })
  @IsOptional()
  @IsIn(GATE_PASS_DIRECTIONS)
  direction?: GatePassDirection;

  @ApiPropertyOptional({ enum: GATE_PASS_STATES, enumName: 'GatePassState' })
  @IsOptional()
  @IsIn(GATE_PASS_STATES)
  state?: GatePassState;

  @OptionalUuid('A SUBCONTRACTOR partner')
  partnerId?: string;

  @OptionalUuid('A SUBCON work order')
  workOrderId?: string;

  @ApiPropertyOptional({ description: 'Part of the pass number, batch number or vehicle number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class GatePassLineRequest {
  @RequiredUuid(
    'OUT: the work order input WIP (cut panels) or a SUBCON material of its order; IN: the work order output WIP',
  )
  productId: string;

  @PositiveQuantity('In the product stock unit; whole units (PCS, …) in whole numbers')
  quantity: number;
}

export class CreateGatePassRequest {
  @ApiProperty({ enum: GATE_PASS_DIRECTIONS, enumName: 'GatePassDirection' })
  @IsIn(GATE_PASS_DIRECTIONS)
  direction: GatePassDirection;

  @RequiredUuid('A SUBCON work order of a running order (started)')
  workOrderId: string;

  @RequiredUuid('A SUBCONTRACTOR partner')
  partnerId: string;

  @RequiredText(20, 'B 9123 KX', 'The vehicle (plate number)')
  vehicleNumber: string;

  @RequiredText(120, 'Slamet', 'The driver')
  driverName: string;

  @OptionalText(60, 'The customs document number (BC 2.6.1 out, BC 2.6.2 in)')
  customsReference?: string;

  @OptionalText(60, "IN: the vendor's delivery note (surat jalan) number — required for IN")
  deliveryNote?: string;

  @OptionalText(1000)
  notes?: string;

  @OptionalUuid(
    'IN: the warehouse rack (WAREHOUSE, not finished goods) the goods are received into; default the first rack',
  )
  receivingLocationId?: string;

  @ApiProperty({ type: GatePassLineRequest, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GatePassLineRequest)
  lines: GatePassLineRequest[];
}

export class CountLineRequest {
  @RequiredUuid('A line of this pass')
  lineId: string;

  @NonNegativeQuantity('What security counted at the gate, in the line unit')
  countedQuantity: number;
}

export class CountGatePassRequest {
  @ApiProperty({ type: CountLineRequest, isArray: true, description: 'Every line of the pass, once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CountLineRequest)
  lines: CountLineRequest[];
}

export class CancelGatePassRequest {
  @RequiredText(500, 'Vehicle did not come', 'Why the pass is cancelled (kept on the audit row)')
  reason: string;
}

export class PartnerRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
}

export class GatePassLineResponse {
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
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
  @ApiProperty({
    enum: ['WIP', 'MATERIAL'],
    description: 'WIP (panels out, sewn goods in) or supporting material',
  })
  kind: 'WIP' | 'MATERIAL';
  @ApiProperty()
  quantity: number;
  @ApiProperty({ type: Number, nullable: true, description: "Security's last count" })
  countedQuantity: number | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'IN: the QUARANTINE lot received',
  })
  lotId: string | null;
}

export class GatePassResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'GPO-20261205-0001' })
  number: string;
  @ApiProperty({ enum: GATE_PASS_DIRECTIONS, enumName: 'GatePassDirection' })
  direction: GatePassDirection;
  @ApiProperty({ enum: GATE_PASS_STATES, enumName: 'GatePassState' })
  state: GatePassState;
  @ApiProperty({ type: PartnerRef })
  partner: PartnerRef;
  @ApiProperty({ format: 'uuid' })
  workOrderId: string;
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The subcontractor's consignment location",
  })
  consignmentLocationId: string | null;
  @ApiProperty()
  vehicleNumber: string;
  @ApiProperty()
  driverName: string;
  @ApiProperty({ example: 'BC 2.6.1' })
  customsDocument: string;
  @ApiProperty({ type: String, nullable: true })
  customsReference: string | null;
  @ApiProperty({ type: String, nullable: true })
  deliveryNote: string | null;
  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'IN: the rack the goods are received into',
  })
  receivingLocationId: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'IN: when the released goods were moved to the SUBCON line (ready for the handover to Finishing)',
  })
  onLineAt: string | null;
  @ApiProperty({ type: GatePassLineResponse, isArray: true })
  lines: GatePassLineResponse[];
  @ApiProperty({ description: 'Lines whose last count differs from the pass' })
  mismatches: number;
  @ApiProperty({ type: PersonRef, nullable: true })
  createdBy: PersonRef | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  countedBy: PersonRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  countedAt: string | null;
  @ApiProperty({ description: 'How many times security counted it' })
  counts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  releasedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'OUT: due back by' })
  dueAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  cancelReason: string | null;
  @ApiProperty({ type: PersonRef, nullable: true })
  cancelledBy: PersonRef | null;
  @ApiProperty()
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const GatePassPage = PageOf(GatePassResponse, 'GatePassPage');

export class SubconProductRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: UNITS, enumName: 'Unit' })
  uom: Unit;
}

export class SubconMaterialResponse extends SubconProductRef {
  @ApiProperty({ description: 'What the order needs of it at SUBCON' })
  quantity: number;
  @ApiProperty({ description: 'Sent out on RELEASED passes' })
  sentQuantity: number;
  @ApiProperty({ description: 'Used by what came back' })
  consumedQuantity: number;
}

export class SubconWorkOrderResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  moId: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ example: 'IN_PROGRESS' })
  state: string;
  @ApiProperty({ type: SubconProductRef, nullable: true, description: 'What goes out (the cut panels)' })
  input: SubconProductRef | null;
  @ApiProperty({
    type: SubconProductRef,
    nullable: true,
    description: 'What comes back (sewn skins or panels)',
  })
  output: SubconProductRef | null;
  @ApiProperty()
  targetQuantity: number;
  @ApiProperty({ description: 'Accepted from Cutting onto the SUBCON line' })
  inputQuantity: number;
  @ApiProperty({ description: 'WIP pieces sent out on RELEASED passes' })
  sentQuantity: number;
  @ApiProperty({ description: 'Pieces come back on RELEASED passes' })
  returnedQuantity: number;
  @ApiProperty({ type: SubconMaterialResponse, isArray: true })
  materials: SubconMaterialResponse[];
}

export class SubconWorkOrderList {
  @ApiProperty({ type: SubconWorkOrderResponse, isArray: true })
  items: SubconWorkOrderResponse[];
  @ApiProperty()
  total: number;
}

export class SubconAlertQuery {
  @ApiPropertyOptional({ enum: ['OPEN', 'RESOLVED'], description: 'Default: OPEN' })
  @IsOptional()
  @IsIn(['OPEN', 'RESOLVED'])
  status?: 'OPEN' | 'RESOLVED';
}

export class SubconAlertResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  gatePassId: string;
  @ApiProperty({ example: 'GPO-20261205-0001' })
  number: string;
  @ApiProperty({ type: PartnerRef })
  partner: PartnerRef;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty({ description: 'WIP pieces of the pass not back when the alert opened' })
  outstandingQuantity: number;
  @ApiProperty()
  agreedDays: number;
  @ApiProperty({ format: 'date-time' })
  dueAt: string;
  @ApiProperty({ enum: ['OPEN', 'RESOLVED'] })
  status: 'OPEN' | 'RESOLVED';
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SubconAlertList {
  @ApiProperty({ type: SubconAlertResponse, isArray: true })
  items: SubconAlertResponse[];
  @ApiProperty()
  total: number;
}
