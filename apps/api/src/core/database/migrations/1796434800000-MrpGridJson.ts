import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The MRP grid's buckets as json (checked text) instead of jsonb: written whole, read whole. */
export class MrpGridJson1796434800000 implements MigrationInterface {
  name = 'MrpGridJson1796434800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mrp_grid_rows" ALTER COLUMN "buckets" TYPE json USING "buckets"::json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "mrp_grid_rows" ALTER COLUMN "buckets" TYPE jsonb USING "buckets"::jsonb`);
  }
}
