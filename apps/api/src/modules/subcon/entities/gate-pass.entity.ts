import { Check, Column, Entity, Index, VersionColumn } from 'typeorm';
import {
  GATE_PASS_DIRECTIONS,
  GATE_PASS_STATES,
  type GatePassDirection,
  type GatePassState,
} from '@kapok/contracts';
import { BaseEntity } from '../../../core/database/base.entity.js';

/**
 * A gate pass of the subcontract route: OUT sends a SUBCON work order's cut panels and supporting
 * material to the subcontractor, IN brings its sewn goods back with the vendor's delivery note. The
 * stock moves only when security's count matches the pass (RELEASED); a difference holds it (HOLD).
 */
@Entity('gate_passes')
@Index('gate_passes_number_key', ['number'], { unique: true })
@Index('gate_passes_work_order_idx', ['workOrderId', 'direction', 'state'])
@Index('gate_passes_state_idx', ['state', 'direction'])
@Check('gate_passes_delivery_note_rule', `(direction = 'IN') = (delivery_note IS NOT NULL)`)
@Check('gate_passes_cancel_reason_rule', `(state = 'CANCELLED') = (cancel_reason IS NOT NULL)`)
@Check('gate_passes_released_rule', `(state = 'RELEASED') = (released_at IS NOT NULL)`)
export class GatePassEntity extends BaseEntity {
  /** GPO-YYYYMMDD-NNNN (out) or GPI-YYYYMMDD-NNNN (in), shipping's numbering. */
  @Column({ type: 'varchar', length: 30 })
  number: string;

  @Column({ type: 'enum', enum: GATE_PASS_DIRECTIONS, enumName: 'gate_pass_direction' })
  direction: GatePassDirection;

  @Column({ type: 'enum', enum: GATE_PASS_STATES, enumName: 'gate_pass_state', default: 'DRAFT' })
  state: GatePassState;

  /** The subcontractor (a SUBCONTRACTOR partner). */
  @Index('gate_passes_partner_idx')
  @Column({ type: 'uuid' })
  partnerId: string;

  /** The SUBCON work order the goods are for, and its order. */
  @Column({ type: 'uuid' })
  workOrderId: string;

  @Column({ type: 'uuid' })
  moId: string;

  @Column({ type: 'varchar', length: 40 })
  batchNumber: string;

  @Column({ type: 'varchar', length: 20 })
  vehicleNumber: string;

  @Column({ type: 'varchar', length: 120 })
  driverName: string;

  /** BC 2.6.1 (out) or BC 2.6.2 (in). */
  @Column({ type: 'varchar', length: 12 })
  customsDocument: string;

  /** The customs document's number, once it is known. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  customsReference: string | null;

  /** IN: the vendor's delivery note (surat jalan) number. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  deliveryNote: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;

  /** IN: the warehouse rack the goods are received into (in QUARANTINE). */
  @Column({ type: 'uuid', nullable: true })
  receivingLocationId: string | null;

  /** IN: when the released goods were moved to the SUBCON line for the handover to Finishing. */
  @Column({ type: 'timestamptz', nullable: true })
  onLineAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Security's last count. */
  @Column({ type: 'uuid', nullable: true })
  countedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  countedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  counts: number;

  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  /** OUT: when the goods are due back (released + the subcontractor's agreed days). */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledById: string | null;

  @VersionColumn({ default: 1 })
  version: number;
}
