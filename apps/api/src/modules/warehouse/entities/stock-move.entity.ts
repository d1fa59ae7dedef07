import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MOVE_TYPES, UNITS, type MoveType, type Unit } from '@kapok/contracts';
import { LocationEntity } from './location.entity.js';
import { LotEntity } from './lot.entity.js';
import { ProductEntity } from './product.entity.js';

/** The append-only ledger (a trigger refuses UPDATE and DELETE). A correction is a new move. */
@Entity('stock_moves')
@Check('stock_moves_quantity_positive', `quantity > 0`)
@Check('stock_moves_distinct_locations', `from_location_id <> to_location_id`)
@Index('stock_moves_product_idx', ['productId', 'createdAt'])
@Index('stock_moves_from_idx', ['fromLocationId', 'createdAt'])
@Index('stock_moves_to_idx', ['toLocationId', 'createdAt'])
@Index('stock_moves_reference_idx', ['reference'])
@Index('stock_moves_document_idx', ['documentId'])
/**
 * Trace: the moves of a lot, by type (the walk, receipts) and by destination (dispatches to a customer,
 * checked in the index so only the dispatched moves' rows are read). One index for both: the ledger is
 * written by every posting.
 */
@Index('stock_moves_lot_idx', ['lotId', 'type', 'toLocationId'])
export class StockMoveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  productId: string;

  @ManyToOne(() => ProductEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: ProductEntity;

  /** In the product's stock unit. */
  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'uuid' })
  fromLocationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_location_id' })
  fromLocation?: LocationEntity;

  @Column({ type: 'uuid' })
  toLocationId: string;

  @ManyToOne(() => LocationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_location_id' })
  toLocation?: LocationEntity;

  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lot_id' })
  lot?: LotEntity;

  @Column({ type: 'enum', enum: MOVE_TYPES, enumName: 'move_type' })
  type: MoveType;

  /** Document number or free reference (MO batch, kanban number, delivery note). */
  @Column({ type: 'varchar', length: 120, nullable: true })
  reference: string | null;

  /** The document that caused the move: manufacturing_order, work_order, kanban_card, ... */
  @Column({ type: 'varchar', length: 40, nullable: true })
  documentType: string | null;

  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  /** What the user typed, before conversion to the stock unit. */
  @Column({ type: 'numeric', precision: 18, scale: 4, nullable: true })
  enteredQuantity: string | null;

  @Column({ type: 'enum', enum: UNITS, enumName: 'unit', nullable: true })
  enteredUom: Unit | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  actorUsername: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
