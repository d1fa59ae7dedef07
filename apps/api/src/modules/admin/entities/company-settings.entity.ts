import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The company as its passports name it: the manufacturer and economic operator (one row). */
@Entity('company_settings')
@Check('company_settings_single_row', `id = 1`)
export class CompanySettingsEntity {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  legalName: string;

  @Column({ type: 'varchar', length: 500 })
  address: string;

  /** The unique operator identifier (e.g. EORI number) the passport names. */
  @Column({ type: 'varchar', length: 60 })
  operatorId: string;

  @Column({ type: 'varchar', length: 200 })
  contactEmail: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  website: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
