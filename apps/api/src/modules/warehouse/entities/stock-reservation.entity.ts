import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';

export const RESERVATION_STATUSES = ['OPEN', 'CLOSED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/**
 * What a document holds of which balance. The open quantities of a balance's OPEN reservations add up
 * to its `reserved` (the ledger check proves it).
 */
@Entity('stock_reservations')
@Check('stock_reservations_quantities', `open_quantity >= 0 AND open_quantity <= quantity AND quantity > 0`)
@Index('stock_reservations_document_idx', ['documentType', 'documentId'])
@Index('stock_reservations_open_key_idx', ['productId', 'locationId', 'lotId'], { where: `status = 'OPEN'` })
export class StockReservationEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  productId: string;

  @Column({ type: 'uuid' })
  locationId: string;

  @Column({ type: 'uuid', nullable: true })
  lotId: string | null;

  @Column({ type: 'varchar', length: 40 })
  documentType: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  quantity: string;

  @Column({ type: 'numeric', precision: 18, scale: 4 })
  openQuantity: string;

  @Column({ type: 'enum', enum: RESERVATION_STATUSES, enumName: 'reservation_status', default: 'OPEN' })
  status: ReservationStatus;
}
