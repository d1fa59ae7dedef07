import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity.js';

/** Where to send which events: a URL, event patterns, and the signing secret shown once. */
@Entity('webhook_subscriptions')
export class WebhookSubscriptionEntity extends BaseEntity {
  @Column({ type: 'varchar', length: 2048 })
  url: string;

  /** `*`, `kanban_card.*` or `kanban_card.approved` (libs/contracts webhooks.ts). */
  @Column({ type: 'varchar', length: 100, array: true })
  events: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  description: string | null;

  /** `whsec_…`: the Standard Webhooks key; the signer needs it itself, so it is kept, never shown again. */
  @Column({ type: 'varchar', length: 80 })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** Deleted subscriptions stay for their delivery log; they receive nothing. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;
}
