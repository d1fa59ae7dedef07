import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity.js';

/** One message to one subscription and how sending it went (a redelivery is a new row, same message id). */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_subscription_created_idx', ['subscriptionId', 'createdAt'])
export class WebhookDeliveryEntity extends BaseEntity {
  @Column({ type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: WebhookSubscriptionEntity;

  /** The `webhook-id` header: the same on every attempt and redelivery of the message. */
  @Column({ type: 'varchar', length: 40 })
  messageId: string;

  @Column({ type: 'varchar', length: 100 })
  eventType: string;

  /** The JSON body sent: `{type, timestamp, data}`. */
  @Column({ type: 'jsonb' })
  payload: object;

  /** pending (queued or waiting for a retry), delivered, failed (given up). */
  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  /** The start of the last answer's body (at most 1 KB). */
  @Column({ type: 'varchar', length: 1024, nullable: true })
  lastResponse: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  redeliveryOfId: string | null;
}
