import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lot index also carries the destination, so a trace reads only a lot's dispatched moves' rows. */
export class TraceLotDestination1796460000000 implements MigrationInterface {
  name = 'TraceLotDestination1796460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."stock_moves_lot_idx"`);
    await q.query(
      `CREATE INDEX "stock_moves_lot_idx" ON "stock_moves"  ("lot_id", "type", "to_location_id") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."stock_moves_lot_idx"`);
    await q.query(`CREATE INDEX "stock_moves_lot_idx" ON "stock_moves"  ("lot_id", "type") `);
  }
}
