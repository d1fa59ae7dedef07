import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number given per document kind and factory day, for numbers like KB-20261126-0001. */
@Entity('document_counters')
export class DocumentCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  scope: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'integer' })
  value: number;
}
