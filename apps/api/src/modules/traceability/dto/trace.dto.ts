import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const TRACE_DIRECTIONS = ['backward', 'forward'] as const;
export type TraceDirectionValue = (typeof TRACE_DIRECTIONS)[number];

export class TraceQuery {
  @ApiPropertyOptional({ enum: TRACE_DIRECTIONS, default: 'backward' })
  @IsOptional()
  @IsIn(TRACE_DIRECTIONS)
  direction?: TraceDirectionValue;
}

export class TracePartner {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
}

export class TraceProduct {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  code: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  type: string;
  @ApiProperty()
  uom: string;
}

/** A goods receipt into a lot: GRN, purchase order and supplier. */
export class TraceReceipt {
  @ApiProperty({
    description: 'goods_receipt, or the document type of a manual receipt',
    nullable: true,
    type: String,
  })
  documentType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;
  @ApiProperty({ description: 'The GRN number or the receipt reference', nullable: true, type: String })
  reference: string | null;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  purchaseOrderId: string | null;
  @ApiProperty({ nullable: true, type: String })
  poNumber: string | null;
  @ApiProperty({ type: TracePartner, nullable: true })
  supplier: TracePartner | null;
}

/** Goods of a lot that left to a customer location. */
export class TraceDispatch {
  @ApiProperty({ nullable: true, type: String })
  documentType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  documentId: string | null;
  @ApiProperty({ nullable: true, type: String })
  reference: string | null;
  @ApiProperty()
  quantity: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty()
  locationCode: string;
}

export class TraceWorkOrder {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  department: string;
  @ApiProperty()
  sequence: number;
}

/** The MO behind a production batch. */
export class TraceOrder {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  batchNumber: string;
  @ApiProperty()
  state: string;
  @ApiProperty({ type: TraceProduct, nullable: true })
  product: TraceProduct | null;
  @ApiProperty()
  plannedQuantity: number;
  @ApiProperty({ nullable: true, type: Number })
  producedQuantity: number | null;
  @ApiProperty({ nullable: true, type: String })
  week: string | null;
  @ApiProperty({ nullable: true, type: String })
  destination: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The sales order the MO makes' })
  soNumber: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  salesOrderId: string | null;
  @ApiProperty({ type: TracePartner, nullable: true })
  customer: TracePartner | null;
}

export class TraceLot {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  lotNumber: string;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
  @ApiProperty({ type: TraceProduct })
  product: TraceProduct;
  @ApiProperty({ description: 'On hand now over every internal location, stock unit' })
  onHand: number;
  @ApiProperty({ type: TracePartner, nullable: true })
  supplier: TracePartner | null;
  @ApiProperty({ type: [TraceReceipt] })
  receipts: TraceReceipt[];
  @ApiProperty({ type: [TraceDispatch] })
  dispatches: TraceDispatch[];
}

/** A node of the trace tree: a lot, or a production batch between lots. */
export class TraceNode {
  @ApiProperty({ enum: ['lot', 'batch'] })
  kind: 'lot' | 'batch';
  @ApiProperty()
  depth: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'What flowed between the parent and this node (consumed or produced), stock unit of the lot',
  })
  quantity: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  firstAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  lastAt: string | null;
  @ApiProperty({ type: TraceLot, nullable: true })
  lot: TraceLot | null;
  @ApiProperty({ type: TraceOrder, nullable: true, description: 'Batches: the MO' })
  order: TraceOrder | null;
  @ApiProperty({ nullable: true, type: String, description: 'Batches: the batch number' })
  batchNumber: string | null;
  @ApiProperty({ type: [TraceWorkOrder], description: 'The work orders whose moves make the edge' })
  workOrders: TraceWorkOrder[];
  @ApiProperty({ type: () => [TraceNode] })
  children: TraceNode[];
}

export class TraceResponse {
  @ApiProperty({ enum: TRACE_DIRECTIONS })
  direction: TraceDirectionValue;
  @ApiProperty({ type: TraceNode })
  root: TraceNode;
  @ApiProperty({ description: 'Lots in the tree (the root included)' })
  lots: number;
  @ApiProperty({ description: 'Production batches in the tree' })
  batches: number;
}
