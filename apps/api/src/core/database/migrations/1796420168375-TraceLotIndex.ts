import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TraceLotIndex1796420168375 implements MigrationInterface {
  name = 'TraceLotIndex1796420168375';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "stock_moves_lot_idx" ON "stock_moves"  ("lot_id", "type") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."stock_moves_lot_idx"`);
  }
}
