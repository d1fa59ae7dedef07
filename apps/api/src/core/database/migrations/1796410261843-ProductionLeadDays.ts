import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductionLeadDays1796410261843 implements MigrationInterface {
  name = 'ProductionLeadDays1796410261843';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "products" ADD "production_lead_days" integer NOT NULL DEFAULT '10'`);
    await q.query(
      `ALTER TABLE "products" ADD CONSTRAINT "products_production_lead_days_range" CHECK (production_lead_days >= 0 AND production_lead_days <= 365)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "products" DROP CONSTRAINT "products_production_lead_days_range"`);
    await q.query(`ALTER TABLE "products" DROP COLUMN "production_lead_days"`);
  }
}
